package dev.runwright.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Standard input, read once. A command may read its input file twice (to tell a runbook from an
 * inventory, then to render it); standard input can be read only once, so its bytes are kept for as
 * long as {@link System#in} is the same stream.
 */
final class Stdin {
  private Stdin() {}

  private static InputStream readFrom;
  private static byte[] bytes;

  /**
   * The bytes of standard input, at most {@code maxBytes} of them.
   *
   * @throws InvalidInputException when there are more, or it cannot be read
   */
  static synchronized byte[] read(long maxBytes, Position at) {
    InputStream in = System.in;
    if (in != readFrom) {
      try {
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        bytes = in.readNBytes(limit);
      } catch (IOException e) {
        throw new InvalidInputException(
            Diagnostic.error(at, "", "cannot be read: " + e.getMessage()));
      }
      readFrom = in;
    }
    if (bytes.length > maxBytes) {
      throw new InvalidInputException(
          Diagnostic.error(
              at,
              "",
              "is more than "
                  + maxBytes
                  + " bytes; Runwright reads files of at most "
                  + maxBytes
                  + " bytes (--max-input-bytes raises the limit)"));
    }
    return Arrays.copyOf(bytes, bytes.length);
  }
}
