package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daemon's protocol reads back what was written, and refuses what is not a request. */
class FramesTest {
  private static DataInputStream in(ByteArrayOutputStream b) {
    return new DataInputStream(new ByteArrayInputStream(b.toByteArray()));
  }

  @Test
  void aRequestReadsBackAsWritten() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Frames.Request r =
        new Frames.Request("/home/ü/a b", List.of("generate", "--region", "", "日本", "a\nb"));
    Frames.writeRequest(new DataOutputStream(b), r);
    assertEquals(r, Frames.readRequest(in(b)));
  }

  @Test
  void framesReadBackInOrderAndThenTheEnd() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    Frames.FrameStream stdout = new Frames.FrameStream(out, Frames.OUT);
    stdout.write("one ".getBytes(StandardCharsets.UTF_8));
    stdout.write('2');
    stdout.flush();
    stdout.flush(); // nothing pending: no empty frame
    Frames.writeCode(out, Frames.EXIT, -7);
    DataInputStream i = in(b);
    Frames.Frame f = Frames.readFrame(i);
    assertEquals(Frames.OUT, f.type());
    assertArrayEquals("one 2".getBytes(StandardCharsets.UTF_8), f.bytes());
    Frames.Frame exit = Frames.readFrame(i);
    assertEquals(Frames.EXIT, exit.type());
    assertEquals(-7, exit.code());
    assertNull(Frames.readFrame(i));
  }

  @Test
  void somethingElseIsNotARequest() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new DataOutputStream(b).writeBytes("GET / HTTP/1.1\r\n\r\n");
    assertThrows(IOException.class, () -> Frames.readRequest(in(b)));
  }

  @Test
  void anOversizedRequestIsRefusedBeforeItIsRead() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.writeInt(Frames.MAGIC);
    out.writeInt(Frames.MAX_REQUEST + 1);
    assertThrows(IOException.class, () -> Frames.readRequest(in(b)));
    ByteArrayOutputStream many = new ByteArrayOutputStream();
    DataOutputStream m = new DataOutputStream(many);
    m.writeInt(Frames.MAGIC);
    m.writeInt(0);
    m.writeInt(Integer.MAX_VALUE);
    assertThrows(IOException.class, () -> Frames.readRequest(in(many)));
  }

  @Test
  void aFrameCutShortIsAnError() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.writeByte(Frames.EXIT);
    out.writeInt(4);
    out.writeShort(1);
    assertThrows(EOFException.class, () -> Frames.readFrame(in(b)));
  }
}
