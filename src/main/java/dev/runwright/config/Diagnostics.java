package dev.runwright.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem found before anything is written, so they are reported together. */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public void add(Diagnostic d) {
    all.add(d);
  }

  public void addAll(Iterable<Diagnostic> ds) {
    ds.forEach(all::add);
  }

  public void error(Position where, String subject, String message) {
    add(Diagnostic.error(where, subject, message));
  }

  public void warning(Position where, String subject, String message) {
    add(Diagnostic.warning(where, subject, message));
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) all.stream().filter(Diagnostic::isError).count();
  }

  public List<Diagnostic> all() {
    return Collections.unmodifiableList(all);
  }

  public List<Diagnostic> warnings() {
    return all.stream().filter(d -> !d.isError()).toList();
  }

  /** Throws when there is at least one error; warnings alone do not stop the run. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new InvalidInputException(all);
    }
  }

  /**
   * As {@link #throwIfErrors()}; with {@code strict} (the {@code --strict} flag, for CI), a warning
   * fails like an error, reported as one.
   */
  public void throwIfErrors(boolean strict) {
    if (strict && !warnings().isEmpty()) {
      java.util.List<Diagnostic> all = new java.util.ArrayList<>();
      for (Diagnostic x : all()) {
        all.add(
            x.isError()
                ? x
                : new Diagnostic(
                    Severity.ERROR,
                    x.where(),
                    x.subject(),
                    x.message() + " (an error with --strict)"));
      }
      throw new InvalidInputException(all);
    }
    throwIfErrors();
  }
}
