package dev.runwright.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of a build kept on disk instead of in memory: the entries of a large inventory between
 * checking and rendering them, and what the site index and the search index need of each runbook,
 * written as the runbooks render and read back when the shared files are written. A 100,000-runbook
 * build would otherwise hold a few hundred megabytes of such records until its end; on disk they
 * cost a file in the temporary folder, removed on {@link #close}.
 *
 * <p>A record is a list of strings (and {@code null}s), stored as UTF-8 with their lengths; {@link
 * #append} returns where it starts, and {@link #read} gives the same list back. Thread-safe:
 * appends come from the rendering threads; reads are positional.
 */
public final class SpillFile implements Closeable {
  private final Path file;
  private final FileChannel channel;
  private long size;

  private SpillFile(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** A new, empty spill file in the system's temporary folder. */
  public static SpillFile create() {
    try {
      Path f = Files.createTempFile("runwright-index-", ".bin");
      FileChannel channel = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        // Unlinked at once where the system allows it (the open channel keeps the data), so that
        // a build killed with SIGKILL leaves nothing behind; elsewhere it goes when the JVM exits.
        Files.delete(f);
      } catch (IOException e) {
        f.toFile().deleteOnExit();
      }
      return new SpillFile(f, channel);
    } catch (IOException e) {
      throw new OutputException("cannot make a temporary file for the index: " + e.getMessage());
    }
  }

  /** Appends a record; returns its offset, for {@link #read}. */
  public long append(List<String> fields) {
    return appendBytes(encode(fields));
  }

  /** Appends a record of bytes; returns its offset, for {@link #readBytes}. */
  public long appendBytes(byte[] body) {
    byte[] bytes = new byte[body.length + 4];
    ByteBuffer.wrap(bytes).putInt(body.length).put(body);
    synchronized (this) {
      long at = size;
      try {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          channel.write(buf, at + buf.position());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the index's temporary file " + file, e);
      }
      size += bytes.length;
      return at;
    }
  }

  /** The record {@link #append} stored at {@code offset}. */
  public List<String> read(long offset) {
    return decode(readBytes(offset));
  }

  /** The bytes {@link #appendBytes} stored at {@code offset}. */
  public byte[] readBytes(long offset) {
    try {
      ByteBuffer head = ByteBuffer.allocate(4);
      readFully(head, offset);
      ByteBuffer body = ByteBuffer.allocate(head.getInt(0));
      readFully(body, offset + 4);
      return body.array();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index's temporary file " + file, e);
    }
  }

  private void readFully(ByteBuffer buf, long at) throws IOException {
    while (buf.hasRemaining()) {
      int n = channel.read(buf, at + buf.position());
      if (n < 0) {
        throw new IOException("unexpected end at " + (at + buf.position()));
      }
    }
  }

  /** A record as bytes: per field a length (-1 for null) and UTF-8. */
  static byte[] encode(List<String> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    writeInt(out, fields.size());
    for (String f : fields) {
      if (f == null) {
        writeInt(out, -1);
      } else {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        writeInt(out, b.length);
        out.write(b, 0, b.length);
      }
    }
    return out.toByteArray();
  }

  /** The fields of a record's body (the bytes after its length). */
  static List<String> decode(byte[] body) {
    ByteBuffer in = ByteBuffer.wrap(body);
    int n = in.getInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = in.getInt();
      if (len < 0) {
        out.add(null);
      } else {
        out.add(new String(body, in.position(), len, StandardCharsets.UTF_8));
        in.position(in.position() + len);
      }
    }
    return out;
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left behind is removed when the JVM exits (deleteOnExit)
    }
  }
}
