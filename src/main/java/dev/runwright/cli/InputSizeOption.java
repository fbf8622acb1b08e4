package dev.runwright.cli;

import dev.runwright.config.YamlReader;
import picocli.CommandLine.Option;

/** {@code --max-input-bytes N}, declared once for every command that reads YAML. */
final class InputSizeOption {
  @Option(
      names = "--max-input-bytes",
      paramLabel = "N",
      converter = ByteCount.class,
      defaultValue = "10485760",
      description = "Refuse input files larger than this (default: ${DEFAULT-VALUE}, 10 MiB).")
  long maxInputBytes;

  long bytes() {
    return maxInputBytes > 0 ? maxInputBytes : YamlReader.DEFAULT_MAX_BYTES;
  }
}
