package dev.runwright.render.highlight;

import java.util.ArrayList;
import java.util.List;

/** The tokens a lexer collects, in order. */
final class TokenList {
  private final List<Token> tokens = new ArrayList<>();

  /** Adds a token; a null type (plain text) or an empty range adds nothing. */
  void add(int start, int end, TokenType type) {
    if (start < end && type != null) {
      tokens.add(new Token(start, end, type));
    }
  }

  List<Token> list() {
    return tokens;
  }
}
