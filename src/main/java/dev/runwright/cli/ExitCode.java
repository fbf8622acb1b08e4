package dev.runwright.cli;

/** Runwright's exit codes; each failure kind has its own, so scripts can tell them apart. */
public final class ExitCode {
  private ExitCode() {}

  /** Everything worked. */
  public static final int OK = 0;

  /** {@code check} found differences, or {@code lint} found an ERROR. */
  public static final int FINDINGS = 1;

  /** The command line is wrong: an unknown flag, a missing argument. */
  public static final int USAGE = 2;

  /** The input (YAML or flags) is wrong. Nothing was written. */
  public static final int INVALID_INPUT = 3;

  /** A template or pack manifest is wrong. Nothing was written. */
  public static final int TEMPLATE = 4;

  /** The output cannot be written. The previous output is unchanged. */
  public static final int OUTPUT = 5;

  /**
   * Stopped by Ctrl-C (SIGINT; SIGTERM ends with 143, as the JVM sets both): a build removed its
   * staging folder and lock, and the output is unchanged.
   */
  public static final int INTERRUPTED = 130;

  /** A bug in Runwright; run again with --verbose and report the stack trace. */
  public static final int INTERNAL = 70;
}
