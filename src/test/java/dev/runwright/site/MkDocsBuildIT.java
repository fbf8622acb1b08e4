package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.runwright;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runwright.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example inventory's MkDocs bundle built by MkDocs itself ({@code mkdocs build --strict},
 * which fails on any warning: a broken link, a nav entry without its file), with mkdocs-material
 * and with MkDocs' own theme, and the HTML read back: lists nested, notes as admonitions, tables,
 * code, and with material the console and CLI forms as tabs. Skipped when {@code mkdocs} (or, for
 * its test, mkdocs-material) is not installed, unless RUNWRIGHT_REQUIRE_TOOLS is 1 (as in CI:
 * Debian's {@code mkdocs} and {@code mkdocs-material}).
 */
class MkDocsBuildIT {
  private static final String MKDOCS = System.getProperty("runwright.mkdocs", "mkdocs");
  private static final boolean REQUIRED = "1".equals(System.getenv("RUNWRIGHT_REQUIRE_TOOLS"));
  private static final Pattern WARNING = Pattern.compile("(?m)^(WARNING|ERROR)\\b");

  @TempDir Path tmp;

  /** What {@code mkdocs build} printed and returned. */
  private record Build(int code, String output) {}

  private Build mkdocs(Path bundle) throws Exception {
    Process p;
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
                  MKDOCS,
                  "build",
                  "--strict",
                  "-f",
                  bundle.resolve("mkdocs.yml").toString(),
                  "-d",
                  bundle.resolveSibling(bundle.getFileName() + "-site").toString())
              .redirectErrorStream(true);
      pb.environment().put("NO_COLOR", "1");
      p = pb.start();
    } catch (IOException e) {
      String why = MKDOCS + " is not installed (apt-get install mkdocs mkdocs-material)";
      if (REQUIRED) {
        fail(why + ", and RUNWRIGHT_REQUIRE_TOOLS=1");
      }
      assumeTrue(false, why + "; set RUNWRIGHT_REQUIRE_TOOLS=1 to fail instead of skipping");
      throw e;
    }
    p.getOutputStream().close();
    String out =
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .replaceAll("\u001b\\[[0-9;]*m", "");
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mkdocs build took more than two minutes");
    return new Build(p.exitValue(), out);
  }

  private Path bundle(String name, String... more) {
    Path out = tmp.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of("mkdocs", "--config", EXAMPLE.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    SiteTestSupport.Run r = runwright(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.code(), r::describe);
    return out;
  }

  private static void assertBuilt(Build b) {
    assertEquals(0, b.code(), b.output());
    assertFalse(WARNING.matcher(b.output()).find(), "mkdocs warned:\n" + b.output());
  }

  /** Every page of the built site, one after the other. */
  private static String allHtml(Path bundle) throws IOException {
    Path site = bundle.resolveSibling(bundle.getFileName() + "-site");
    StringBuilder sb = new StringBuilder();
    try (var files = Files.walk(site)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        sb.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }

  private static String html(Path bundle, String page) {
    return read(bundle.resolveSibling(bundle.getFileName() + "-site").resolve(page));
  }

  @Test
  void withMaterialNotesAreAdmonitionsAndFormsAreTabs() throws Exception {
    Path bundle = bundle("material", "--techdocs", "--redact-accounts");
    Build b = mkdocs(bundle);
    if (b.code() != 0 && b.output().contains("Unrecognised theme name: 'material'")) {
      String why = "mkdocs-material is not installed (apt-get install mkdocs-material)";
      if (REQUIRED) {
        fail(why + ", and RUNWRIGHT_REQUIRE_TOOLS=1");
      }
      assumeTrue(false, why + "; set RUNWRIGHT_REQUIRE_TOOLS=1 to fail instead of skipping");
    }
    assertBuilt(b);
    String kms = html(bundle, "prod-use1/kms/index.html");
    assertTrue(kms.contains("<label for=\"__tabbed_1_1\">Console</label>"), kms);
    assertTrue(kms.contains("<label for=\"__tabbed_1_2\">AWS CLI</label>"), kms);
    // Option B's dialog fields are a list inside step 6, not text after it.
    assertTrue(
        Pattern.compile(
                "In the <strong>Specify ARNs</strong> dialog:<ul>\\s*<li><strong>Resources"
                    + " in</strong>")
            .matcher(kms)
            .find(),
        kms);
    assertTrue(kms.contains("<table>"), kms);
    assertTrue(kms.contains("<a href=\"policy.json\">policy.json</a>"), kms);
    String all = allHtml(bundle);
    assertTrue(
        all.contains(
            "<div class=\"admonition warning\">\n<p class=\"admonition-title\">Placeholder</p>"),
        "a placeholder note is an admonition");
    assertTrue(all.contains("<code>&lt;your-cluster-id&gt;</code>"), "placeholders are shown");
    assertFalse(all.contains("<your-cluster-id>"), "a placeholder must not become a tag");
    assertFalse(html(bundle, "index.html").contains("111122223333"), "redacted");
  }

  @Test
  void plainMkDocsBuildsTheSameBundleWithoutMaterial() throws Exception {
    Path bundle = bundle("plain", "--theme", "mkdocs");
    assertBuilt(mkdocs(bundle));
    String kms = html(bundle, "prod-use1/kms/index.html");
    assertFalse(kms.contains("tabbed"), "no tabs without material");
    assertTrue(kms.contains(">With the AWS CLI<"), kms); // the forms as sections
    assertTrue(
        Pattern.compile(
                "In the <strong>Specify ARNs</strong> dialog:<ul>\\s*<li><strong>Resources"
                    + " in</strong>")
            .matcher(kms)
            .find(),
        kms);
    assertTrue(kms.contains("<pre><code class=\"language-json\">"), kms);
    assertTrue(allHtml(bundle).contains("<div class=\"admonition warning\">"), "notes");
    String home = html(bundle, "index.html");
    assertTrue(home.contains("href=\"prod-use1/\""), home);
    assertTrue(home.contains("href=\"prod-use1/kms/\""), home);
    assertTrue(Files.isRegularFile(bundle.resolveSibling("plain-site/prod-use1/kms/policy.json")));
  }

  @Test
  void aTitleWithMarkupIsShownAsWrittenNotRunAsHtml() throws Exception {
    Path inventory = tmp.resolve("hostile.yaml");
    SiteTestSupport.write(
        inventory,
        read(EXAMPLE)
            .replace(
                "title: Payments platform runbooks",
                "title: \"Pay <script>alert(1)</script> & <b>co</b>\""));
    Path bundle = tmp.resolve("hostile");
    SiteTestSupport.Run r =
        runwright(
            "mkdocs",
            "--config",
            inventory.toString(),
            "--out",
            bundle.toString(),
            "--theme",
            "mkdocs");
    assertEquals(ExitCode.OK, r.code(), r::describe);
    assertBuilt(mkdocs(bundle));
    String all = allHtml(bundle);
    assertFalse(all.contains("<script>alert(1)"), "the title ran as HTML");
    assertFalse(all.contains("<b>co</b>"), "the title became markup");
    assertTrue(
        all.contains("Pay &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;"));
  }
}
