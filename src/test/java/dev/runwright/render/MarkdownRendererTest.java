package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final Pattern BLOCK =
      Pattern.compile(
          "<pre(?: data-rw-step=\"\")?><code class=\"language-([^\"]+)\">(.*?)</code></pre>",
          Pattern.DOTALL);

  private static String render(String markdown) {
    return RENDERER.render(markdown, UnaryOperator.identity()).body();
  }

  /** What a browser's textContent gives for a code element's HTML. */
  private static String textContent(String html) {
    return html.replaceAll("<[^>]*>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  static Stream<Arguments> blocks() {
    return Stream.of(
        Arguments.of("json", "{\"Effect\": \"Allow\", \"Resource\": [\"arn:aws:kms:*\"]}"),
        Arguments.of("yaml", "Type: AWS::IAM::Role  # the role"),
        Arguments.of("yml", "- name: step1"),
        Arguments.of("sh", "aws iam get-role --role-name \"$ROLE\""),
        Arguments.of("bash", "echo \"$(date)\""),
        Arguments.of("shell", "export AWS_REGION=us-east-1"),
        Arguments.of("console", "$ aws sts get-caller-identity"),
        Arguments.of("sql", "LOAD DATA FROM S3 's3://b/k' INTO TABLE t;"),
        Arguments.of("hcl", "name = \"${var.name}\""),
        Arguments.of("terraform", "resource \"aws_iam_role\" \"r\" {}"),
        Arguments.of("tf", "count = 1"));
  }

  @ParameterizedTest
  @MethodSource("blocks")
  void aFencedBlockInEachLanguageIsHighlightedAndItsTextIsTheCode(String info, String code) {
    String html = render("Before.\n\n```" + info + "\n" + code + "\n```\n\nAfter.\n");
    Matcher m = BLOCK.matcher(html);
    assertTrue(m.find(), html);
    assertEquals(info, m.group(1));
    assertTrue(m.group(2).contains("<span class=\"tok-"), html);
    assertEquals(code + "\n", textContent(m.group(2)));
    assertTrue(html.startsWith("<p>Before.</p>\n<pre"), html);
    assertTrue(html.endsWith("</code></pre>\n<p>After.</p>\n"), html);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "```text\n<b>\"x\" & 'y'</b>\n```\n",
        "```python\nprint('<hi>')\n```\n",
        "```\nno language\n```\n",
        "~~~ unknown extra words\n$ echo x\n~~~\n",
        "    indented <code>\n",
      })
  void otherBlocksRenderExactlyAsCommonmarkDoes(String markdown) {
    Parser parser = Parser.builder().build();
    String plain = HtmlRenderer.builder().escapeHtml(true).build().render(parser.parse(markdown));
    assertEquals(plain, render(markdown));
    assertFalse(render(markdown).contains("tok-"));
  }

  @Test
  void theFirstInfoWordNamesTheLanguage() {
    String html = render("```sh title=\"x\"\necho hi\n```\n");
    assertTrue(
        html.startsWith(
            "<pre data-rw-step=\"\"><code class=\"language-sh\"><span"
                + " class=\"tok-function\">echo</span> hi"),
        html);
  }

  @Test
  void highlightedCodeIsEscaped() {
    String code = "echo \"<script>alert('x')</script>\" && cat <<EOF\n</code></pre>&amp;\nEOF";
    String html = render("```sh\n" + code + "\n```\n");
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("</code></pre>&amp;"), html);
    Matcher m = BLOCK.matcher(html);
    assertTrue(m.find(), html);
    assertEquals(code + "\n", textContent(m.group(2)));
  }

  private static final String RUNBOOK =
      """
      # Create the policy `P`

      Intro text.

      ## Before you start

      - Sign in.

      ## Part 1: the console

      1. Open the console.
      2. Choose **Create**:
         - a detail
         ```sh
         aws inside --a-step
         ```
      3. Done.

      ```json
      {"Version": "2012-10-17"}
      ```

      ```sh
      aws iam create-policy --policy-name P
      ```

      ### Option B

      #### Deep

      ## Check it

      ```sh
      aws iam get-policy
      ```

      ## Check it

      See [https://docs.aws.amazon.com/x](https://docs.aws.amazon.com/x) and [the guide](https://docs.aws.amazon.com/y).
      """;

  @Test
  void everyHeadingHasAnAnchorAndALinkToItAndTheTocListsLevelsTwoAndThree() {
    MarkdownRenderer.Html html = RENDERER.render(RUNBOOK, UnaryOperator.identity());
    assertEquals("Create the policy P", html.title());
    assertTrue(
        html.body()
            .contains("<h1 id=\"create-the-policy-p\">Create the policy <code>P</code></h1>"),
        html.body());
    assertTrue(
        html.body()
            .contains(
                "<h2 id=\"part-1-the-console\">Part 1: the console <a class=\"rw-anchor\""
                    + " href=\"#part-1-the-console\" aria-label=\"Link to this section: Part 1: the"
                    + " console\">#</a></h2>"),
        html.body());
    assertEquals(
        List.of(
            "2 before-you-start Before you start",
            "2 part-1-the-console Part 1: the console",
            "3 option-b Option B",
            "2 check-it Check it",
            "2 check-it-1 Check it"),
        html.toc().stream().map(t -> t.level() + " " + t.id() + " " + t.heading()).toList(),
        "a repeated heading gets a numbered anchor, as commonmark's extension names it");
    for (MarkdownRenderer.Section t : html.sections()) {
      if (!t.id().isEmpty()) {
        assertTrue(html.body().contains(" id=\"" + t.id() + "\""), t.id());
      }
    }
  }

  @Test
  void theSectionsHoldTheTextUnderEachHeadingCodeIncludedAndMarkTheChecks() {
    List<MarkdownRenderer.Section> sections =
        RENDERER.render(RUNBOOK, UnaryOperator.identity()).sections();
    assertEquals(
        List.of(1, 2, 2, 3, 4, 2, 2),
        sections.stream().map(MarkdownRenderer.Section::level).toList());
    assertEquals("Intro text.", sections.get(0).text());
    MarkdownRenderer.Section part1 = sections.get(2);
    assertTrue(part1.text().contains("Choose Create:"), part1.text());
    assertTrue(part1.text().contains("aws iam create-policy --policy-name P"), part1.text());
    assertTrue(part1.text().contains("\"Version\""), part1.text());
    assertEquals(
        List.of(false, false, false, false, false, true, true),
        sections.stream().map(MarkdownRenderer.Section::check).toList());
    assertTrue(
        RENDERER
            .render(RUNBOOK, UnaryOperator.identity())
            .body()
            .contains("<h2 id=\"check-it\" data-rw-check=\"\">"));
  }

  @Test
  void theStepsAreTheProceduresNumberedItemsAndTheCommandsOutsideThem() {
    String body = RENDERER.render(RUNBOOK, UnaryOperator.identity()).body();
    assertEquals(3, count(body, "<li data-rw-step=\"\">"), body);
    assertFalse(
        body.contains("<li data-rw-step=\"\">a detail"), "a nested item is part of its step");
    assertEquals(2, count(body, "<pre data-rw-step=\"\">"), "the two commands outside the list");
    assertTrue(body.contains("<pre><code class=\"language-sh\"><span"), "the command in a step");
    assertTrue(body.contains("<pre><code class=\"language-json\">"), "JSON is read, not run");
    assertFalse(render("- a\n- b\n").contains("data-rw-step"), "a bulleted list is not steps");
  }

  @Test
  void aLinkWhoseTextIsItsAddressIsMarkedSoThatPrintDoesNotRepeatIt() {
    String body = RENDERER.render(RUNBOOK, UnaryOperator.identity()).body();
    assertTrue(
        body.contains(
            "<a href=\"https://docs.aws.amazon.com/x\" class=\"rw-url\">https://docs.aws.amazon.com/x</a>"),
        body);
    assertTrue(body.contains("<a href=\"https://docs.aws.amazon.com/y\">the guide</a>"), body);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void aLongValueInACodeSpanMayWrapAfterEachColonAndSlashAndItsTextIsTheValue() {
    String arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    String uri = "s3://bench-imports-0/daily/exports/";
    String role = "arn:aws:iam::111122223333:role/<b>&x";
    String html = render("`" + arn + "`, `" + uri + "`, `" + role + "`.\n");
    assertTrue(
        html.contains(
            "<code>arn:<wbr>aws:<wbr>kms:<wbr>us-east-1:<wbr>111122223333:<wbr>key/<wbr>"
                + "1234abcd-12ab-34cd-56ef-1234567890ab</code>"),
        html);
    // A run of separators is one break point, after its last; none after the value's end.
    assertTrue(
        html.contains("<code>s3://<wbr>bench-imports-0/<wbr>daily/<wbr>exports/</code>"), html);
    assertTrue(
        html.contains(
            "<code>arn:<wbr>aws:<wbr>iam::<wbr>111122223333:<wbr>role/<wbr>&lt;b&gt;&amp;x</code>"),
        html);
    assertEquals(arn + ", " + uri + ", " + role + ".", textContent(html).strip());
  }

  @Test
  void shortValuesAndCodeWithSpacesGetNoBreakPoints() {
    String shortValue = "arn:aws:s3:::bucket/key"; // 23 characters
    String command = "aws kms describe-key --key-id arn:aws:kms:us-east-1:1:key/k";
    String html = render("`" + shortValue + "` and `" + command + "`\n");
    assertEquals("<p><code>" + shortValue + "</code> and <code>" + command + "</code></p>\n", html);
  }
}
