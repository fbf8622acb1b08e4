package dev.runwright.render.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HighlighterTest {
  private static final Highlighter HIGHLIGHTER = Highlighter.create();

  @ParameterizedTest
  @ValueSource(strings = {"text", "python", "", "json5"})
  void anUnknownLanguageIsEscapedOnly(String language) {
    assertEquals(
        "&lt;a href=&quot;x&quot;&gt;'Tom &amp; Jerry'&lt;/a&gt;\n",
        HIGHLIGHTER.toHtml("<a href=\"x\">'Tom & Jerry'</a>\n", language));
    assertFalse(HIGHLIGHTER.supports(language));
  }

  @Test
  void noLanguageIsEscapedOnly() {
    assertEquals("a &lt; b", HIGHLIGHTER.toHtml("a < b", null));
    assertFalse(HIGHLIGHTER.supports(null));
  }

  @Test
  void tokensBecomeSpansWithTheirClass() {
    assertEquals(
        "<span class=\"tok-operator\">{</span><span class=\"tok-key\">&quot;a&lt;&quot;</span>"
            + "<span class=\"tok-operator\">:</span> <span class=\"tok-literal\">true</span>"
            + "<span class=\"tok-operator\">}</span>\n",
        HIGHLIGHTER.toHtml("{\"a<\": true}\n", "json"));
  }

  @Test
  void languageNamesIgnoreCase() {
    assertTrue(HIGHLIGHTER.supports("JSON"));
    assertTrue(HIGHLIGHTER.supports("Bash"));
    assertEquals(HIGHLIGHTER.toHtml("SELECT 1", "sql"), HIGHLIGHTER.toHtml("SELECT 1", "SQL"));
  }

  @Test
  void theBuiltInLanguagesAreTheOnesDocumentsUse() {
    for (String name :
        List.of("json", "yaml", "yml", "sh", "bash", "shell", "console", "sql", "hcl", "tf")) {
      assertTrue(HIGHLIGHTER.supports(name), name);
    }
    assertTrue(HIGHLIGHTER.supports("terraform"));
  }

  @Test
  void noTwoBuiltInLexersClaimOneName() {
    Set<String> seen = new HashSet<>();
    for (Lexer lexer : Highlighter.BUILT_IN) {
      for (String name : lexer.names()) {
        assertTrue(seen.add(name), name + " is claimed twice");
        assertEquals(name.toLowerCase(java.util.Locale.ROOT), name, "names are lower case");
      }
    }
  }

  @Test
  void tokensOutOfOrderOrOutOfRangeAreDroppedSoTheTextStaysTheCode() {
    Lexer broken =
        lexer(
            new Token(2, 4, TokenType.KEYWORD),
            new Token(3, 5, TokenType.STRING), // overlaps the one before
            new Token(0, 1, TokenType.NUMBER), // before the one before
            new Token(5, 5, TokenType.STRING), // empty
            null,
            new Token(5, 6, null),
            new Token(6, 99, TokenType.COMMENT)); // past the end
    assertEquals(
        "ab<span class=\"tok-keyword\">cd</span>efgh",
        Highlighter.of(List.of(broken)).toHtml("abcdefgh", "x"));
  }

  @Test
  void adjacentTokensOfOneKindShareASpan() {
    Lexer lexer =
        lexer(
            new Token(0, 1, TokenType.STRING),
            new Token(1, 3, TokenType.STRING),
            new Token(3, 4, TokenType.VARIABLE),
            new Token(5, 6, TokenType.VARIABLE));
    assertEquals(
        "<span class=\"tok-string\">&quot;ab</span><span class=\"tok-variable\">$</span>"
            + " <span class=\"tok-variable\">x</span>",
        Highlighter.of(List.of(lexer)).toHtml("\"ab$ x", "x"));
  }

  @Test
  void theFirstLexerToClaimANameKeepsIt() {
    Lexer first = lexer(new Token(0, 1, TokenType.NUMBER));
    Lexer second = lexer(new Token(0, 1, TokenType.STRING));
    assertEquals(
        "<span class=\"tok-number\">1</span>",
        Highlighter.of(List.of(first, second)).toHtml("1", "x"));
  }

  // ------------------------------------------------------------ the stylesheet

  private static final Path CSS = Path.of("site/assets/runwright.css");
  private static final Pattern VAR =
      Pattern.compile("--(tok-[a-z]+|code-bg):\\s*(#[0-9a-fA-F]{6})");

  @Test
  void everyTokenClassHasAColourInTheStylesheet() throws IOException {
    String css = Files.readString(CSS);
    for (TokenType t : TokenType.values()) {
      assertTrue(
          Pattern.compile("\\." + t.cssClass() + "\\b[^{]*\\{[^}]*color:").matcher(css).find(),
          t.cssClass() + " has no colour in " + CSS);
    }
  }

  @Test
  void everyTokenColourMeetsWcagAaAgainstTheCodeBackgroundInLightAndDark() throws IOException {
    String css = Files.readString(CSS);
    int dark = css.indexOf("@media (prefers-color-scheme: dark)");
    assertTrue(dark > 0, "the stylesheet has a dark scheme");
    Map<String, String> light = colours(css.substring(0, dark));
    Map<String, String> night =
        colours(css.substring(dark, css.indexOf('}', css.indexOf('{', dark) + 1)));
    assertEquals(light.keySet(), night.keySet(), "both schemes set the same colours");
    List<String> weak = new ArrayList<>();
    for (Map<String, String> scheme : List.of(light, night)) {
      String bg = scheme.get("code-bg");
      scheme.forEach(
          (name, colour) -> {
            double r = contrast(colour, bg);
            if (!name.equals("code-bg") && r < 4.5) {
              weak.add(name + " " + colour + " on " + bg + ": " + r);
            }
          });
    }
    assertEquals(List.of(), weak);
    assertTrue(light.size() > 5, "token colours found: " + light);
  }

  private static Map<String, String> colours(String css) {
    Map<String, String> m = new LinkedHashMap<>();
    Matcher v = VAR.matcher(css);
    while (v.find()) {
      m.put(v.group(1), v.group(2));
    }
    return m;
  }

  /** WCAG 2 contrast ratio. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  @Test
  void theContrastFormulaIsWcags() {
    assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
    assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01);
  }

  private static Lexer lexer(Token... tokens) {
    return new Lexer() {
      @Override
      public List<String> names() {
        return List.of("x");
      }

      @Override
      public List<Token> tokens(String code) {
        return Arrays.asList(tokens);
      }
    };
  }
}
