package dev.runwright.render.highlight;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Highlights code at build time: escaped HTML in which tokens are {@code <span class="tok-...">},
 * coloured by the stylesheet, so pages need no JavaScript for it. The text of the result, tags
 * dropped and entities decoded, is exactly the code, so a copy button that copies the element's
 * text copies the code. A language the highlighter does not know is escaped only.
 *
 * <p>Thread-safe and immutable: build it once.
 */
public final class Highlighter {
  /**
   * The built-in languages. A new language is one {@link Lexer} class and its entry here; the first
   * lexer to claim a name keeps it.
   */
  public static final List<Lexer> BUILT_IN =
      List.of(
          new JsonLexer(),
          new YamlLexer(),
          new ShellLexer(),
          new ConsoleLexer(),
          new SqlLexer(),
          new HclLexer());

  private final Map<String, Lexer> byName;

  private Highlighter(List<Lexer> lexers) {
    Map<String, Lexer> m = new HashMap<>();
    for (Lexer lexer : lexers) {
      for (String name : lexer.names()) {
        m.putIfAbsent(name.toLowerCase(Locale.ROOT), lexer);
      }
    }
    this.byName = Map.copyOf(m);
  }

  /** A highlighter for the {@link #BUILT_IN} languages. */
  public static Highlighter create() {
    return new Highlighter(BUILT_IN);
  }

  /** A highlighter for {@code lexers} only. */
  public static Highlighter of(List<Lexer> lexers) {
    return new Highlighter(lexers);
  }

  /** Whether {@code language} (a fence's first info word, any case) is highlighted. */
  public boolean supports(String language) {
    return language != null && byName.containsKey(language.toLowerCase(Locale.ROOT));
  }

  /**
   * {@code code} as HTML for inside a {@code <code>} element: escaped, with the tokens of {@code
   * language} in spans; escaped only when the language is unknown or null.
   */
  public String toHtml(String code, String language) {
    Lexer lexer = language == null ? null : byName.get(language.toLowerCase(Locale.ROOT));
    if (lexer == null || code.isEmpty()) {
      return escape(code, 0, code.length(), new StringBuilder()).toString();
    }
    List<Token> tokens = lexer.tokens(code);
    return render(code, tokens == null ? List.of() : tokens);
  }

  /**
   * Writes the spans. A token that starts before the previous one ends, or reaches past the code,
   * is dropped; adjacent tokens of one kind share a span.
   */
  static String render(String code, List<Token> tokens) {
    StringBuilder sb = new StringBuilder(code.length() + code.length() / 2);
    int pos = 0;
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i++);
      if (t == null
          || t.type() == null
          || t.start() < pos
          || t.end() <= t.start()
          || t.end() > code.length()) {
        continue;
      }
      int end = t.end();
      while (i < tokens.size() && sameKindNext(tokens.get(i), t.type(), end, code.length())) {
        end = tokens.get(i++).end();
      }
      escape(code, pos, t.start(), sb);
      sb.append("<span class=\"").append(t.type().cssClass()).append("\">");
      escape(code, t.start(), end, sb).append("</span>");
      pos = end;
    }
    return escape(code, pos, code.length(), sb).toString();
  }

  private static boolean sameKindNext(Token next, TokenType type, int end, int length) {
    return next != null
        && next.type() == type
        && next.start() == end
        && next.end() > next.start()
        && next.end() <= length;
  }

  /**
   * Escapes {@code code[from, to)} as commonmark-java does for a code block ({@code & < > "}), so
   * that a block without highlighting is written exactly as before.
   */
  static StringBuilder escape(String code, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = code.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb;
  }
}
