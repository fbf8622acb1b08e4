package dev.runwright.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links between {@code /}-separated paths of one output folder, and links that would leave it. */
class RelPathTest {

  @Test
  void theFolderOfAPath() {
    assertEquals("", RelPath.dir("index.html"));
    assertEquals("kms/", RelPath.dir("kms/runbook.md"));
    assertEquals("a/b/", RelPath.dir("a/b/c.md"));
  }

  @ParameterizedTest(name = "{1} from {0} is {2}")
  @CsvSource({
    "kms/runbook.md, policy.json, kms/policy.json",
    "kms/runbook.md, ../role/runbook.md, role/runbook.md",
    "kms/runbook.md, ./policy.json, kms/policy.json",
    "a/b/c.md, ../../index.html, index.html",
    "index.md, kms/runbook.md, kms/runbook.md",
    "a/b/c.md, x/../y.md, a/b/y.md"
  })
  void aLinkIsResolvedFromItsDocumentsFolder(String from, String href, String expected) {
    assertEquals(expected, RelPath.resolve(from, href));
  }

  @ParameterizedTest(name = "{1} from {0} escapes")
  @CsvSource({
    "index.md, ../secret",
    "kms/runbook.md, ../../etc/passwd",
    "a/b/c.md, ../../../x",
    "kms/runbook.md, x/../../../y"
  })
  void aLinkThatClimbsAboveTheRootIsRefused(String from, String href) {
    assertNull(RelPath.resolve(from, href));
  }

  @ParameterizedTest(name = "from {0} to {1} is {2}")
  @CsvSource({
    "index.html, kms/runbook.html, kms/runbook.html",
    "kms/runbook.html, kms/policy.json, policy.json",
    "kms/runbook.html, role/runbook.html, ../role/runbook.html",
    "a/b/c.html, index.html, ../../index.html",
    "a/b/c.html, a/d.html, ../d.html",
    "a/x.html, a/x.html, x.html"
  })
  void aRelativeLinkBetweenTwoFiles(String from, String to, String expected) {
    assertEquals(expected, RelPath.relative(from, to));
  }

  @Test
  void aRelativeLinkResolvesBackToItsTarget() {
    String[] paths = {"index.html", "kms/runbook.html", "a/b/c.html", "a/d.html", "role/x/y.md"};
    for (String from : paths) {
      for (String to : paths) {
        assertEquals(to, RelPath.resolve(from, RelPath.relative(from, to)), from + " -> " + to);
      }
    }
  }

  @Test
  void aLinkToAFolderEndsInASlash() {
    assertEquals("../assets/", RelPath.relativeDir("kms/runbook.html", "assets/"));
    assertEquals("assets/", RelPath.relativeDir("index.html", "assets/"));
    assertEquals("", RelPath.relativeDir("kms/runbook.html", "kms/"));
  }
}
