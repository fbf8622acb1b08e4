package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EscapeTest {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  // ---------------------------------------------------------------- html

  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertEquals(
        "&lt;a href=&quot;x&quot;&gt;&#39;Tom &amp; Jerry&#39;&lt;/a&gt;",
        Escape.html("<a href=\"x\">'Tom & Jerry'</a>"));
  }

  @Test
  void htmlLeavesOtherTextAlone() {
    String s = "AmazonRDSKMSKey \u00e9 \u5317\u4eac `*_#`";
    assertSame(s, Escape.html(s));
    assertEquals("&amp;amp;", Escape.html("&amp;"));
  }

  // ---------------------------------------------------------------- markdown: the escapes

  @ParameterizedTest
  @ValueSource(
      strings = {"\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!", "$", "{", "}"})
  void inlineMetacharactersAreBackslashEscapedEverywhere(String c) {
    assertEquals("\\" + c, Escape.markdown(c));
    assertEquals("a\\" + c + "b\\" + c, Escape.markdown("a" + c + "b" + c));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "+", "="})
  void blockStartersAreEscapedOnlyAtTheStart(String c) {
    assertEquals("\\" + c + " x" + c + "y " + c, Escape.markdown(c + " x" + c + "y " + c));
  }

  @Test
  void aHashIsEscapedOnlyAtTheStartAndTheEnd() {
    // At the end it would be the closing sequence of an ATX heading.
    assertEquals("\\# x#y \\#", Escape.markdown("# x#y #"));
    assertEquals("C# #\\#  ", Escape.markdown("C# ##  "));
  }

  @Test
  void indentationBecomesOneSpaceAndWhatFollowsIsEscapedAsAtTheStart() {
    assertEquals(" \\# x", Escape.markdown(" \t\n# x"));
    assertEquals(" 1\\. x", Escape.markdown("    1. x"));
    assertEquals(" x", Escape.markdown("\tx"));
    assertEquals(" = the role ARN", Escape.markdown(" = the role ARN")); // text after other text
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1. First|1\\. First",
        "1) First|1\\) First",
        "10. Tenth|10\\. Tenth",
        "123456789) x|123456789\\) x",
        "2024.05|2024\\.05",
        "v1. x|v1. x",
        "1a. x|1a. x",
        ". x|. x",
        ") x|) x",
        "a. 1. b|a. 1. b",
        "x (1)|x (1)"
      })
  void orderedListMarkersAreEscapedAtTheStart(String in, String out) {
    assertEquals(out, Escape.markdown(in));
  }

  @Test
  void lineBreaksBecomeSpaces() {
    assertEquals("one two  three", Escape.markdown("one\ntwo\r\nthree"));
    assertEquals("a # b", Escape.markdown("a\n# b")); // no longer at the start of a line
  }

  @Test
  void plainTextIsUnchanged() {
    assertEquals(
        "AmazonRDSKMSKey: lets Aurora read (and decrypt) backups, 100% \u00e9t\u00e9.",
        Escape.markdown(
            "AmazonRDSKMSKey: lets Aurora read (and decrypt) backups, 100% \u00e9t\u00e9."));
  }

  // ---------------------------------------------------------------- markdown: rendered

  /** Where a template puts a value. {@code %s} is the value. */
  enum Place {
    PARAGRAPH("Intro\n\n%s\n\nOutro\n"),
    SENTENCE("The policy %s is ready.\n"),
    HEADING("# %s\n"),
    HEADING_2("## Policy %s\n"),
    LIST_ITEM("1. First\n2. %s\n3. Third\n"),
    BULLET("- %s\n- other\n"),
    TABLE_CELL("| Name | Value |\n|------|-------|\n| policy | %s |\n"),
    TABLE_CELL_FIRST("| Name | Value |\n|------|-------|\n| %s | value |\n"),
    BLOCKQUOTE("> Note: %s\n");

    final String template;

    Place(String template) {
      this.template = template;
    }

    String fill(String value) {
      return template.replace("%s", value);
    }
  }

  private static final List<String> HOSTILE =
      List.of(
          "plain words",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "<!-- comment -->",
          "<https://evil.example>",
          "https://bare.example/a_b_c",
          "[click](javascript:alert(1))",
          "![img](https://x/y.png)",
          "[ref]: https://x",
          "*em* _em_ **strong** __strong__",
          "~~strike~~",
          "`code` ``more``",
          "a | b | c",
          "a \\| b",
          "trailing backslash\\",
          "&amp; &lt; &#60; &#x3C; &copy;",
          "# heading",
          "## heading",
          "#hashtag",
          "- item",
          "+ item",
          "* item",
          "= setext",
          "--- rule",
          "***",
          "___",
          "> quote",
          "1. ordered",
          "1) ordered",
          "99999. ordered",
          "```fence",
          "~~~fence",
          "{curly} $dollar$ !bang",
          "line one\nline two",
          "line one\n# two\n- three",
          "a\r\n===",
          "C# and F#",
          "x_y_z and 2*3*4",
          "\u00e9t\u00e9 \u5317\u4eac \uD83D\uDE00",
          "100%");

  static Stream<Arguments> hostileEverywhere() {
    List<Arguments> out = new ArrayList<>();
    for (Place p : Place.values()) {
      for (String v : HOSTILE) {
        out.add(Arguments.of(p, v));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("hostileEverywhere")
  void escapedTextRendersAsItselfAndAddsNoElement(Place place, String value) {
    assertRendersAsText(place, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Payments #", "Key ##", "C #"})
  void aTrailingHashStaysInAHeading(String value) {
    assertRendersAsText(Place.HEADING, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"    indented", "\tindented"})
  void leadingIndentationDoesNotMakeACodeBlock(String value) {
    assertEquals(
        tags(RENDERER.render(PARSER.parse(Place.PARAGRAPH.fill("x")))),
        tags(RENDERER.render(PARSER.parse(Place.PARAGRAPH.fill(Escape.markdown(value))))));
  }

  @Test
  void fuzzedTextRendersAsItselfInParagraphsListsAndTables() {
    String alphabet = "ab1 #-+=.)(*_`[]<>|~&!${}\\\"':/;\n\u00e9";
    Random random = new Random(20261127L);
    Place[] places = {Place.SENTENCE, Place.BULLET, Place.LIST_ITEM, Place.TABLE_CELL};
    for (int n = 0; n < 3000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(16);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      // Markdown trims the ends of a line; that is whitespace, not markup.
      String value = sb.toString().replace('\n', ' ').strip();
      if (value.isEmpty()) {
        continue;
      }
      assertRendersAsText(places[n % places.length], value);
    }
  }

  private static void assertRendersAsText(Place place, String value) {
    String expectedText = value.replace('\n', ' ').replace('\r', ' ');
    String markdown = place.fill(Escape.markdown(value));
    Node doc = PARSER.parse(markdown);
    Node reference = PARSER.parse(place.fill("VALUE"));
    assertEquals(shape(reference), shape(doc), () -> "markup from the value in:\n" + markdown);
    String html = RENDERER.render(doc);
    assertEquals(
        tags(RENDERER.render(reference)), tags(html), () -> "HTML elements differ: " + html);
    String wholeText =
        textOf(
            place == Place.TABLE_CELL || place == Place.TABLE_CELL_FIRST ? cell(doc, place) : doc);
    String referenceText =
        textOf(
            place == Place.TABLE_CELL || place == Place.TABLE_CELL_FIRST
                ? cell(reference, place)
                : reference);
    assertEquals(referenceText.replace("VALUE", expectedText), wholeText, () -> markdown);
  }

  /** The node types of a document, depth first, without the text itself. */
  private static List<String> shape(Node doc) {
    List<String> out = new ArrayList<>();
    collectShape(doc, 0, out);
    return out;
  }

  private static void collectShape(Node node, int depth, List<String> out) {
    if (!(node instanceof Text)) {
      out.add(depth + " " + node.getClass().getSimpleName());
    }
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      collectShape(c, depth + 1, out);
    }
  }

  private static List<String> tags(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Node cell(Node doc, Place place) {
    List<Node> cells = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(CustomNode node) {
            if (node instanceof TableCell) {
              cells.add(node);
            }
            visitChildren(node);
          }
        });
    return place == Place.TABLE_CELL ? cells.get(cells.size() - 1) : cells.get(cells.size() - 2);
  }

  private static String textOf(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            sb.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            sb.append(code.getLiteral());
          }
        });
    return sb.toString();
  }

  // ---------------------------------------------------------------- markdownCode

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "aws kms describe-key|`aws kms describe-key`",
        "a`b|``a`b``",
        "a``b`|``` a``b` ```",
        "`|`` ` ``",
        "` a|`` ` a ``",
        "' a '|`  a  `",
        "' '|` `",
        "<b>*x*</b>|`<b>*x*</b>`",
        "C:\\temp|`C:\\temp`"
      })
  void codeSpansUseALongerFenceAndPadWhereCommonMarkWouldStrip(String in, String out) {
    assertEquals(out, Escape.markdownCode(in));
  }

  @Test
  void codeWithAPipeIsOneSpanWhosePipesATableRowEscapes() {
    // Issue 20: a value with a pipe was several code spans, and copying one gave a fragment.
    assertEquals("`` a|b `x` ``", Escape.markdownCode("a|b `x`"));
    assertEquals("`|a||`", Escape.markdownCode("|a||"));
    assertEquals("`` a\\|b `x` ``", Escape.tableCodeSpans(Escape.markdownCode("a|b `x`")));
    assertEquals("`\\|a\\|\\|`", Escape.tableCodeSpans(Escape.markdownCode("|a||")));
    // A backslash right before a pipe cannot be code in a GFM cell: the span is split there.
    assertEquals("`C:\\`\\|`x`", Escape.markdownCode("C:\\|x"));
    assertEquals("`C:\\`\\|`x`", Escape.tableCodeSpans(Escape.markdownCode("C:\\|x")));
    // Pipes outside code spans are the table's own, and escaped text has none.
    assertEquals("| a \\| b | `c\\|d` |", Escape.tableCodeSpans("| a \\| b | `c|d` |"));
  }

  @Test
  void codeLineBreaksBecomeSpaces() {
    assertEquals("`a b c`", Escape.markdownCode("a\nb\rc"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws kms describe-key --key-id alias/x",
        "a`b",
        "``",
        "`x`",
        " a ",
        "  two  ",
        "<script>alert(1)</script>",
        "a\\b",
        "*not em*",
        "[not](link)",
        "a|b",
        "a | b",
        "|",
        "C:\\|x",
        "`a|b`",
        "&amp;",
        " ",
        "line\nbreak"
      })
  void codeRendersAsItsTextInAParagraphAndATableCell(String value) {
    String expected = value.replace('\n', ' ');
    for (String doc :
        List.of(
            "Run " + Escape.markdownCode(value) + " now.\n",
            "| Command |\n|---|\n| "
                + Escape.tableCodeSpans(Escape.markdownCode(value))
                + " |\n")) {
      Node parsed = PARSER.parse(doc);
      String text = textOf(parsed);
      String prefix = doc.startsWith("Run ") ? "Run " : "Command";
      String suffix = doc.startsWith("Run ") ? " now." : "";
      assertEquals(prefix + expected + suffix, text, doc);
      if (!value.contains("\\|")) {
        assertEquals(
            1,
            tags(RENDERER.render(parsed)).stream().filter(t -> t.equals("<code>")).count(),
            "one code span, which copies whole: " + doc);
      }
      assertEquals(
          0,
          tags(RENDERER.render(parsed)).stream()
              .filter(t -> !t.matches("</?(p|code|table|thead|tbody|tr|th|td)>"))
              .count(),
          doc);
    }
  }

  @Test
  void emptyCodeRendersAsNothing() {
    assertEquals("Run  now.", textOf(PARSER.parse("Run " + Escape.markdownCode("") + " now.\n")));
  }

  // ---------------------------------------------------------------- markdownUrl

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://console.aws.amazon.com/iam/home?region=us-east-1#/policies",
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/page.html",
        "runbook.md",
        "../other/runbook.md#step-2",
        "https://e.com/a%20b?x=1&y=2;z=[3]"
      })
  void safeUrlsAreUnchanged(String url) {
    assertEquals(url, Escape.markdownUrl(url));
    assertEquals(url, destination(url));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://e.com/a b|<https://e.com/a b>",
        "https://e.com/(x)|<https://e.com/(x)>",
        "https://e.com/<x>|<https://e.com/%3Cx%3E>",
        "https://e.com/a\\b|<https://e.com/a%5Cb>",
        "''|<>"
      })
  void otherUrlsGoInAngleBracketsWithAngleBracketsEncoded(String url, String out) {
    assertEquals(out, Escape.markdownUrl(url));
  }

  @Test
  void lineBreaksInAUrlAreEncoded() {
    assertEquals("<https://e.com/a%0Ab%0Dc>", Escape.markdownUrl("https://e.com/a\nb\rc"));
    assertEquals("https://e.com/a%0Ab%0Dc", destination("https://e.com/a\nb\rc"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://e.com/a b",
        "https://e.com/(x)",
        "https://e.com/x)",
        "https://e.com/a\"b",
        "https://e.com/`x`",
        "https://e.com/\u00fc",
        "https://e.com/a'b \"c\"",
        "https://e.com/*x*_y_"
      })
  void theLinkDestinationIsTheUrl(String url) {
    assertEquals(url, destination(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://e.com/?a=1&amp;b=2", "https://e.com/x&copy;y"})
  void entityLikeTextInAUrlIsKept(String url) {
    assertEquals(url, destination(url));
  }

  private static String destination(String url) {
    Node doc = PARSER.parse("[text](" + Escape.markdownUrl(url) + ")\n");
    List<String> out = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            out.add(link.getDestination());
          }
        });
    assertEquals(1, out.size(), "not one link: " + Escape.markdownUrl(url));
    return out.get(0);
  }

  // ---------------------------------------------------------------- shell

  @ParameterizedTest
  @ValueSource(
      strings = {
        "us-east-1",
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "AmazonRDSKMSKey",
        "a=b,c@d+e%f",
        "./path/to-file.json"
      })
  void shellLeavesSafeWordsUnquoted(String s) {
    assertEquals(s, Escape.shell(s));
  }

  @Test
  void shellQuotesEverythingElseInSingleQuotes() {
    assertEquals("''", Escape.shell(""));
    assertEquals("'a b'", Escape.shell("a b"));
    assertEquals("'it'\"'\"'s'", Escape.shell("it's"));
    assertEquals("'$HOME'", Escape.shell("$HOME"));
    assertEquals("'~'", Escape.shell("~"));
    assertEquals("'*'", Escape.shell("*"));
    assertEquals("'=ls'", Escape.shell("=ls"), "zsh expands a leading = to a command's path");
    assertEquals("'\u00e9'", Escape.shell("\u00e9"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "two words",
        "it's",
        "''",
        "'\"'",
        "\"double\"",
        "$HOME ${PATH} $(id) `id`",
        "a;b&c|d>e<f",
        "line one\nline two\n",
        "tab\there",
        "back\\slash\\",
        "*.json ? [ab] {a,b}",
        "~root",
        "!event #comment",
        "-n",
        "%s %d",
        "\u00e9t\u00e9 \u5317\u4eac \uD83D\uDE00",
        "Lets Aurora decrypt backups; don't \"touch\" $PROD"
      })
  void theShellGivesTheProgramExactlyTheText(String s) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("/bin/sh", "-c", "printf '%s' " + Escape.shell(s))
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor(5, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue());
    assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), out, () -> Escape.shell(s));
  }

  // ---------------------------------------------------------------- urlComponent

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "us-east-1|us-east-1",
        "AZaz09-._~|AZaz09-._~",
        "a b|a%20b",
        "a+b|a%2Bb",
        "key/1234|key%2F1234",
        "!*'();:@&=+$,/?#[]|%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D",
        "%|%25",
        "\u00fc\u20ac\uD83D\uDE00|%C3%BC%E2%82%AC%F0%9F%98%80",
        "''|''"
      })
  void urlComponentEncodesAllButUnreservedFromUtf8(String in, String out) {
    assertEquals(out, Escape.urlComponent(in));
    assertEquals(in, URLDecoder.decode(out, StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- jsonString

  @Test
  void jsonStringEscapesQuotesBackslashesAndControlCharacters() {
    assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\"", Escape.jsonString("a\"b\\c\nd\te\u0001"));
    assertEquals("\"\"", Escape.jsonString(""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "quote \" and backslash \\",
        "controls \u0000 \u0001 \u001f \u007f",
        "lines\n\r\t",
        "separators \u2028 \u2029",
        "\u00e9t\u00e9 \u5317\u4eac \uD83D\uDE00",
        "</script><!--",
        "arn:aws:kms:us-east-1:111122223333:key/*"
      })
  void jsonStringParsesBackToTheText(String s) throws IOException {
    assertEquals(s, new ObjectMapper().readTree(Escape.jsonString(s)).textValue());
  }

  @ParameterizedTest
  @EnumSource(Place.class)
  void everyPlaceRendersTheReferenceValue(Place place) {
    // Guards the test itself: each template really shows its value.
    assertTrue(textOf(PARSER.parse(place.fill("VALUE"))).contains("VALUE"), place.fill("VALUE"));
  }
}
