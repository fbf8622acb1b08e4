package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.EXAMPLE_IDS;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's search index and the pages' navigation, read from a built example site. */
class SearchIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  private static Path site;
  private static JsonNode index;

  @BeforeAll
  static void build() throws Exception {
    site = shared.resolve("public");
    buildSite(EXAMPLE, site, "-q");
    index = parse(read(site.resolve("search-index.js")));
  }

  static JsonNode parse(String script) throws Exception {
    String prefix = "window.RUNWRIGHT_SEARCH = ";
    assertTrue(script.contains(prefix), "a script that assigns the data, for file://");
    String data = script.substring(script.indexOf(prefix) + prefix.length()).strip();
    return JSON.readTree(data.substring(0, data.length() - 1));
  }

  @Test
  void everyRunbookIsThereWithItsValuesAndEveryPageWithItsSections() {
    JsonNode runbooks = index.get("runbooks");
    List<String> ids = new ArrayList<>();
    runbooks.forEach(r -> ids.add(r.get(0).asText()));
    assertEquals(EXAMPLE_IDS.stream().sorted().toList(), ids.stream().sorted().toList());
    JsonNode euw1 = runbook("prod-euw1");
    String terms = euw1.get(1).asText() + " " + euw1.get(2).asText() + " " + euw1.get(3).asText();
    for (String w :
        List.of(
            "0f1e2d3c", "5b1c9f0e", "1a2b3c4d5e6f", "111122223333", "eu", "ireland", "payments")) {
      assertTrue(List.of(terms.split("[^\\p{L}\\p{N}]+")).contains(w), w + " in " + terms);
    }
    JsonNode pages = euw1.get(4);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < pages.size(); i += 2) {
      paths.add(index.get("pages").get(pages.get(i).asInt()).get(0).asText());
    }
    assertTrue(paths.containsAll(List.of("kms/index.html", "role/index.html")), paths.toString());
    assertEquals("index.html", paths.get(paths.size() - 1), "the overview comes last");
    for (String p : paths) {
      assertTrue(Files.isRegularFile(site.resolve("prod-euw1").resolve(p)), p);
    }
  }

  @Test
  void sectionsLinkToTheHeadingsOfThePagesAndHoldTheirWordsWithoutTheValues() {
    String page = read(site.resolve("prod-use1/associate/index.html"));
    JsonNode rb = runbook("prod-use1");
    JsonNode shape = null;
    for (int i = 0; i < rb.get(4).size(); i += 2) {
      String path = index.get("pages").get(rb.get(4).get(i).asInt()).get(0).asText();
      if (path.equals("associate/index.html")) {
        shape = index.get("shapes").get(rb.get(4).get(i + 1).asInt());
      }
    }
    List<String> anchors = new ArrayList<>();
    boolean reboot = false;
    for (JsonNode s : shape) {
      JsonNode section = index.get("sections").get(s.asInt());
      anchors.add(section.get(0).asText());
      String words = " " + section.get(2).asText() + " ";
      reboot |= words.contains(" reboot ");
      assertFalse(words.contains(" payments "), "the cluster is a value: " + words);
      assertFalse(words.contains(" 111122223333 "), "the account is a value");
    }
    assertTrue(reboot, "the reboot step's words are there");
    assertEquals("", anchors.get(0), "the title and intro lead to the page itself");
    for (String a : anchors.subList(1, anchors.size())) {
      assertTrue(page.contains(" id=\"" + a + "\""), a);
    }
  }

  @Test
  void pagesOfManyRunbooksShareTheirSectionsSoTheIndexStaysSmall(@TempDir Path tmp) {
    StringBuilder inv = new StringBuilder("title: Fleet\nrunbooks:\n");
    int n = 120;
    for (int i = 0; i < n; i++) {
      String account = String.format("%012d", 100_000_000_000L + i); // IAM names: one an account
      inv.append(String.format("  - id: rb-%04d%n    account: \"%s\"%n", i, account))
          .append(i % 2 == 0 ? "    region: us-east-1\n" : "    region: eu-west-1\n")
          .append(String.format("    keys: [%08x-12ab-4cde-8f01-%012x]%n", i, i))
          .append(i % 4 == 3 ? "" : "    clusterId: cluster-" + i + "\n")
          .append("    description: Imports of team " + i + "\n");
    }
    Path yaml = tmp.resolve("fleet.yaml");
    write(yaml, inv.toString());
    Path out = tmp.resolve("site");
    buildSite(yaml, out, "-q");
    String script = read(out.resolve("search-index.js"));
    JsonNode fleet;
    try {
      fleet = parse(script);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertEquals(n, fleet.get("runbooks").size());
    assertTrue(fleet.get("shapes").size() <= 24, "pages of one kind share a shape");
    // Sections are per page kind and heading, not per runbook: 120 runbooks share about 90 of them
    // (the forms' headings included), so the count does not grow with the fleet.
    assertTrue(fleet.get("sections").size() <= 110, fleet.get("sections").size() + " sections");
    assertTrue(
        // the shared sections include the Terraform, CloudFormation and SSM Automation forms
        script.length() < n * 330 + 60_000,
        script.length() + " bytes: about 300 a runbook, and the shared sections once");
  }

  @Test
  void theIndexIsTheSameBytesWhateverOrderTheThreadsFinishIn(@TempDir Path tmp) {
    Path again = tmp.resolve("again");
    buildSite(EXAMPLE, again, "-q", "--jobs", "1");
    assertEquals(read(site.resolve("search-index.js")), read(again.resolve("search-index.js")));
  }

  @Test
  void aPageKnowsItsBreadcrumbStepsContentsAndKey() {
    String kms = read(site.resolve("prod-use1/kms/index.html"));
    String role = read(site.resolve("prod-use1/role/index.html"));
    assertTrue(
        kms.contains("<li><a href=\"../../index.html\">Payments platform runbooks</a></li>"));
    assertTrue(kms.contains("<li><a href=\"../index.html\">prod-use1</a></li>"), kms);
    Matcher step =
        Pattern.compile("<span class=\"rw-stepof\">Step (\\d+) of \\d+</span>").matcher(kms);
    assertTrue(step.find(), "step k of n");
    int k = Integer.parseInt(step.group(1));
    assertTrue(
        kms.contains("<li aria-current=\"page\">Step " + k + ": Create the KMS policy</li>"));
    assertTrue(
        kms.contains(
            "<a class=\"rw-next\" rel=\"next\" href=\"../role/index.html\">Next: Step "
                + (k + 1)
                + ": Create the IAM role"),
        kms);
    assertTrue(kms.contains("<a class=\"rw-prev\" rel=\"prev\" href=\"../"), kms);
    assertEquals(2, kms.split("class=\"rw-pager ", -1).length - 1, "at the top and the bottom");
    Matcher toc = Pattern.compile("<li class=\"rw-toc-[23]\"><a href=\"#([^\"]+)\">").matcher(kms);
    int entries = 0;
    while (toc.find()) {
      entries++;
      assertTrue(kms.contains(" id=\"" + toc.group(1) + "\""), toc.group(1));
    }
    assertTrue(entries >= 2 * 10, "the side column and the folded one: " + entries);
    assertFalse(key(kms).equals(key(role)), "each page has its own key");
    assertFalse(kms.contains("<time"), "no date without SOURCE_DATE_EPOCH: the same bytes");
    assertFalse(kms.contains("Edit the input"), "no editUrl in the example");
  }

  @Test
  void anEditUrlLinksEveryPageToTheInput(@TempDir Path tmp) {
    Path yaml = tmp.resolve("site.yaml");
    write(
        yaml,
        read(EXAMPLE)
            .replace(
                "title: Payments platform runbooks\n",
                "title: Payments platform runbooks\n"
                    + "editUrl: https://git.example.com/payments/runbooks/edit/main/site.yaml\n"));
    Path out = tmp.resolve("site");
    buildSite(yaml, out, "-q");
    String link =
        "<a class=\"rw-edit\" href=\"https://git.example.com/payments/runbooks/edit/main/site.yaml\">"
            + "Edit the input</a>";
    assertTrue(read(out.resolve("index.html")).contains(link));
    assertTrue(read(out.resolve("prod-use1/associate/index.html")).contains(link));
  }

  private static String key(String page) {
    Matcher m = Pattern.compile("data-rw-key=\"([0-9a-f]{16})\"").matcher(page);
    assertTrue(m.find(), "the page carries its key");
    return m.group(1);
  }

  private static JsonNode runbook(String id) {
    for (JsonNode r : index.get("runbooks")) {
      if (r.get(0).asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no " + id + " in the index");
  }
}
