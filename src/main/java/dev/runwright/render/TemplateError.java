package dev.runwright.render;

/**
 * A template failed: it has a syntax error, refers to something missing, tried something the
 * sandbox refuses, or produced output that does not parse. The message is one line that names the
 * template file, line and column.
 */
public final class TemplateError extends RuntimeException {
  public TemplateError(String message, Throwable cause) {
    super(message, cause);
  }

  public TemplateError(String message) {
    super(message);
  }
}
