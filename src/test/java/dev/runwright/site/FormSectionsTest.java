package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.runwright;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Markdown (generate's .md, the wiki's pages) the forms of a step stay sections one after
 * another, as wikis have no tabs: each group has at least two, and each starts with a heading that
 * says which form it is.
 */
class FormSectionsTest {
  private static final Set<String> HEADINGS =
      Set.of(
          "In the console",
          "With the AWS CLI",
          "With Terraform",
          "With CloudFormation",
          "With an SSM Automation runbook");

  private static final Pattern GROUP =
      Pattern.compile(
          "<!-- runwright:forms -->\n(.*?)<!-- runwright:end-forms -->", Pattern.DOTALL);
  private static final Pattern HEADING = Pattern.compile("(?m)^(#{2,6}) (.+)$");

  /** What is wrong with the groups of forms in {@code md}, one line each. */
  static List<String> problems(String where, String md) {
    List<String> out = new ArrayList<>();
    Matcher g = GROUP.matcher(md);
    while (g.find()) {
      String body = g.group(1).replaceAll("(?ms)^```.*?^```", "");
      Matcher h = HEADING.matcher(body);
      List<String> forms = new ArrayList<>();
      int level = 0;
      while (h.find()) {
        if (level == 0) {
          level = h.group(1).length();
        }
        if (h.group(1).length() == level) {
          forms.add(h.group(2));
        }
      }
      if (forms.size() < 2 || !HEADINGS.containsAll(forms)) {
        out.add(where + ": forms " + forms);
      }
      if (!body.stripLeading().startsWith("#")) {
        out.add(where + ": a group that does not start at a form's heading");
      }
    }
    return out;
  }

  private static List<Path> markdown(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  @Test
  void theGoldenRunbooksHaveEachFormUnderItsHeading() throws IOException {
    List<String> problems = new ArrayList<>();
    int groups = 0;
    for (Path f : markdown(Path.of("src", "test", "resources", "golden"))) {
      String md = read(f);
      problems.addAll(problems(f.toString(), md));
      groups += md.split("<!-- runwright:forms -->", -1).length - 1;
    }
    assertEquals(List.of(), problems);
    assertTrue(groups > 20, "the golden runbooks have groups of forms: " + groups);
  }

  @Test
  void theWikiPagesHaveEachFormUnderItsHeading(@TempDir Path out) throws IOException {
    var r = runwright("wiki", "--quiet", "--config", EXAMPLE.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, r.code(), r::describe);
    List<String> problems = new ArrayList<>();
    int groups = 0;
    for (Path f : markdown(out)) {
      String md = read(f);
      problems.addAll(problems(f.getFileName().toString(), md));
      groups += md.split("<!-- runwright:forms -->", -1).length - 1;
    }
    assertEquals(List.of(), problems);
    assertTrue(groups > 10, "the wiki's runbooks have groups of forms: " + groups);
  }

  @Test
  void aGroupWithoutHeadingsIsReported() {
    assertEquals(
        List.of("x: forms []", "x: a group that does not start at a form's heading"),
        problems("x", "<!-- runwright:forms -->\nJust text.\n<!-- runwright:end-forms -->\n"));
  }
}
