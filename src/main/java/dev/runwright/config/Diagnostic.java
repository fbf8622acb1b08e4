package dev.runwright.config;

/**
 * One problem with the input, printed as one line: {@code site.yaml:12:14: error: runbooks[2]
 * (prod-use1): account: "12345" has 5 digits; expected exactly 12 digits}.
 *
 * @param severity error or warning
 * @param where the file position or flag the problem is at
 * @param subject what is wrong, such as {@code account} or {@code runbooks[2] (prod-use1): keys[0]}
 * @param message the problem and what is expected
 */
public record Diagnostic(Severity severity, Position where, String subject, String message) {

  public static Diagnostic error(Position where, String subject, String message) {
    return new Diagnostic(Severity.ERROR, where, subject, message);
  }

  public static Diagnostic warning(Position where, String subject, String message) {
    return new Diagnostic(Severity.WARNING, where, subject, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same problem, told about an entry of an inventory. */
  public Diagnostic within(String entryLabel) {
    return new Diagnostic(
        severity, where, subject.isEmpty() ? entryLabel : entryLabel + ": " + subject, message);
  }

  @Override
  public String toString() {
    String head = where == null ? "" : where + ": ";
    return head + severity.label() + ": " + (subject.isEmpty() ? "" : subject + ": ") + message;
  }
}
