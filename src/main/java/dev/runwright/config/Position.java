package dev.runwright.config;

/**
 * Where a value came from: a file with line and column (1-based), or a command-line flag.
 *
 * @param source a file name as the user gave it, or a flag such as {@code --account}
 * @param line the 1-based line, or 0 for a flag
 * @param column the 1-based column, or 0 for a flag
 */
public record Position(String source, int line, int column) {

  /** The position of a command-line flag. */
  public static Position flag(String flag) {
    return new Position(flag, 0, 0);
  }

  public boolean isFlag() {
    return line == 0;
  }

  // Written out rather than generated: a record's own equals and hashCode are linked through
  // invokedynamic on first use, which costs a one-runbook run several milliseconds.
  @Override
  public boolean equals(Object o) {
    return o instanceof Position p
        && line == p.line
        && column == p.column
        && java.util.Objects.equals(source, p.source);
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(source) * 31 + line) * 31 + column;
  }

  @Override
  public String toString() {
    return line == 0 ? source : source + ":" + line + ":" + column;
  }
}
