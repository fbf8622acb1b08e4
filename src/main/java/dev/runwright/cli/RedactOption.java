package dev.runwright.cli;

import picocli.CommandLine.Option;

/** {@code --redact-accounts}, declared once for the publishing commands and {@code check}. */
final class RedactOption {
  @Option(
      names = "--redact-accounts",
      description =
          "Mask account IDs everywhere but their last four digits (<account-3333>), for sites that"
              + " leave the company; check compares with a build made with it.")
  boolean redact;
}
