package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.Main;
import dev.runwright.kind.DocumentKinds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 12: a value holding {@code |} is one code span that copies whole, in a paragraph
 * and in a table cell, in Runwright's HTML and in GitHub's renderer ({@code cmark-gfm}).
 */
class TableCodeSpanTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  @TempDir Path tmp;

  @Test
  void mdCodeInATableRowEscapesItsPipesAndElsewhereKeepsThem() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("t"));
    Files.writeString(
        dir.resolve("table.md.ftl"),
        """
        | Setting | Value |
        |---|---|
        | Description | ${md.code(v)} |
        | Text | ${v} |
        ${md.code(v)} | ${md.code(v)}

        Enter ${md.code(v)}, then ${md.link("the page", "https://e.com/a|b")}.
        """);
    FreeMarkerEngine engine =
        new FreeMarkerEngine(new TemplateRoots(List.of(tmp)), DocumentKinds.escapings());
    String md = engine.render("t/table.md.ftl", Map.of("v", "load|save"));
    assertEquals(
        """
        | Setting | Value |
        |---|---|
        | Description | `load\\|save` |
        | Text | load\\|save |
        `load\\|save` | `load\\|save`

        Enter `load|save`, then [the page](<https://e.com/a\\|b>).
        """,
        md);

    String ours = RENDERER.render(md, UnaryOperator.identity()).body();
    assertCells(ours);
    assertTrue(
        ours.matches(
            "(?s).*<p>Enter <code>load\\|save</code>, then <a href=\"https://e.com/a(\\||%7C)b\">the page</a>.*"),
        ours);
    String github = cmarkGfm(md);
    assertCells(github);
    assertTrue(
        github.matches(
            "(?s).*<p>Enter <code>load\\|save</code>, then <a href=\"https://e.com/a(\\||%7C)b\">the page</a>.*"),
        github);
  }

  private static void assertCells(String html) {
    String flat = html.replaceAll("\\s+", "");
    assertTrue(flat.contains("<td>Description</td><td><code>load|save</code></td>"), html);
    assertTrue(flat.contains("<td>Text</td><td>load|save</td>"), html);
    assertTrue(
        flat.contains("<td><code>load|save</code></td><td><code>load|save</code></td>"), html);
  }

  @Test
  void aDescriptionWithPipesIsOneCodeSpanInTheConsoleStep() throws IOException {
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "generate",
            "-q",
            "--account",
            "111122223333",
            "--region",
            "us-east-1",
            "--key",
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "--cluster-id",
            "db1",
            "--description",
            "load|save|archive",
            "--out",
            out.toString());
    assertEquals(0, code, err.toString());
    String md = Files.readString(out.resolve("kms/runbook.md"));
    assertTrue(
        md.contains("7. For **Description**, enter `load|save|archive`. IAM cannot change"), md);
    String html = Files.readString(out.resolve("kms/runbook.html"));
    assertTrue(html.contains("enter <code>load|save|archive</code>."), "one span in our page");
    String github = cmarkGfm(md.replaceFirst("(?s)^---\\n.*?\\n---\\n", ""));
    assertTrue(github.contains("enter <code>load|save|archive</code>."), github);
  }

  /** GitHub's Markdown renderer, with its table extension; skips the test where it is missing. */
  private static String cmarkGfm(String markdown) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder("cmark-gfm", "-e", "table").start();
    } catch (IOException e) {
      Assumptions.assumeTrue(
          System.getenv("RUNWRIGHT_REQUIRE_TOOLS") == null,
          "cmark-gfm is required (RUNWRIGHT_REQUIRE_TOOLS) but missing");
      Assumptions.abort("cmark-gfm is not installed (apt-get install cmark-gfm)");
      throw e;
    }
    p.getOutputStream().write(markdown.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "cmark-gfm failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return html;
  }
}
