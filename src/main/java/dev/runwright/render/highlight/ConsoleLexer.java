package dev.runwright.render.highlight;

import java.util.List;

/**
 * A terminal session: a line that starts with the prompt {@code $ } is a shell command (with the
 * lines its {@code \} continuations join), lexed as shell; other lines are its output, plain.
 */
final class ConsoleLexer implements Lexer {
  private final Lexer shell = new ShellLexer();

  @Override
  public List<String> names() {
    return List.of("console", "shell-session");
  }

  @Override
  public List<Token> tokens(String code) {
    TokenList out = new TokenList();
    int line = 0;
    while (line < code.length()) {
      int end = Chars.lineEnd(code, line);
      if (Chars.at(code, line, "$ ") || (end == line + 1 && code.charAt(line) == '$')) {
        out.add(line, line + 1, TokenType.OPERATOR);
        int start = line + 1;
        while (end < code.length() && continues(code, end)) {
          end = Chars.lineEnd(code, end + 1);
        }
        for (Token t : shell.tokens(code.substring(start, end))) {
          out.add(start + t.start(), start + t.end(), t.type());
        }
      }
      line = end + 1;
    }
    return out.list();
  }

  /** Whether the line that ends at {@code lineEnd} ends with a line continuation. */
  private static boolean continues(String code, int lineEnd) {
    int i = lineEnd - 1;
    if (i >= 0 && code.charAt(i) == '\r') {
      i--;
    }
    return i >= 0 && code.charAt(i) == '\\';
  }
}
