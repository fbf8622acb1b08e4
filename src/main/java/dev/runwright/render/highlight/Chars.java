package dev.runwright.render.highlight;

import java.util.Arrays;
import java.util.Set;

/** Scanning helpers the hand-written lexers share; each returns an index, never beyond the end. */
final class Chars {
  private Chars() {}

  /** The words of a space-separated table, for keyword lists that read as one. */
  static Set<String> words(String table) {
    return Set.copyOf(Arrays.asList(table.trim().split("\\s+")));
  }

  /** The index of the line break at or after {@code pos}, or the end. */
  static int lineEnd(String s, int pos) {
    int n = s.indexOf('\n', pos);
    return n < 0 ? s.length() : n;
  }

  /** The index after {@code close} found at or after {@code pos}, or the end. */
  static int after(String s, int pos, String close) {
    int n = s.indexOf(close, pos);
    return n < 0 ? s.length() : n + close.length();
  }

  static boolean isIdentStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  /** The end of the identifier at {@code pos}: letters, digits, {@code _} and {@code extra}. */
  static int identEnd(String s, int pos, String extra) {
    int i = pos;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || extra.indexOf(c) >= 0)) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * The end of the decimal number at {@code pos} ({@code 12}, {@code 1.5}, {@code 2e-3}), or {@code
   * pos} when none starts there.
   */
  static int numberEnd(String s, int pos) {
    int i = digits(s, pos);
    if (i == pos) {
      return pos;
    }
    if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
      i = digits(s, i + 1);
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
        j++;
      }
      int k = digits(s, j);
      if (k > j) {
        i = k;
      }
    }
    return i;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int pos) {
    int i = pos;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The index after the string that opens with the quote at {@code pos}, or the end when it is not
   * closed. {@code backslash}: a backslash escapes the next character; {@code doubled}: two quotes
   * stand for one (SQL's {@code 'it''s'}).
   */
  static int quotedEnd(String s, int pos, boolean backslash, boolean doubled) {
    char q = s.charAt(pos);
    int i = pos + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && backslash) {
        i += 2;
      } else if (c == q) {
        if (doubled && i + 1 < s.length() && s.charAt(i + 1) == q) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** Whether {@code s} has {@code word} at {@code pos}. */
  static boolean at(String s, int pos, String word) {
    return s.startsWith(word, pos);
  }

  /** The character at {@code pos}, or 0 past the end. */
  static char charAt(String s, int pos) {
    return pos < s.length() ? s.charAt(pos) : 0;
  }
}
