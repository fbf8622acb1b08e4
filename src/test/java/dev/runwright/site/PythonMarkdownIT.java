package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runwright.render.MarkdownRenderer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile Markdown read two ways: by commonmark-java, as Runwright's own pages render it, and by
 * Python-Markdown (the one MkDocs runs, found through the {@code mkdocs} launcher) after {@link
 * PythonMarkdown} rewrote it. The text a reader sees must be the same, character for character, in
 * both dialects. Skipped without mkdocs unless RUNWRIGHT_REQUIRE_TOOLS is 1.
 */
class PythonMarkdownIT {
  private static final boolean REQUIRED = "1".equals(System.getenv("RUNWRIGHT_REQUIRE_TOOLS"));
  private static final MarkdownRenderer COMMONMARK = new MarkdownRenderer();

  private static final List<String> CASES =
      List.of(
          "Cluster \\<your-cluster-id\\> & <b>bold</b> &amp; &lt; 5 > 3\n",
          "1\\. not a list, 2) neither\n\n\\- nor this\n\n\\+ nor this\n",
          "a * b * c _d_ e__f__g aws_default_s3_role\n",
          "=== \"Console\"\n\n!!! warning \"x\"\n\n??? note\n",
          "[x](javascript:alert(1)) and [y](https://example.com/a_b) and <https://auto.link>\n",
          "`code | pipe` and ``a`b`` and `` `tick` ``\n",
          "## Heading # with hashes ##\n\n# Title \\#\n",
          "1. Step:\n\n   ```sh\n   echo \"$X\" | grep -v '#'\n   ```\n\n2. Next\n   - nested\n     - deeper\n",
          "| a | b |\n|---|---|\n| x \\| y | `p\\|q` |\n| <i>no</i> | *yes* |\n",
          "Line one  \n- not a list item\n",
          "~~~ not a fence\n\n\\[TOC\\]\n\n{: .class } $x$ ^c^ ~t~ ==m== ++k++ :smile:\n",
          "<!-- a comment -->\n\n<div>html block</div>\n",
          "Text with *emph* and **strong** and ***both*** and \\*literal\\*\n",
          "a\\\\b backslash, a \\` tick, trailing backslash\\\n",
          "> quoted\n> - list in quote\n>\n> ```\n> code in quote\n> ```\n",
          "- [ ] Back up\n- [x] Read\n");

  @TestFactory
  Stream<DynamicTest> readersSeeTheSameTextInBothDialects() throws Exception {
    String python = python();
    return CASES.stream()
        .flatMap(
            c ->
                Stream.of(PythonMarkdown.Dialect.values())
                    .map(
                        d ->
                            DynamicTest.dynamicTest(
                                d + ": " + c.lines().findFirst().orElse(""),
                                () -> compare(python, d, c))));
  }

  private static void compare(String python, PythonMarkdown.Dialect d, String source)
      throws Exception {
    String expected = text(COMMONMARK.render(source, href -> href).body());
    String rewritten = new PythonMarkdown(d).convert(source);
    String actual = text(pythonMarkdown(python, d, rewritten));
    if (d == PythonMarkdown.Dialect.MATERIAL) {
      // pymdownx.tasklist shows check boxes where CommonMark shows the brackets
      expected = expected.replace("[ ] ", "").replace("[x] ", "");
    }
    assertEquals(expected, actual, "rewritten as:\n" + rewritten);
  }

  /** What a reader sees: the text without tags, entities resolved, spaces collapsed. */
  private static String text(String html) {
    // Highlighting spans sit inside words; other tags end a word; a heading's link to itself
    // (the page's # anchor) is not text.
    String t =
        html.replaceAll("<a class=\"rw-anchor\"[^>]*>#</a>", "")
            .replaceAll("</?span[^>]*>", "")
            .replaceAll("(?s)<[^>]*>", " ");
    t =
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&#61;", "=")
            .replace("&#126;", "~")
            .replace("&amp;", "&");
    return t.replaceAll("\\s+", " ").strip();
  }

  private static String pythonMarkdown(String python, PythonMarkdown.Dialect d, String md)
      throws Exception {
    String extensions =
        d == PythonMarkdown.Dialect.MATERIAL
            ? "['admonition','tables','sane_lists','pymdownx.superfences','pymdownx.tabbed',"
                + "'pymdownx.tasklist']"
            : "['admonition','tables','sane_lists','fenced_code']";
    Process p =
        new ProcessBuilder(
                python,
                "-c",
                "import sys, markdown; sys.stdout.write(markdown.markdown(sys.stdin.read(),"
                    + " extensions="
                    + extensions
                    + "))")
            .start();
    p.getOutputStream().write(md.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    return out;
  }

  /** The Python that runs MkDocs: the interpreter its launcher names. */
  private static String python() throws Exception {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path launcher = Path.of(dir, "mkdocs");
      if (Files.isExecutable(launcher)) {
        String first = Files.readAllLines(launcher, StandardCharsets.UTF_8).get(0);
        if (first.startsWith("#!")) {
          return first.substring(2).strip().split(" ")[0];
        }
      }
    }
    String why = "mkdocs is not installed (apt-get install mkdocs mkdocs-material)";
    if (REQUIRED) {
      fail(why + ", and RUNWRIGHT_REQUIRE_TOOLS=1");
    }
    assumeTrue(false, why + "; set RUNWRIGHT_REQUIRE_TOOLS=1 to fail instead of skipping");
    return null;
  }
}
