package dev.runwright.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's protocol, both directions over one Unix socket. The client sends a request: the
 * magic number, its working folder and the arguments. The daemon answers with frames, each a type
 * byte, a length and that many bytes: standard output, standard error, then one exit frame with the
 * exit code, or one refusal (the daemon cannot answer for that request and the client runs it
 * itself).
 */
final class Frames {
  private Frames() {}

  static final int MAGIC = 0x52574431; // "RWD1"

  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte REFUSED = 4;

  /** The most a request may hold: a command line, not data. */
  static final int MAX_REQUEST = 1 << 20;

  /** A request: the client's working folder and its arguments. */
  record Request(String cwd, List<String> args) {}

  static void writeRequest(DataOutputStream out, Request r) throws IOException {
    out.writeInt(MAGIC);
    writeString(out, r.cwd());
    out.writeInt(r.args().size());
    for (String a : r.args()) {
      writeString(out, a);
    }
    out.flush();
  }

  static Request readRequest(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a Runwright request");
    }
    int[] budget = {MAX_REQUEST};
    String cwd = readString(in, budget);
    int n = in.readInt();
    if (n < 0 || n > budget[0]) {
      throw new IOException("bad argument count " + n);
    }
    List<String> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      args.add(readString(in, budget));
    }
    return new Request(cwd, List.copyOf(args));
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in, int[] budget) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > budget[0]) {
      throw new IOException("request over " + MAX_REQUEST + " bytes");
    }
    budget[0] -= n;
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  static void writeFrame(DataOutputStream out, byte type, byte[] b, int off, int len)
      throws IOException {
    out.writeByte(type);
    out.writeInt(len);
    out.write(b, off, len);
    out.flush();
  }

  static void writeCode(DataOutputStream out, byte type, int code) throws IOException {
    out.writeByte(type);
    out.writeInt(4);
    out.writeInt(code);
    out.flush();
  }

  /** One frame read back: its type and bytes. */
  record Frame(byte type, byte[] bytes) {
    int code() {
      return ((bytes[0] & 0xff) << 24)
          | ((bytes[1] & 0xff) << 16)
          | ((bytes[2] & 0xff) << 8)
          | (bytes[3] & 0xff);
    }
  }

  /** The next frame, or {@code null} at the end of the stream. */
  static Frame readFrame(DataInputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("bad frame length " + n);
    }
    byte[] b = in.readNBytes(n);
    if (b.length < n || ((type == EXIT || type == REFUSED) && n != 4)) {
      throw new EOFException("frame cut short");
    }
    return new Frame((byte) type, b);
  }

  /**
   * A stream that sends what is written to it as frames of one type when flushed (the command's
   * {@code PrintWriter}s flush at each line), so the client prints as the run goes.
   */
  static final class FrameStream extends OutputStream {
    private final DataOutputStream socket;
    private final byte type;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    FrameStream(DataOutputStream socket, byte type) {
      this.socket = socket;
      this.type = type;
    }

    @Override
    public void write(int b) {
      pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      pending.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (pending.size() == 0) {
        return;
      }
      synchronized (socket) {
        writeFrame(socket, type, pending.toByteArray(), 0, pending.size());
      }
      pending.reset();
    }
  }
}
