package dev.runwright.confluence;

import java.util.List;

/**
 * A Confluence bundle or publish that cannot go on. The message is one line per problem, naming the
 * page, field or request and what is expected; it never holds the token.
 */
public final class ConfluenceException extends RuntimeException {
  private final List<String> problems;

  public ConfluenceException(String message) {
    this(List.of(message));
  }

  /** One exception for several problems, found together before anything was written. */
  public ConfluenceException(List<String> problems) {
    super(String.join("\n", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one line each. */
  public List<String> problems() {
    return problems;
  }
}
