package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.runwright;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole procedure in each form (Terraform, CloudFormation, SSM Automation) as the site index
 * and the wiki sidebar list it: any document of the overview with a {@code form:}, here those of
 * the test pack {@code iac-demo}, which no Java code names.
 */
class FormFilesTest {
  /** The test packs iac-demo and iac-demo-record; their first step is the test pack dns-record. */
  static final Path FORM_PACKS = Path.of("src", "test", "resources", "packs-forms");

  static final Path PACKS = Path.of("src", "test", "resources", "packs");

  /** The template options that find the test packs. */
  static final String[] TEMPLATES = {
    "--templates", FORM_PACKS.toString(), "--templates", PACKS.toString()
  };

  static final String INVENTORY =
      """
      title: IaC demo runbooks
      runbooks:
        - id: dns-api
          pack: iac-demo
          account: "111122223333"
          region: us-east-1
          zoneId: Z0123456789ABCDEFGHIJ
          recordName: api.example.com
      """;

  @TempDir Path tmp;

  private Path inventory(String extra) {
    Path f = tmp.resolve("iac.yaml");
    write(f, INVENTORY + extra);
    return f;
  }

  private static final Pattern FILE_LINK =
      Pattern.compile("<a href=\"([^\"]+)\" data-rw-form=\"([a-z]+)\"><code>([^<]+)</code></a>");

  private static List<String> links(String index) {
    List<String> out = new ArrayList<>();
    Matcher m = FILE_LINK.matcher(index);
    while (m.find()) {
      out.add(m.group(2) + " " + m.group(3) + " " + m.group(1));
    }
    return out;
  }

  @Test
  void theSiteIndexLinksEachFormsFileAndItsFilterFindsThem() {
    Path out = tmp.resolve("site");
    buildSite(
        inventory(""), out, "--quiet", TEMPLATES[0], TEMPLATES[1], TEMPLATES[2], TEMPLATES[3]);
    String index = read(out.resolve("index.html"));
    List<String> links = links(index);
    assertEquals(
        List.of(
            "terraform procedure.tf dns-api/procedure.tf",
            "cloudformation procedure-cloudformation.yaml dns-api/procedure-cloudformation.yaml",
            "ssm procedure-automation.yaml dns-api/procedure-automation.yaml"),
        links,
        index);
    Matcher shown = Pattern.compile("<span class=\"rw-files\">(.*?)</span>").matcher(index);
    assertTrue(shown.find(), index);
    assertEquals(
        "The whole procedure as code: Terraform procedure.tf · CloudFormation"
            + " procedure-cloudformation.yaml · SSM Automation procedure-automation.yaml",
        shown.group(1).replaceAll("<[^>]+>", ""));
    for (String l : links) {
      Path file = out.resolve(l.substring(l.lastIndexOf(' ') + 1));
      assertTrue(Files.isRegularFile(file), "the link leads to the file: " + file);
    }
    Matcher search = Pattern.compile("data-rw-search=\"([^\"]*)\"").matcher(index);
    assertTrue(search.find());
    for (String word : List.of("terraform", "cloudformation", "ssm automation", "procedure.tf")) {
      assertTrue(search.group(1).contains(word), word + " in " + search.group(1));
    }
  }

  @Test
  void onlyTheChosenFormsAreListed() {
    Path out = tmp.resolve("site");
    buildSite(
        inventory("    forms: [terraform]\n"),
        out,
        "--quiet",
        TEMPLATES[0],
        TEMPLATES[1],
        TEMPLATES[2],
        TEMPLATES[3]);
    String index = read(out.resolve("index.html"));
    assertEquals(List.of("terraform procedure.tf dns-api/procedure.tf"), links(index), index);
    assertFalse(Files.exists(out.resolve("dns-api/procedure-automation.yaml")));
  }

  @Test
  void theExampleListsEachOverviewsTerraformFileAndRunbooksWithoutSuchFilesListNone() {
    Path out = tmp.resolve("example");
    buildSite(EXAMPLE, out, "--quiet");
    String index = read(out.resolve("index.html"));
    for (String id : SiteTestSupport.EXAMPLE_IDS) {
      assertTrue(
          index.contains("href=\"" + id + "/terraform/main.tf\" data-rw-form=\"terraform\""), id);
    }
    // The same inventory with no form beside the console and the CLI.
    Path none = tmp.resolve("none.yaml");
    write(
        none,
        read(EXAMPLE)
            .replace("defaults:\n", "defaults:\n  forms: [console, cli]\n")
            .replace("../schema/", "schema/"));
    Path noneOut = tmp.resolve("example-none");
    buildSite(none, noneOut, "--quiet");
    assertFalse(read(noneOut.resolve("index.html")).contains("rw-files"));
  }

  @Test
  void theWikiPublishesTheFilesAndItsSidebarListsThem() {
    Path out = tmp.resolve("wiki");
    var r =
        runwright(
            "wiki",
            "--quiet",
            "--config",
            inventory("").toString(),
            TEMPLATES[0],
            TEMPLATES[1],
            TEMPLATES[2],
            TEMPLATES[3],
            "--out",
            out.toString());
    assertEquals(ExitCode.OK, r.code(), r::describe);
    String sidebar = read(out.resolve("_Sidebar.md"));
    for (String[] f :
        new String[][] {
          {"Terraform", "procedure.tf"},
          {"CloudFormation", "procedure-cloudformation.yaml"},
          {"SSM Automation", "procedure-automation.yaml"}
        }) {
      String link = "  - [As " + f[0] + ": " + f[1] + "](dns-api-" + f[1] + ")\n";
      assertTrue(sidebar.contains(link), link + " in\n" + sidebar);
      assertTrue(Files.isRegularFile(out.resolve("dns-api-" + f[1])), f[1]);
    }
    assertTrue(read(out.resolve("dns-api-procedure.tf")).contains("\"Z0123456789ABCDEFGHIJ\""));
  }
}
