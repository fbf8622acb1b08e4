package dev.runwright.render.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any input, in every language: the highlighted HTML shows exactly the code (tags dropped,
 * entities decoded), it is well formed (flat, closed spans of the known classes; everything else
 * escaped), the lexer keeps its contract, and it returns in time.
 */
class HighlighterProperties {
  private static final Highlighter HIGHLIGHTER = Highlighter.create();
  private static final Set<String> CLASSES =
      Arrays.stream(TokenType.values()).map(TokenType::cssClass).collect(Collectors.toSet());
  private static final Pattern MARKUP =
      Pattern.compile("<span class=\"([a-z-]+)\">|</span>|&[a-z]+;");
  private static final Set<String> ENTITIES = Set.of("&amp;", "&lt;", "&gt;", "&quot;");

  /** Pieces of the syntax of every language, so that random input nests and closes. */
  private static final List<String> PIECES =
      List.of(
          "\"",
          "'",
          "`",
          "$(",
          "${",
          "$${",
          "%{",
          "%%{",
          "$",
          "%",
          "(",
          ")",
          "{",
          "}",
          "[",
          "]",
          "\\",
          "\\\n",
          "\n",
          " ",
          "\t",
          "\r\n",
          "#",
          "//",
          "/*",
          "*/",
          "--",
          "-",
          "--flag",
          "=",
          ":",
          ": ",
          "- ",
          "? ",
          ",",
          ";",
          "|",
          "&&",
          "<<EOF\n",
          "<<-EOT\n",
          "EOF\n",
          "  EOT\n",
          "<<<",
          "2>&1",
          ">",
          "<",
          "&a",
          "*a",
          "!Sub ",
          "---\n",
          "|\n  ",
          ">-\n",
          "$$",
          "$t$",
          "@",
          "@@",
          "::",
          "E'",
          "''",
          "\"\"",
          "x",
          "aws",
          "SELECT",
          "resource",
          "var.a",
          "true",
          "null",
          "12",
          "1.5e3",
          "-7",
          "\\u00e9",
          "\\\"",
          "😀",
          "é",
          "\uD800",
          "\u0000",
          "<",
          ">",
          "&",
          "&amp;",
          "<span>",
          "$ ",
          "if",
          "then",
          "fi",
          "for",
          "in",
          "do",
          "done",
          "export");

  @Provide
  Arbitrary<String> code() {
    Arbitrary<String> pieces =
        Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
    return Arbitraries.oneOf(pieces, pieces, Arbitraries.strings().all().ofMaxLength(80));
  }

  @Provide
  Arbitrary<String> language() {
    return Arbitraries.of(Highlighter.BUILT_IN.stream().map(l -> l.names().get(0)).toList());
  }

  @Provide
  Arbitrary<Lexer> lexer() {
    return Arbitraries.of(Highlighter.BUILT_IN);
  }

  @Property(tries = 3000)
  void theHtmlShowsExactlyTheCodeAndIsWellFormed(
      @ForAll("language") String language, @ForAll("code") String code) {
    String html =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> HIGHLIGHTER.toHtml(code, language));
    assertEquals(code, Rendering.text(html), html);
    assertWellFormed(html);
  }

  @Property(tries = 2000)
  void everyLexerReturnsOrderedTokensInsideTheCode(
      @ForAll("lexer") Lexer lexer, @ForAll("code") String code) {
    List<Token> tokens =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> lexer.tokens(code));
    int end = 0;
    for (Token t : tokens) {
      assertTrue(t.type() != null, () -> t + " has no type");
      assertTrue(
          t.start() >= end && t.end() > t.start() && t.end() <= code.length(),
          () ->
              t
                  + " after "
                  + "a token ending at "
                  + end(tokens, t)
                  + " in a code of length "
                  + code.length());
      end = t.end();
    }
  }

  private static int end(List<Token> tokens, Token t) {
    int i = tokens.indexOf(t);
    return i > 0 ? tokens.get(i - 1).end() : 0;
  }

  /** Only flat, closed spans of known classes and the four entities; nothing else unescaped. */
  static void assertWellFormed(String html) {
    Matcher m = MARKUP.matcher(html);
    boolean open = false;
    int pos = 0;
    while (m.find()) {
      assertPlain(html.substring(pos, m.start()), html);
      String s = m.group();
      if (s.startsWith("<span")) {
        assertTrue(
            !open && CLASSES.contains(m.group(1)), () -> "bad or nested " + s + " in " + html);
        open = true;
      } else if (s.equals("</span>")) {
        assertTrue(open, () -> "unopened </span> in " + html);
        open = false;
      } else if (!ENTITIES.contains(s)) {
        fail("unknown entity " + s + " in " + html);
      }
      pos = m.end();
    }
    assertPlain(html.substring(pos), html);
    assertTrue(!open, () -> "unclosed span in " + html);
  }

  private static void assertPlain(String text, String html) {
    for (char c : new char[] {'<', '>', '&', '"'}) {
      assertTrue(text.indexOf(c) < 0, () -> "unescaped " + c + " in " + html);
    }
  }
}
