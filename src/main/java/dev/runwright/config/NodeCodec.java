package dev.runwright.config;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of one file as bytes and back, positions included, so that an inventory's entries can wait
 * on disk between checking and rendering. The file's name is not stored: every node of a file has
 * the same, given back when decoding. An alias is stored as the value it stands for.
 */
final class NodeCodec {
  private static final int SCALAR = 0;
  private static final int MAPPING = 1;
  private static final int SEQUENCE = 2;

  private NodeCodec() {}

  /** {@code node} as bytes, after {@code header}. */
  static byte[] encode(int header, Node node) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(header);
      write(out, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** The header {@link #encode} wrote. */
  static int header(byte[] bytes) {
    return ((bytes[0] & 0xff) << 24)
        | ((bytes[1] & 0xff) << 16)
        | ((bytes[2] & 0xff) << 8)
        | (bytes[3] & 0xff);
  }

  /** The node {@link #encode} wrote, with {@code source} as its file's name. */
  static Node decode(byte[] bytes, String source) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      in.readInt();
      return read(in, source);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored inventory entry is damaged", e);
    }
  }

  private static void write(DataOutputStream out, Node node) throws IOException {
    writePos(out, node.pos());
    if (node instanceof Node.Scalar s) {
      out.writeByte(SCALAR);
      out.writeByte(s.style().ordinal());
      writeText(out, s.text());
    } else if (node instanceof Node.Mapping m) {
      out.writeByte(MAPPING);
      out.writeInt(m.fields().size());
      for (Node.Field f : m.fields().values()) {
        writeText(out, f.key());
        writePos(out, f.keyPos());
        write(out, f.value());
      }
    } else {
      Node.Sequence q = (Node.Sequence) node;
      out.writeByte(SEQUENCE);
      out.writeInt(q.items().size());
      for (Node item : q.items()) {
        write(out, item);
      }
    }
  }

  private static Node read(DataInputStream in, String source) throws IOException {
    Position at = readPos(in, source);
    int kind = in.readByte();
    if (kind == SCALAR) {
      Node.Style style = Node.Style.values()[in.readByte()];
      return new Node.Scalar(readText(in), style, at);
    }
    int n = in.readInt();
    if (kind == MAPPING) {
      Map<String, Node.Field> fields = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String key = readText(in);
        Position keyAt = readPos(in, source);
        fields.put(key, new Node.Field(key, keyAt, read(in, source)));
      }
      return new Node.Mapping(fields, at);
    }
    List<Node> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(read(in, source));
    }
    return new Node.Sequence(items, at);
  }

  private static void writePos(DataOutputStream out, Position p) throws IOException {
    out.writeInt(p.line());
    out.writeInt(p.column());
  }

  private static Position readPos(DataInputStream in, String source) throws IOException {
    int line = in.readInt();
    return new Position(source, line, in.readInt());
  }

  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
