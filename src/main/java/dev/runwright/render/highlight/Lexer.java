package dev.runwright.render.highlight;

import java.util.List;

/**
 * One language the {@link Highlighter} knows. A language is one class implementing this interface
 * plus its entry in {@link Highlighter#BUILT_IN}.
 */
public interface Lexer {
  /**
   * The words a fence's info string names this language by, in lower case ({@code sh}, {@code
   * bash}).
   */
  List<String> names();

  /**
   * The tokens of {@code code}, in order and not overlapping; text between tokens is shown plain.
   * Must return for every input, never throw: code blocks in a document may be fragments, wrong or
   * hostile. The highlighter drops any token out of order or out of range, so that what it shows is
   * always exactly the code.
   */
  List<Token> tokens(String code);
}
