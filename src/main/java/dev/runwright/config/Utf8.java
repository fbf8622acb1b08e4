package dev.runwright.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Input files are strict UTF-8: a bad byte is an error naming its line and column. */
public final class Utf8 {
  private Utf8() {}

  /**
   * {@code bytes} as strict UTF-8 text.
   *
   * @throws InvalidInputException naming {@code name}, line and column of the first bad byte
   */
  public static String decode(byte[] bytes, String name) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      // The column counts characters, as SnakeYAML's do: the bytes before it are valid UTF-8.
      String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
      throw YamlReader.problem(
          new Position(name, line, before.codePointCount(0, before.length()) + 1),
          String.format(
              "is not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8",
              bytes[offset] & 0xff, offset));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** Whether reading failed on bytes that are not UTF-8, however the parser wrapped that. */
  static boolean failedOn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.charset.CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  /** The error {@link #decode} gives for the file, with the line and column of the bad byte. */
  static InvalidInputException problem(Path file, String name) {
    try {
      decode(Files.readAllBytes(file), name);
    } catch (InvalidInputException e) {
      return e;
    } catch (IOException e) {
      return YamlReader.problem(new Position(name, 0, 0), "cannot be read: " + e.getMessage());
    }
    return YamlReader.problem(new Position(name, 0, 0), "is not UTF-8 text");
  }
}
