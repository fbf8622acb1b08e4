package dev.runwright.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * A POSIX shell word splitter for the commands the runbooks print: single quotes, double quotes
 * with their four backslash escapes, backslash escapes and line continuations, comments, and the
 * operators. Expansions ({@code $}, backticks, unquoted globs and a leading tilde) are not
 * performed, only flagged, since a value must never cause one.
 */
final class ShellWords {
  private ShellWords() {}

  enum Kind {
    WORD,
    OPERATOR,
    NEWLINE
  }

  /** A word (with whether sh would expand something in it), an operator or a line end. */
  record Token(Kind kind, String text, boolean expands) {}

  /** The words of a line without operators or expansions. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    for (Token t : tokens(line)) {
      if (t.kind() == Kind.WORD) {
        out.add(t.text());
      }
    }
    return out;
  }

  /** The words of each simple command: split at line ends and operators. */
  static List<List<Token>> commands(String script) {
    List<List<Token>> out = new ArrayList<>();
    List<Token> cmd = new ArrayList<>();
    for (Token t : tokens(script)) {
      if (t.kind() == Kind.WORD) {
        cmd.add(t);
      } else if (!cmd.isEmpty()) {
        out.add(cmd);
        cmd = new ArrayList<>();
      }
    }
    if (!cmd.isEmpty()) {
      out.add(cmd);
    }
    return out;
  }

  /**
   * @throws IllegalArgumentException on an unterminated quote or a backslash at the very end
   */
  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean expands = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          throw new IllegalArgumentException("a backslash at the end");
        }
        if (s.charAt(i + 1) != '\n') { // backslash-newline joins the lines
          word.append(s.charAt(i + 1));
          inWord = true;
        }
        i += 2;
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("an unterminated single quote");
        }
        word.append(s, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        inWord = true;
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("an unterminated double quote");
          }
          char d = s.charAt(i);
          if (d == '"') {
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
            if (s.charAt(i + 1) != '\n') {
              word.append(s.charAt(i + 1));
            }
            i += 2;
            continue;
          }
          if (d == '$' || d == '`') {
            expands = true;
          }
          word.append(d);
          i++;
        }
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          out.add(new Token(Kind.WORD, word.toString(), expands));
          word.setLength(0);
          inWord = false;
          expands = false;
        }
        if (c == '\n') {
          out.add(new Token(Kind.NEWLINE, "\n", false));
        }
        i++;
      } else if (";&|<>()".indexOf(c) >= 0) {
        if (inWord) {
          out.add(new Token(Kind.WORD, word.toString(), expands));
          word.setLength(0);
          inWord = false;
          expands = false;
        }
        boolean twice = i + 1 < n && s.charAt(i + 1) == c && ";&|<>".indexOf(c) >= 0;
        out.add(new Token(Kind.OPERATOR, twice ? "" + c + c : "" + c, false));
        i += twice ? 2 : 1;
      } else if (c == '#' && !inWord) {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else {
        if (c == '$' || c == '`' || c == '*' || c == '?' || c == '[' || (c == '~' && !inWord)) {
          expands = true;
        }
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      out.add(new Token(Kind.WORD, word.toString(), expands));
    }
    return out;
  }
}
