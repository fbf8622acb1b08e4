package dev.runwright.pack;

import dev.runwright.config.Diagnostic;
import java.util.List;

/**
 * A pack's manifest or templates are wrong. Each line names the file, line and column. This is
 * the template author's problem, not the runbook input's, so it has its own exit code.
 */
public final class PackException extends RuntimeException {
  private final List<String> lines;

  public PackException(List<Diagnostic> diagnostics) {
    this(diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList(), 0);
  }

  public PackException(String line) {
    this(List.of(line), 0);
  }

  private PackException(List<String> lines, int unused) {
    super(lines.isEmpty() ? "pack error" : lines.get(0), null, false, false);
    this.lines = List.copyOf(lines);
  }

  /** One line per problem. */
  public List<String> lines() {
    return lines;
  }
}
