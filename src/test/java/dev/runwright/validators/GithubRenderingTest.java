package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.render.MarkdownRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Markdown page Runwright writes for the examples, rendered by GitHub's cmark-gfm, shows a
 * reader the same tables, code spans, code blocks and text as Runwright's own HTML page for it (the
 * page's {@code <main>}); a wiki page, which has no HTML page, is compared with Runwright's own
 * rendering of it. Heading ids, attributes and link targets may differ. YAML front matter is left
 * out first, as Hugo, MkDocs and GitHub's wikis do.
 */
class GithubRenderingTest {
  private static final String CHECK = "github-rendering";
  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---\\n.*?\\n---\\n", Pattern.DOTALL);
  private static final MarkdownRenderer OURS = new MarkdownRenderer();

  @Test
  void everyMarkdownKindIsCompared() {
    List<String> labels =
        GeneratedOutput.files(null, ".md").stream().map(GeneratedOutput::label).toList();
    for (String kind :
        List.of(
            "site/prod-use1/kms/runbook.md",
            "site/prod-use1/role/runbook.md",
            "site/prod-use1/associate/runbook.md",
            "site/prod-use1/procedure.md",
            "wiki/Home.md",
            "wiki/_Sidebar.md",
            "wiki/prod-use1.md",
            "wiki/prod-use1-kms.md",
            "redacted-site/prod-use1/kms/runbook.md",
            "generate/kms/runbook.md",
            "generate/procedure.md")) {
      assertTrue(labels.contains(kind), () -> kind + " is not among " + labels);
    }
    assertTrue(
        Files.exists(counterpart(GeneratedOutput.root().resolve("site/prod-use1/kms/runbook.md"))),
        "a site's runbook.md is compared with its page");
  }

  @TestFactory
  Stream<DynamicTest> githubShowsWhatOurPagesShow() {
    return Tool.whenPresent(
        GithubRenderingTest::githubShowsWhatOurPagesShowTests, Validators.CMARK_GFM);
  }

  private static Stream<DynamicTest> githubShowsWhatOurPagesShowTests() {
    return GeneratedOutput.files(null, ".md").stream()
        .map(
            md ->
                DynamicTest.dynamicTest(
                    GeneratedOutput.label(md),
                    () -> {
                      String markdown = FRONT_MATTER.matcher(read(md)).replaceFirst("");
                      HtmlDigest github = HtmlDigest.ofFragment(Validators.cmarkGfm(markdown));
                      Path page = counterpart(md);
                      boolean hasPage = page != null && Files.exists(page);
                      HtmlDigest ours =
                          hasPage
                              ? HtmlDigest.ofPage(read(page))
                              : HtmlDigest.ofFragment(
                                  OURS.render(markdown, UnaryOperator.identity()).body());
                      String ourName = hasPage ? GeneratedOutput.label(page) : "commonmark-java";
                      KnownDefects.check(
                          CHECK,
                          GeneratedOutput.label(md),
                          ours.differences(github, ourName, "cmark-gfm"));
                    }));
  }

  @AfterAll
  static void everyKnownDefectWasSeen() {
    KnownDefects.assertEachSeen(CHECK);
  }

  /** The HTML page Runwright made from {@code md}, or null for a wiki page. */
  private static Path counterpart(Path md) {
    if (GeneratedOutput.label(md).startsWith("wiki/")) {
      return null;
    }
    String name = md.getFileName().toString();
    Path html = md.resolveSibling(name.replaceFirst("\\.md$", ".html"));
    return Files.exists(html) || !name.equals("runbook.md")
        ? html
        : md.resolveSibling("index.html");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
