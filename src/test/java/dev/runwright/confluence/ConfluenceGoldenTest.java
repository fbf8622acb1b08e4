package dev.runwright.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.Main;
import dev.runwright.io.RelPath;
import dev.runwright.render.MarkdownRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage pages of real runbooks: the example inventory is built with {@code runwright site}, and a
 * few of its pages are converted and compared, byte for byte, with files under {@code
 * src/test/resources/confluence/golden/} that a person has read. After a deliberate change,
 * regenerate them with {@code mvn test -Dtest=ConfluenceGoldenTest -Drunwright.golden.update=true}
 * and read the diff. Every page of the site must also be well-formed XML.
 */
class ConfluenceGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/confluence/golden");
  private static final boolean UPDATE = Boolean.getBoolean("runwright.golden.update");
  private static final StorageRenderer RENDERER = new StorageRenderer();

  /** Site page to golden file: a step with JSON and shell, a placeholder note, an overview. */
  private static final Map<String, String> CASES =
      Map.of(
          "prod-use1/kms/runbook.md", "prod-use1-runbook.xml",
          "analytics-use1/associate/runbook.md", "analytics-use1-associate.xml",
          "prod-euw1/procedure.md", "prod-euw1-procedure.xml");

  @TempDir static Path site;

  @BeforeAll
  static void buildTheExampleSite() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "site",
            "--config",
            "site/site.yaml",
            "--out",
            site.resolve("public").toString());
    assertEquals(0, code, out + "\n" + err);
  }

  /** Links to pages of the site resolve to those pages' titles, as a publish would give them. */
  private static LinkResolver links(String from) {
    return href -> {
      String to = RelPath.resolve(from, href);
      Path f = to == null || !to.endsWith(".md") ? null : site.resolve("public").resolve(to);
      if (f == null || !Files.isRegularFile(f)) {
        return null;
      }
      try {
        return MarkdownRenderer.firstHeading(Files.readString(f));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static StorageRenderer.Storage convert(String rel) throws IOException {
    String md = Files.readString(site.resolve("public").resolve(rel));
    return RENDERER.render(md, "site/site.yaml", links(rel));
  }

  @TestFactory
  Stream<DynamicTest> pagesMatchTheirGoldenFiles() {
    return new TreeMap<>(CASES)
        .entrySet().stream()
            .map(
                e ->
                    DynamicTest.dynamicTest(
                        e.getKey(), () -> check(e.getKey(), GOLDEN.resolve(e.getValue()))));
  }

  private static void check(String rel, Path golden) throws Exception {
    StorageRenderer.Storage s = convert(rel);
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, s.body());
    }
    assertEquals(Files.readString(golden), s.body(), rel);
    String md = Files.readString(site.resolve("public").resolve(rel));
    assertEquals(MarkdownRenderer.firstHeading(md), s.title());
    StorageXml.parse(s.body());
    assertEquals(s, convert(rel), "a second conversion gives the same bytes");
  }

  @Test
  void everyPageOfTheExampleSiteIsWellFormedAndKeepsItsCode() throws Exception {
    Path pub = site.resolve("public");
    List<Path> pages;
    try (Stream<Path> s = Files.walk(pub)) {
      pages = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertTrue(pages.size() >= 28, "pages: " + pages.size());
    for (Path p : pages) {
      String rel = pub.relativize(p).toString().replace('\\', '/');
      var doc = StorageXml.parse(convert(rel).body());
      if (rel.endsWith("/runbook.md") && Files.exists(p.resolveSibling("policy.json"))) {
        // The policy in the code macro is policy.json, character for character.
        String policy = Files.readString(p.resolveSibling("policy.json"));
        assertTrue(StorageXml.codeBodies(doc).contains(policy.stripTrailing()), rel);
      }
    }
  }
}
