package dev.runwright.render.highlight;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * POSIX shell and bash as AWS CLI commands are written: the command word of each simple command
 * (after a newline, {@code ;}, {@code |}, {@code &&}, {@code $(}), its options, quoting, {@code
 * $VAR}, {@code ${...}}, {@code $(...)} nested to any depth inside double quotes, {@code \} line
 * continuations, comments and here-documents. Nesting is kept on an explicit stack, not by
 * recursion, so hostile input cannot overflow the Java stack.
 */
final class ShellLexer implements Lexer {
  private static final Set<String> KEYWORDS =
      Chars.words(
          "if then else elif fi for while until do done case esac function select time ! [[ ]] { }");

  /** After these words the next word is a command again. */
  private static final Set<String> COMMAND_FOLLOWS =
      Set.of("if", "then", "else", "elif", "do", "while", "until", "time", "!", "{", "}");

  /** Commands whose NAME=value arguments assign variables. */
  private static final Set<String> DECLARES =
      Set.of("export", "local", "readonly", "declare", "typeset");

  /** Characters that end an unquoted word. */
  static final String WORD_END = " \t\r\n'\"$`;&|()<>";

  /** {@link #WORD_END} as a table: the lexer asks for every character of every word. */
  private static final boolean[] ENDS_WORD = new boolean[128];

  static {
    WORD_END.chars().forEach(c -> ENDS_WORD[c] = true);
  }

  private static boolean endsWord(char c) {
    return c < 128 && ENDS_WORD[c];
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> LISTS = Set.of("for", "case", "select");

  @Override
  public List<String> names() {
    return List.of("sh", "bash", "shell", "zsh");
  }

  @Override
  public List<Token> tokens(String code) {
    Run run = new Run(code);
    run.run();
    return run.out.list();
  }

  private enum Kind {
    CODE,
    SUBST, // inside $( ... )
    BACKTICK, // inside ` ... `
    DQUOTE // inside " ... "
  }

  private enum Word {
    NONE,
    COMMAND,
    ASSIGN,
    FLAG,
    ARG
  }

  /** One level of nesting and, for code, where its current word stands. */
  private static final class Frame {
    final Kind kind;
    int parens;
    boolean commandPosition = true;
    boolean afterRedirect;
    Word word = Word.NONE;
    int wordStart;
    String command = "";
    final List<ShellHeredoc.Pending> heredocs = new ArrayList<>();

    Frame(Kind kind) {
      this.kind = kind;
    }
  }

  private static final class Run {
    final String s;
    final TokenList out = new TokenList();
    final Deque<Frame> stack = new ArrayDeque<>();
    int pos;

    Run(String s) {
      this.s = s;
      stack.push(new Frame(Kind.CODE));
    }

    void run() {
      while (pos < s.length()) {
        int before = pos;
        Frame f = stack.peek();
        if (f.kind == Kind.DQUOTE) {
          quoted();
        } else {
          code(f);
        }
        if (pos <= before) {
          pos = before + 1; // never stand still, whatever the input
        }
      }
    }

    void code(Frame f) {
      char c = s.charAt(pos);
      char next = Chars.charAt(s, pos + 1);
      if (c == '\n') {
        endWord(f);
        pos++;
        f.commandPosition = true;
        pos = ShellHeredoc.bodies(s, pos, out, f.heredocs);
      } else if (c == ' ' || c == '\t' || c == '\r') {
        endWord(f);
        pos++;
      } else if (c == '\\' && (next == '\n' || Chars.at(s, pos + 1, "\r\n"))) {
        out.add(pos, pos + 1, TokenType.OPERATOR); // a line continuation
        pos += next == '\n' ? 2 : 3;
      } else if (c == '#' && f.word == Word.NONE) {
        int end = Chars.lineEnd(s, pos);
        out.add(pos, end, TokenType.COMMENT);
        pos = end;
      } else if ((c == ')' && f.kind == Kind.SUBST && f.parens == 0)
          || (c == '`' && f.kind == Kind.BACKTICK)) {
        endWord(f);
        out.add(pos, ++pos, TokenType.VARIABLE);
        stack.pop();
      } else if (Chars.at(s, pos, "<<<")) {
        endWord(f);
        out.add(pos, pos + 3, TokenType.OPERATOR); // a here-string: the word after is its text
        pos += 3;
      } else if (c == '<' && next == '<') {
        endWord(f);
        pos = ShellHeredoc.opener(s, pos, out, f.heredocs);
      } else if (redirect(f)) {
        // done
      } else if (";&|()".indexOf(c) >= 0) {
        endWord(f);
        int len =
            Chars.at(s, pos, "&&") || Chars.at(s, pos, "||") || Chars.at(s, pos, ";;") ? 2 : 1;
        if (c == '(') {
          f.parens++;
        } else if (c == ')' && f.parens > 0) {
          f.parens--;
        }
        out.add(pos, pos + len, TokenType.OPERATOR);
        pos += len;
        f.commandPosition = true;
      } else if (c == '\'') {
        startWord(f);
        int end = Chars.quotedEnd(s, pos, false, false);
        out.add(pos, end, TokenType.STRING);
        pos = end;
      } else if (c == '"') {
        startWord(f);
        out.add(pos, ++pos, TokenType.STRING);
        stack.push(new Frame(Kind.DQUOTE));
      } else if (c == '`') {
        startWord(f);
        out.add(pos, ++pos, TokenType.VARIABLE);
        stack.push(new Frame(Kind.BACKTICK));
      } else if (c == '$') {
        startWord(f);
        dollar(false, f.word);
      } else {
        bare(f);
      }
    }

    /** Inside double quotes: text, escapes and expansions. */
    void quoted() {
      char c = s.charAt(pos);
      if (c == '"') {
        out.add(pos, ++pos, TokenType.STRING);
        stack.pop();
      } else if (c == '\\') {
        int end = Math.min(s.length(), pos + 2);
        out.add(pos, end, TokenType.STRING);
        pos = end;
      } else if (c == '$') {
        dollar(true, Word.ARG);
      } else if (c == '`') {
        out.add(pos, ++pos, TokenType.VARIABLE);
        stack.push(new Frame(Kind.BACKTICK));
      } else {
        int end = pos;
        while (end < s.length() && "\"\\$`".indexOf(s.charAt(end)) < 0) {
          end++;
        }
        out.add(pos, end, TokenType.STRING);
        pos = end;
      }
    }

    /** {@code $(}, {@code ${...}}, {@code $NAME}, {@code $1}, {@code $'...'}, or a lone $. */
    void dollar(boolean inQuotes, Word word) {
      char next = Chars.charAt(s, pos + 1);
      if (next == '(') {
        out.add(pos, pos + 2, TokenType.VARIABLE);
        pos += 2;
        stack.push(new Frame(Kind.SUBST));
      } else if (next == '{') {
        int end = ShellHeredoc.braceEnd(s, pos + 2);
        out.add(pos, end, TokenType.VARIABLE);
        pos = end;
      } else if (ShellHeredoc.isNameStart(next)) {
        int end = ShellHeredoc.nameEnd(s, pos + 1);
        out.add(pos, end, TokenType.VARIABLE);
        pos = end;
      } else if (next != 0 && (Chars.isDigit(next) || "?$#@*!-".indexOf(next) >= 0)) {
        out.add(pos, pos + 2, TokenType.VARIABLE);
        pos += 2;
      } else if (next == '\'' && !inQuotes) {
        int end = Chars.quotedEnd(s, pos + 1, true, false);
        out.add(pos, end, TokenType.STRING);
        pos = end;
      } else {
        out.add(pos, pos + 1, inQuotes ? TokenType.STRING : plain(word));
        pos++;
      }
    }

    /** An unquoted run of a word: the command, an option, an assignment or an argument. */
    void bare(Frame f) {
      boolean first = startWord(f);
      int end = pos;
      while (end < s.length() && !endsWord(s.charAt(end))) {
        end += s.charAt(end) == '\\' ? 2 : 1;
      }
      end = Math.min(end, s.length());
      boolean whole = first && (end == s.length() || endsWord(s.charAt(end)));
      String text = s.substring(pos, end);
      int eq = text.indexOf('=');
      boolean name = eq > 0 && NAME.matcher(text.substring(0, eq)).matches();
      if (first && name && (f.word == Word.COMMAND || DECLARES.contains(f.command))) {
        f.word = Word.ASSIGN;
        out.add(pos, pos + eq, TokenType.VARIABLE);
        out.add(pos + eq, pos + eq + 1, TokenType.OPERATOR);
      } else if (f.word == Word.COMMAND) {
        out.add(
            pos, end, whole && KEYWORDS.contains(text) ? TokenType.KEYWORD : TokenType.FUNCTION);
      } else if (first && f.word == Word.FLAG) {
        out.add(pos, eq > 0 ? pos + eq : end, TokenType.FLAG);
      } else if (whole && text.equals("in") && LISTS.contains(f.command)) {
        out.add(pos, end, TokenType.KEYWORD);
      }
      pos = end;
    }

    private TokenType plain(Word word) {
      return word == Word.COMMAND ? TokenType.FUNCTION : null;
    }

    /** Starts a word at {@code pos} unless one is under way; true when it starts one. */
    boolean startWord(Frame f) {
      if (f.word != Word.NONE) {
        return false;
      }
      if (f.afterRedirect) {
        f.word = Word.ARG;
        f.afterRedirect = false;
      } else if (f.commandPosition) {
        f.word = Word.COMMAND;
        f.command = "";
      } else {
        f.word = s.charAt(pos) == '-' ? Word.FLAG : Word.ARG;
      }
      f.wordStart = pos;
      return true;
    }

    void endWord(Frame f) {
      if (f.word == Word.COMMAND) {
        f.command = s.substring(f.wordStart, pos);
        f.commandPosition = COMMAND_FOLLOWS.contains(f.command);
      } else if (f.word == Word.ASSIGN) {
        f.commandPosition = !DECLARES.contains(f.command);
      }
      f.word = Word.NONE;
    }

    /** {@code >}, {@code >>}, {@code 2>&1}, {@code &>}, {@code <}: the word after is a file. */
    boolean redirect(Frame f) {
      int i = pos;
      if (f.word == Word.NONE) {
        while (i < s.length() && Chars.isDigit(s.charAt(i))) {
          i++;
        }
      }
      if (i == pos && Chars.at(s, i, "&>")) {
        i++;
      }
      char c = Chars.charAt(s, i);
      if (c != '<' && c != '>') {
        return false;
      }
      endWord(f);
      i++;
      char n = Chars.charAt(s, i);
      if (n == '>' || n == '|' || (c == '<' && n == '>')) {
        i++;
      }
      if (Chars.charAt(s, i) == '&') {
        i++;
        while (i < s.length() && (Chars.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
          i++;
        }
      } else {
        f.afterRedirect = true;
      }
      out.add(pos, i, TokenType.OPERATOR);
      pos = i;
      return true;
    }
  }
}
