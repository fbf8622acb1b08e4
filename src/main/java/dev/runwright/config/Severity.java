package dev.runwright.config;

/** How much a diagnostic matters: an error stops the run, a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
