package dev.runwright.io;

/** An output folder or file cannot be used or written. The message is one line for the user. */
public final class OutputException extends RuntimeException {
  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
