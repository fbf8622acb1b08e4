package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.EXAMPLE_ACCOUNTS;
import static dev.runwright.site.SiteTestSupport.EXAMPLE_IDS;
import static dev.runwright.site.SiteTestSupport.files;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.runwright;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runwright.cli.ExitCode;
import dev.runwright.io.RelPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MkDocs bundle of the example inventory: nav, links, front matter, TechDocs, check. */
class MkDocsTargetTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @TempDir static Path tmp;
  private static Path bundle;

  @BeforeAll
  static void build() {
    bundle = tmp.resolve("bundle");
    SiteTestSupport.Run r =
        runwright(
            "mkdocs",
            "--config",
            EXAMPLE.toString(),
            "--out",
            bundle.toString(),
            "--techdocs",
            "--owner",
            "group:default/payments");
    assertEquals(ExitCode.OK, r.code(), r::describe);
    assertTrue(r.out().contains("mkdocs.yml"), r.out());
  }

  private static List<String> navPaths(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> navPaths(child, out));
    return out;
  }

  @Test
  void theNavIsGroupedByAccountRegionAndRunbookWithTheOverviewFirst() throws Exception {
    JsonNode cfg = YAML.readTree(bundle.resolve("mkdocs.yml").toFile());
    assertEquals("Payments platform runbooks", cfg.path("site_name").asText());
    assertEquals("material", cfg.path("theme").path("name").asText());
    JsonNode nav = cfg.path("nav");
    assertEquals("index.md", nav.get(0).path("Home").asText());
    List<String> accounts = new ArrayList<>();
    nav.forEach(n -> n.fieldNames().forEachRemaining(accounts::add));
    assertEquals(
        List.of(
            "Home",
            "Account 012345678901",
            "Account 111122223333",
            "Account 333344445555",
            "Account 444455556666",
            "Account 777788889999"),
        accounts);
    JsonNode useast1 = nav.get(2).path("Account 111122223333").get(1);
    JsonNode prod = useast1.path("us-east-1 · US East (N. Virginia)").get(0).path("prod-use1");
    assertEquals("prod-use1/index.md", prod.get(0).path("Overview").asText(), prod.toString());
    for (int i = 1; i < prod.size(); i++) {
      String title = prod.get(i).fieldNames().next();
      assertTrue(title.startsWith(i + ". "), title);
      assertTrue(
          prod.get(i).path(title).asText().matches("prod-use1/[a-z0-9-]+/index\\.md"),
          prod.toString());
    }
    assertTrue(prod.toString().contains("\"prod-use1/kms/index.md\""), prod.toString());
    // Every page is in the nav once, and the nav names only pages there are.
    List<String> paths = navPaths(nav, new ArrayList<>());
    List<String> pages = new ArrayList<>();
    files(bundle.resolve("docs")).keySet().stream()
        .filter(f -> f.endsWith(".md"))
        .forEach(pages::add);
    assertEquals(new java.util.TreeSet<>(pages), new java.util.TreeSet<>(paths));
    assertEquals(pages.size(), paths.size());
  }

  @Test
  void everyRelativeLinkResolvesToAFileOfTheBundle() {
    int links = 0;
    for (Map.Entry<String, byte[]> f : files(bundle.resolve("docs")).entrySet()) {
      if (!f.getKey().endsWith(".md")) {
        continue;
      }
      Matcher m = LINK.matcher(new String(f.getValue(), StandardCharsets.UTF_8));
      while (m.find()) {
        String href = m.group(1);
        if (href.matches("^(https?|mailto):.*") || href.startsWith("#")) {
          continue;
        }
        String target = RelPath.resolve(f.getKey(), href.replaceFirst("#.*$", ""));
        assertTrue(
            target != null && Files.isRegularFile(bundle.resolve("docs").resolve(target)),
            f.getKey() + " links " + href);
        links++;
      }
    }
    assertTrue(links > 100, "links checked: " + links);
  }

  @Test
  void pagesHaveOnlyATitleInTheirFrontMatter() {
    Map<String, byte[]> docs = files(bundle.resolve("docs"));
    int pages = 0;
    for (Map.Entry<String, byte[]> f : docs.entrySet()) {
      if (f.getKey().endsWith(".md")) {
        String text = new String(f.getValue(), StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s)---\ntitle: \"[^\"\n]+\"\n---\n\n# .*"), f.getKey());
        pages++;
      }
    }
    assertTrue(pages > EXAMPLE_IDS.size() * 3, "pages: " + pages);
    assertTrue(read(bundle.resolve("docs/prod-use1/kms/policy.json")).contains("kms:Decrypt"));
  }

  @Test
  void titlesAreEscapedForTheHtmlMkDocsPutsThemIn() {
    Path inventory = tmp.resolve("hostile.yaml");
    write(
        inventory,
        read(EXAMPLE)
            .replace(
                "title: Payments platform runbooks",
                "title: \"Payments <b>&</b> \\\"runbooks\\\"\""));
    Path out = tmp.resolve("hostile");
    SiteTestSupport.Run r =
        runwright(
            "mkdocs", "--config", inventory.toString(), "--out", out.toString(), "--techdocs");
    assertEquals(ExitCode.OK, r.code(), r::describe);
    String yml = read(out.resolve("mkdocs.yml"));
    assertTrue(
        yml.contains("site_name: \"Payments &lt;b&gt;&amp;&lt;/b&gt; &quot;runbooks&quot;\"\n"),
        yml);
    assertTrue(
        read(out.resolve("docs/index.md"))
            .startsWith(
                "---\ntitle: \"Payments &lt;b&gt;&amp;&lt;/b&gt; &quot;runbooks&quot;\"\n"));
    // Backstage shows its YAML as text: the descriptor keeps the title as written.
    assertTrue(
        read(out.resolve("catalog-info.yaml"))
            .contains("  title: \"Payments <b>&</b> \\\"runbooks\\\"\"\n"));
    assertTrue(
        read(out.resolve("catalog-info.yaml")).contains("  name: \"payments-b-b-runbooks\""));
  }

  @Test
  void techDocsGetsAComponentNamedAfterTheInventory() throws Exception {
    JsonNode c = YAML.readTree(bundle.resolve("catalog-info.yaml").toFile());
    assertEquals("Component", c.path("kind").asText());
    assertEquals("payments-platform-runbooks", c.path("metadata").path("name").asText());
    assertEquals(
        "dir:.", c.path("metadata").path("annotations").path("backstage.io/techdocs-ref").asText());
    assertEquals("group:default/payments", c.path("spec").path("owner").asText());
    assertEquals(
        "payments-platform-runbooks", MkDocsConfig.entityName("Payments platform runbooks"));
    assertEquals("runbooks", MkDocsConfig.entityName("§§§"));
    // 63 characters at most, and never ending in a separator once cut
    assertEquals(63, MkDocsConfig.entityName("a".repeat(80)).length());
    assertEquals(62, MkDocsConfig.entityName("ab-".repeat(40)).length());
  }

  @Test
  void checkRecognisesTheBundleWithItsThemeAndOwner() {
    SiteTestSupport.Run r =
        runwright("check", "--config", EXAMPLE.toString(), "--out", bundle.toString());
    assertEquals(ExitCode.OK, r.code(), r::describe);
    r =
        runwright(
            "check",
            "--config",
            EXAMPLE.toString(),
            "--out",
            bundle.toString(),
            "--target",
            "mkdocs");
    assertEquals(ExitCode.OK, r.code(), r::describe);
    Path plain = tmp.resolve("plain");
    r =
        runwright(
            "mkdocs",
            "--config",
            EXAMPLE.toString(),
            "--out",
            plain.toString(),
            "--theme",
            "mkdocs");
    assertEquals(ExitCode.OK, r.code(), r::describe);
    assertFalse(Files.exists(plain.resolve("catalog-info.yaml")));
    assertTrue(read(plain.resolve("mkdocs.yml")).contains("  - fenced_code\n"));
    r = runwright("check", "--config", EXAMPLE.toString(), "--out", plain.toString());
    assertEquals(ExitCode.OK, r.code(), r::describe);
    write(plain.resolve("docs/prod-use1/kms/index.md"), "edited by hand\n");
    r = runwright("check", "--config", EXAMPLE.toString(), "--out", plain.toString());
    assertEquals(ExitCode.FINDINGS, r.code(), r::describe);
    assertTrue(
        r.out().contains("changed: " + plain.resolve("docs/prod-use1/kms/index.md")), r.out());
  }

  @Test
  void redactedBundlesShowNoAccountId() {
    Path out = tmp.resolve("redacted");
    SiteTestSupport.Run r =
        runwright(
            "mkdocs",
            "--config",
            EXAMPLE.toString(),
            "--out",
            out.toString(),
            "--redact-accounts",
            "--techdocs");
    assertEquals(ExitCode.OK, r.code(), r::describe);
    for (Map.Entry<String, byte[]> f : files(out).entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8);
      for (String account : EXAMPLE_ACCOUNTS) {
        assertFalse(text.contains(account), f.getKey() + " shows " + account);
      }
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    SiteTestSupport.Run r =
        runwright(
            "mkdocs",
            "--config",
            EXAMPLE.toString(),
            "--out",
            tmp.resolve("x").toString(),
            "--theme",
            "readthedocs");
    assertEquals(ExitCode.USAGE, r.code(), r::describe);
    assertTrue(r.err().contains("--theme: \"readthedocs\""), r.err());
    r =
        runwright(
            "mkdocs",
            "--config",
            EXAMPLE.toString(),
            "--out",
            tmp.resolve("x").toString(),
            "--owner",
            "payments");
    assertEquals(ExitCode.USAGE, r.code(), r::describe);
    r =
        runwright(
            "mkdocs",
            "--config",
            EXAMPLE.toString(),
            "--out",
            tmp.resolve("x").toString(),
            "--techdocs",
            "--owner",
            "not an owner");
    assertEquals(ExitCode.USAGE, r.code(), r::describe);
    assertTrue(r.err().contains("is not a Backstage entity reference"), r.err());
    assertFalse(Files.exists(tmp.resolve("x")));
  }
}
