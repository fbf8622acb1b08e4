package dev.runwright.aws;

/**
 * A value that breaks an AWS rule. The message says what is wrong; {@link #expected()} says what
 * would be right, so callers can print "problem; expected ..." with the location they know.
 */
public final class InvalidValueException extends RuntimeException {
  private final String expected;

  public InvalidValueException(String problem, String expected) {
    super(problem, null, false, false);
    this.expected = expected;
  }

  /** What a valid value looks like, or {@code null} when the problem says it all. */
  public String expected() {
    return expected;
  }
}
