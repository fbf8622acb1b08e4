package dev.runwright.validators;

/**
 * One problem an outside validator reported, where it is: {@code file:line:col: message}, the form
 * the project's own diagnostics use. Line and column are 0 when the tool does not give them.
 */
public record Finding(String file, int line, int column, String message) {

  /** A finding without a position. */
  public static Finding at(String file, String message) {
    return new Finding(file, 0, 0, message);
  }

  @Override
  public String toString() {
    if (line == 0) {
      return file + ": " + message;
    }
    return file + ":" + line + (column == 0 ? "" : ":" + column) + ": " + message;
  }
}
