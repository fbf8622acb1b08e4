package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
