package dev.runwright.site;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Where a build's files go: a staging folder to publish, or a comparison with what is on disk. */
public interface Target {
  /** Receives one file at a {@code /}-separated path relative to the output. Thread-safe. */
  void write(String rel, byte[] bytes);

  /** Text that writes itself, for a large file: a site's index, its search index. */
  interface Text {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Receives one file as UTF-8 text, made as it is written: a target that can (a folder) writes it
   * out without holding it; others get its bytes.
   */
  default void write(String rel, Text text) {
    StringWriter all = new StringWriter(1 << 16);
    try {
      text.writeTo(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    write(rel, all.toString().getBytes(StandardCharsets.UTF_8));
  }
}
