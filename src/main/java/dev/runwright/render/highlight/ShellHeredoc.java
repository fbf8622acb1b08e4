package dev.runwright.render.highlight;

import java.util.List;

/**
 * The shell's here-documents ({@code <<WORD}, {@code <<-WORD}, {@code <<'WORD'}), and the
 * expansions {@code $NAME} and {@code ${...}} that their bodies and the {@link ShellLexer} share.
 */
final class ShellHeredoc {
  private ShellHeredoc() {}

  /** A here-document whose body starts after the line that opened it. */
  record Pending(String delimiter, boolean stripTabs, boolean expand) {}

  /**
   * At the {@code <<} at {@code pos}: adds the opener as an operator and its body to {@code
   * pending}; returns the index after the opener.
   */
  static int opener(String s, int pos, TokenList out, List<Pending> pending) {
    int i = pos + 2;
    boolean strip = Chars.charAt(s, i) == '-';
    if (strip) {
      i++;
    }
    while (Chars.charAt(s, i) == ' ' || Chars.charAt(s, i) == '\t') {
      i++;
    }
    int start = i;
    char q = Chars.charAt(s, i);
    boolean quoted = q == '\'' || q == '"';
    String delimiter;
    if (quoted) {
      i = Chars.quotedEnd(s, i, false, false);
      delimiter = s.substring(start + 1, Math.max(start + 1, i - 1));
    } else {
      while (i < s.length() && ShellLexer.WORD_END.indexOf(s.charAt(i)) < 0) {
        i++;
      }
      delimiter = s.substring(start, i);
      quoted = delimiter.indexOf('\\') >= 0; // bash: any quoting stops expansion
      delimiter = delimiter.replace("\\", "");
    }
    out.add(pos, i, TokenType.OPERATOR);
    if (!delimiter.isEmpty()) {
      pending.add(new Pending(delimiter, strip, !quoted));
    }
    return i;
  }

  /**
   * At the start of the line after openers: adds each body and its closing line, in order, and
   * empties {@code pending}; returns the index after the last closing line (the end of the code
   * when one is not closed).
   */
  static int bodies(String s, int pos, TokenList out, List<Pending> pending) {
    for (Pending h : pending) {
      int line = pos;
      int close = -1;
      while (line < s.length() && close < 0) {
        int end = Chars.lineEnd(s, line);
        int textStart = line;
        while (h.stripTabs() && textStart < end && s.charAt(textStart) == '\t') {
          textStart++;
        }
        int textEnd = end > textStart && s.charAt(end - 1) == '\r' ? end - 1 : end;
        if (s.substring(textStart, textEnd).equals(h.delimiter())) {
          body(s, pos, line, h.expand(), out);
          out.add(textStart, textEnd, TokenType.OPERATOR);
          close = Math.min(s.length(), end + 1);
        }
        line = end + 1;
      }
      if (close < 0) {
        body(s, pos, s.length(), h.expand(), out);
        close = s.length();
      }
      pos = close;
    }
    pending.clear();
    return pos;
  }

  /** A body: text, with {@code $NAME} and {@code ${...}} when it expands. */
  private static void body(String s, int from, int to, boolean expand, TokenList out) {
    int i = from;
    int text = from;
    while (expand && i < to) {
      char c = s.charAt(i);
      char next = Chars.charAt(s, i + 1);
      int end = i;
      if (c == '\\') {
        i += 2;
        continue;
      } else if (c == '$' && next == '{') {
        end = Math.min(to, braceEnd(s, i + 2));
      } else if (c == '$' && isNameStart(next)) {
        end = Math.min(to, nameEnd(s, i + 1));
      }
      if (end > i) {
        out.add(text, i, TokenType.STRING);
        out.add(i, end, TokenType.VARIABLE);
        text = end;
        i = end;
      } else {
        i++;
      }
    }
    out.add(text, to, TokenType.STRING);
  }

  /** The end of {@code ${...}}: after its closing brace, nested braces counted, within the line. */
  static int braceEnd(String s, int from) {
    int depth = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        return i;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && depth-- == 0) {
        return i + 1;
      }
    }
    return s.length();
  }

  static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The end of the shell variable name at {@code from}: ASCII letters, digits and {@code _}. */
  static int nameEnd(String s, int from) {
    int i = from;
    while (i < s.length() && (isNameStart(s.charAt(i)) || Chars.isDigit(s.charAt(i)))) {
      i++;
    }
    return i;
  }
}
