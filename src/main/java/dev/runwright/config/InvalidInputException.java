package dev.runwright.config;

import java.util.List;

/** The input has errors; each diagnostic is one line for the user. Nothing has been written. */
public final class InvalidInputException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public InvalidInputException(List<Diagnostic> diagnostics) {
    super(
        diagnostics.stream()
            .filter(Diagnostic::isError)
            .findFirst()
            .map(Object::toString)
            .orElse("invalid input"));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public InvalidInputException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  /** Errors and warnings, in the order they were found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
