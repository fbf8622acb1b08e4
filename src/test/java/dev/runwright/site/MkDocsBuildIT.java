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
      p =
          new ProcessBuilder(
                  MKDOCS,
                  "build",
                  "--strict",
                  "-f",
                  bundle.resolve("mkdocs.yml").toString(),
                  "-d",
                  bundle.resolveSibling(bundle.getFileName() + "-site").toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      String why = MKDOCS + " is not installed (apt-get install mkdocs mkdocs-material)";
      if (REQUIRED) {
        fail(why + ", and RUNWRIGHT_REQUIRE_TOOLS=1");
      }
      assumeTrue(false, why + "; set RUNWRIGHT_REQUIRE_TOOLS=1 to fail instead of skipping");
      throw e;
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
    String assoc = html(bundle, "analytics-use1/associate/index.html");
    assertTrue(assoc.contains("<div class=\"admonition warning\">"), assoc);
    assertTrue(assoc.contains("<p class=\"admonition-title\">Placeholder</p>"), assoc);
    assertTrue(assoc.contains("<code>&lt;your-cluster-id&gt;</code>"), assoc);
    assertTrue(assoc.contains("MySQL cluster <strong>&lt;your-cluster-id&gt;</strong>"), assoc);
    assertFalse(assoc.contains("<your-cluster-id>"), "a placeholder must not become a tag");
    assertFalse(html(bundle, "index.html").contains("111122223333"), "redacted");
  }

  @Test
  void plainMkDocsBuildsTheSameBundleWithoutMaterial() throws Exception {
    Path bundle = bundle("plain", "--theme", "mkdocs");
    assertBuilt(mkdocs(bundle));
    String kms = html(bundle, "prod-use1/kms/index.html");
    assertFalse(kms.contains("tabbed"), "no tabs without material");
    assertTrue(kms.contains("Or create it with the AWS CLI"), kms);
    assertTrue(
        Pattern.compile(
                "In the <strong>Specify ARNs</strong> dialog:<ul>\\s*<li><strong>Resources"
                    + " in</strong>")
            .matcher(kms)
            .find(),
        kms);
    assertTrue(kms.contains("<pre><code class=\"language-json\">"), kms);
    String assoc = html(bundle, "analytics-use1/associate/index.html");
    assertTrue(assoc.contains("<div class=\"admonition warning\">"), assoc);
    String home = html(bundle, "index.html");
    assertTrue(home.contains("href=\"prod-use1/\""), home);
    assertTrue(home.contains("href=\"prod-use1/kms/\""), home);
    assertTrue(Files.isRegularFile(bundle.resolveSibling("plain-site/prod-use1/kms/policy.json")));
  }
}
