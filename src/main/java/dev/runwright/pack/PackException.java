package dev.runwright.pack;

import dev.runwright.config.Diagnostic;
import java.util.List;

/**
 * A pack's manifest or templates are wrong. Each line names the file, line and column. This is the
 * template author's problem, not the runbook input's, so it has its own exit code.
 */
public final class PackException extends RuntimeException {
  private final List<String> lines;

  public PackException(List<Diagnostic> diagnostics) {
    super(first(diagnostics));
    this.lines =
        diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
  }

  public PackException(String line) {
    super(line);
    this.lines = List.of(line);
  }

  private static String first(List<Diagnostic> ds) {
    return ds.stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::toString)
        .findFirst()
        .orElse("pack error");
  }

  /** One line per problem. */
  public List<String> lines() {
    return lines;
  }
}
