package dev.runwright.cli;

import picocli.CommandLine.Option;

/** {@code --strict}, for CI: a warning fails the command as an error would. */
final class StrictOption {
  @Option(
      names = "--strict",
      description =
          "Treat warnings as errors (for CI): exit 3 and write nothing when the input has a"
              + " warning (lint: exit 1 on a WARNING or SECURITY_WARNING).")
  boolean strict;
}
