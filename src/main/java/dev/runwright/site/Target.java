package dev.runwright.site;

/** Where a build's files go: a staging folder to publish, or a comparison with what is on disk. */
public interface Target {
  /** Receives one file at a {@code /}-separated path relative to the output. Thread-safe. */
  void write(String rel, byte[] bytes);
}
