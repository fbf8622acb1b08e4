package dev.runwright.render.highlight;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * HCL as Terraform writes it: block types ({@code resource}, {@code data}, nested {@code
 * statement}) as keywords, attribute names as keys, {@code name(} as a function, references
 * ({@code var.region}, {@code aws_iam_role.this.arn} stays plain, {@code each.value}) as
 * variables, strings with {@code ${...}} and {@code %{...}} templates and their {@code $${} and
 * {@code %%{} escapes, heredocs ({@code <<EOT}, {@code <<-EOT}), and {@code #}, {@code //} and
 * {@code /* *}{@code /} comments. Nesting is kept on an explicit stack.
 */
final class HclLexer implements Lexer {
  private static final Set<String> LITERALS = Set.of("true", "false", "null");
  private static final Set<String> KEYWORDS = Set.of("for", "in", "if", "else", "endif", "endfor");

  /** The first names of references Terraform defines. */
  private static final Set<String> ROOTS =
      Set.of("var", "local", "module", "data", "each", "count", "self", "path", "terraform");

  private static final String OPERATORS = "=[](),.:?!<>+-*/%&|~";

  @Override
  public List<String> names() {
    return List.of("hcl", "terraform", "tf");
  }

  @Override
  public List<Token> tokens(String code) {
    Run run = new Run(code);
    run.run();
    return run.out.list();
  }

  private enum Kind {
    CODE,
    INTERP, // inside ${ ... } or %{ ... }
    QUOTED, // inside " ... "
    HEREDOC
  }

  private static final class Frame {
    final Kind kind;
    final String delimiter; // HEREDOC only
    int braces;
    boolean atLineStart = true;

    Frame(Kind kind, String delimiter) {
      this.kind = kind;
      this.delimiter = delimiter;
    }
  }

  private static final class Run {
    final String s;
    final TokenList out = new TokenList();
    final Deque<Frame> stack = new ArrayDeque<>();
    int pos;
    boolean lineStart = true;
    String pendingHeredoc;

    Run(String s) {
      this.s = s;
      stack.push(new Frame(Kind.CODE, null));
    }

    void run() {
      while (pos < s.length()) {
        int before = pos;
        int depth = stack.size();
        Frame f = stack.peek();
        switch (f.kind) {
          case CODE, INTERP -> code(f);
          case QUOTED -> quoted();
          case HEREDOC -> heredoc(f);
        }
        if (pos == before && stack.size() >= depth) {
          pos++; // never stand still (only leaving a frame may take no character)
        }
      }
    }

    void code(Frame f) {
      char c = s.charAt(pos);
      char next = Chars.charAt(s, pos + 1);
      if (c == '\n') {
        pos++;
        lineStart = true;
        if (pendingHeredoc != null) {
          stack.push(new Frame(Kind.HEREDOC, pendingHeredoc));
          pendingHeredoc = null;
        }
        return;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
        return;
      }
      if (c == '#' || (c == '/' && next == '/')) {
        add(Chars.lineEnd(s, pos), TokenType.COMMENT);
      } else if (c == '/' && next == '*') {
        add(Chars.after(s, pos + 2, "*/"), TokenType.COMMENT);
      } else if (c == '"') {
        add(pos + 1, TokenType.STRING);
        stack.push(new Frame(Kind.QUOTED, null));
      } else if (c == '<' && next == '<') {
        heredocStart();
      } else if (Chars.isDigit(c)) {
        add(Chars.numberEnd(s, pos), TokenType.NUMBER);
      } else if (Chars.isIdentStart(c)) {
        word(f);
      } else if (c == '{') {
        f.braces++;
        add(pos + 1, TokenType.OPERATOR);
      } else if (c == '}' && f.kind == Kind.INTERP && f.braces == 0) {
        add(pos + 1, TokenType.VARIABLE);
        stack.pop();
      } else if (c == '}') {
        f.braces = Math.max(0, f.braces - 1);
        add(pos + 1, TokenType.OPERATOR);
      } else if (OPERATORS.indexOf(c) >= 0) {
        add(pos + 1, TokenType.OPERATOR);
      } else {
        pos++;
      }
      lineStart = false;
    }

    /** A name: literal, attribute, function, block type, keyword, reference, or plain. */
    void word(Frame f) {
      int end = Chars.identEnd(s, pos, "-");
      String text = s.substring(pos, end);
      int look = end;
      while (Chars.charAt(s, look) == ' ' || Chars.charAt(s, look) == '\t') {
        look++;
      }
      char after = Chars.charAt(s, look);
      char after2 = Chars.charAt(s, look + 1);
      if (LITERALS.contains(text)) {
        add(end, TokenType.LITERAL);
      } else if (after == '=' && after2 != '=' && after2 != '>') {
        add(end, TokenType.KEY);
      } else if (after == '(') {
        add(end, TokenType.FUNCTION);
      } else if (lineStart
          && f.kind == Kind.CODE
          && (after == '{' || after == '"' || Chars.isIdentStart(after))) {
        add(end, TokenType.KEYWORD);
      } else if (KEYWORDS.contains(text)) {
        add(end, TokenType.KEYWORD);
      } else if (ROOTS.contains(text) && Chars.charAt(s, end) == '.') {
        int i = end;
        while (Chars.charAt(s, i) == '.' && Chars.isIdentStart(Chars.charAt(s, i + 1))) {
          i = Chars.identEnd(s, i + 1, "-");
        }
        add(i, TokenType.VARIABLE);
      } else {
        pos = end;
      }
    }

    /** {@code <<EOT} or {@code <<-EOT}: the body starts on the next line. */
    void heredocStart() {
      int i = pos + 2;
      if (Chars.charAt(s, i) == '-') {
        i++;
      }
      int name = i;
      if (!Chars.isIdentStart(Chars.charAt(s, i))) {
        add(pos + 2, TokenType.OPERATOR);
        return;
      }
      i = Chars.identEnd(s, i, "-");
      pendingHeredoc = s.substring(name, i);
      add(i, TokenType.OPERATOR);
    }

    /**
     * Inside a quoted string: text, escapes, template sequences, until the quote or the line end.
     */
    void quoted() {
      char c = s.charAt(pos);
      if (c == '"') {
        add(pos + 1, TokenType.STRING);
        stack.pop();
      } else if (c == '\n') {
        stack.pop(); // an unclosed string ends with its line
      } else if (c == '\\') {
        add(Math.min(s.length(), pos + 2), TokenType.STRING);
      } else if (!template()) {
        add(textEnd("\"\n\\$%"), TokenType.STRING);
      }
    }

    /** Inside a heredoc: its lines, with template sequences, until the closing delimiter line. */
    void heredoc(Frame f) {
      if (f.atLineStart) {
        f.atLineStart = false;
        int end = Chars.lineEnd(s, pos);
        int start = pos;
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
          start++;
        }
        int textEnd = end > start && s.charAt(end - 1) == '\r' ? end - 1 : end;
        if (s.substring(start, textEnd).equals(f.delimiter)) {
          pos = start;
          add(textEnd, TokenType.OPERATOR);
          stack.pop();
          lineStart = false;
          return;
        }
      }
      if (s.charAt(pos) == '\n') {
        add(pos + 1, TokenType.STRING);
        f.atLineStart = true;
      } else if (!template()) {
        add(textEnd("\n$%"), TokenType.STRING);
      }
    }

    /**
     * At {@code $${} or {@code %%{}: the escaped text; at {@code ${} or {@code %{}: opens an
     * interpolation. Returns false when neither starts at {@code pos}.
     */
    boolean template() {
      char c = s.charAt(pos);
      if (c != '$' && c != '%') {
        return false;
      }
      if (Chars.charAt(s, pos + 1) == c && Chars.charAt(s, pos + 2) == '{') {
        add(pos + 3, TokenType.STRING);
        return true;
      }
      if (Chars.charAt(s, pos + 1) != '{') {
        add(pos + 1, TokenType.STRING);
        return true;
      }
      add(pos + (Chars.charAt(s, pos + 2) == '~' ? 3 : 2), TokenType.VARIABLE);
      stack.push(new Frame(Kind.INTERP, null));
      return true;
    }

    /** The end of the run of text from {@code pos} up to one of {@code stops}; at least one. */
    int textEnd(String stops) {
      int i = pos + 1;
      while (i < s.length() && stops.indexOf(s.charAt(i)) < 0) {
        i++;
      }
      return i;
    }

    /** Adds {@code [pos, end)} as {@code type} and moves past it. */
    void add(int end, TokenType type) {
      out.add(pos, end, type);
      pos = Math.max(pos, end);
    }
  }
}
