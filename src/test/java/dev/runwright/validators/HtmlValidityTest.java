package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Nu HTML Checker (the W3C's validator) on every HTML page Runwright writes for the examples
 * (the site's index and 404 page, each step's page and overview, the redacted site, and generate's
 * standalone pages, whose inline {@code <style>} is the site's stylesheet, checked as CSS): no
 * errors. Its warnings are not asserted: today it gives one, a false one, on each standalone page,
 * because it hashes an inline style or script with the surrounding whitespace trimmed where CSP
 * hashes the exact text (checked by hand: the page's hash is the exact text's). The checker's JVM
 * takes seconds to start, so one run covers the pages and the wrapper's own hand-written pages.
 */
class HtmlValidityTest {
  private static final String CHECK = "vnu";
  private static final Path GOOD =
      Path.of("src", "test", "resources", "validators", "html", "good.html");
  private static final Path BAD =
      Path.of("src", "test", "resources", "validators", "html", "bad.html");

  @Test
  void everyPageKindIsChecked() {
    List<String> labels = pages().stream().map(GeneratedOutput::label).toList();
    for (String kind :
        List.of(
            "site/index.html",
            "site/404.html",
            "site/prod-use1/index.html",
            "site/prod-use1/kms/index.html",
            "site/prod-use1/role/index.html",
            "site/prod-use1/associate/index.html",
            "redacted-site/prod-use1/index.html",
            "generate/kms/runbook.html",
            "generate/role/runbook.html",
            "generate/associate/runbook.html",
            "generate/procedure.html")) {
      assertTrue(labels.contains(kind), () -> kind + " is not among " + labels);
    }
  }

  @Test
  void theCheckerReportsEachHtmlAndStyleErrorWithItsFileAndLine() {
    assertEquals(List.of(), findings().getOrDefault(GOOD.toString(), List.of()));
    List<Finding> bad = findings().getOrDefault(BAD.toString(), List.of());
    for (String expected :
        List.of(
            "6:18: error: CSS: “colr”: Property “colr” doesn't exist.",
            "9:31: error: No “p” element in scope but a “p” end tag seen.",
            "11:1: error: Duplicate attribute “href”.")) {
      assertTrue(
          bad.stream().anyMatch(f -> f.toString().endsWith("bad.html:" + expected)),
          () -> expected + " in " + bad);
    }
  }

  @TestFactory
  Stream<DynamicTest> noPageHasAnHtmlError() {
    return Tool.whenPresent(HtmlValidityTest::noPageHasAnHtmlErrorTests, Validators.VNU);
  }

  private static Stream<DynamicTest> noPageHasAnHtmlErrorTests() {
    Map<String, List<Finding>> byFile = findings();
    return pages().stream()
        .map(
            page ->
                DynamicTest.dynamicTest(
                    GeneratedOutput.label(page),
                    () -> {
                      List<String> problems = new ArrayList<>();
                      for (Finding f : byFile.getOrDefault(page.toString(), List.of())) {
                        problems.add(f.line() + ":" + f.column() + ": " + f.message());
                      }
                      KnownDefects.check(CHECK, GeneratedOutput.label(page), problems);
                    }));
  }

  @AfterAll
  static void everyKnownDefectWasSeen() {
    KnownDefects.assertEachSeen(CHECK);
  }

  private static List<Path> pages() {
    return GeneratedOutput.files(null, ".html");
  }

  /** The checker's findings by file, from one run (skips or fails when it is missing). */
  private static Map<String, List<Finding>> findings() {
    Validators.VNU.require();
    return Holder.BY_FILE;
  }

  private static final class Holder {
    static final Map<String, List<Finding>> BY_FILE = run();

    private static Map<String, List<Finding>> run() {
      List<Path> all = new ArrayList<>(pages());
      all.add(GOOD);
      all.add(BAD);
      return Validators.vnu(all).stream().collect(Collectors.groupingBy(Finding::file));
    }
  }
}
