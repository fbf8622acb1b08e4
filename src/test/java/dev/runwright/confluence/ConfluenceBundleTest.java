package dev.runwright.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfluenceBundleTest {
  @TempDir Path dir;

  private static final BundlePage HOME =
      new BundlePage("home", "Payments runbooks", null, List.of("runwright"), "<p>h</p>");
  private static final BundlePage STEP =
      new BundlePage(
          "prod-use1",
          "prod-use1: policy",
          "home",
          List.of("runbook", "runwright", "runbook"),
          "<p>]]&gt; é</p>");

  @Test
  void writesOnePageFilePerPageAndAManifestSortedByKey() throws Exception {
    ConfluenceBundle.WriteResult r = ConfluenceBundle.write(dir, List.of(STEP, HOME));
    assertEquals(List.of("home.xml", "prod-use1.xml", "pages.json"), r.written());
    assertEquals("<p>]]&gt; é</p>", Files.readString(dir.resolve("prod-use1.xml")));
    assertEquals(
        """
        [
          {
            "key": "home",
            "title": "Payments runbooks",
            "parentKey": null,
            "labels": [
              "runwright"
            ],
            "hash": "%s",
            "file": "home.xml"
          },
          {
            "key": "prod-use1",
            "title": "prod-use1: policy",
            "parentKey": "home",
            "labels": [
              "runbook",
              "runwright"
            ],
            "hash": "%s",
            "file": "prod-use1.xml"
          }
        ]
        """
            .formatted(HOME.hash(), STEP.hash()),
        Files.readString(dir.resolve("pages.json")));
    assertEquals(List.of(HOME, STEP), ConfluenceBundle.read(dir));
    ConfluenceBundle.WriteResult again = ConfluenceBundle.write(dir, List.of(HOME, STEP));
    assertEquals(List.of(), again.written());
    assertEquals(3, again.unchanged().size());
  }

  @Test
  void theHashIsTheSha256OfTheBodysUtf8Bytes() {
    assertEquals(
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        new BundlePage("k", "t", null, List.of(), "").hash());
  }

  @Test
  void aPageLeftOutIsRemovedWhileOtherFilesStay() throws Exception {
    ConfluenceBundle.write(dir, List.of(HOME, STEP));
    Files.writeString(dir.resolve("README.md"), "mine");
    ConfluenceBundle.WriteResult r = ConfluenceBundle.write(dir, List.of(HOME));
    assertEquals(List.of("prod-use1.xml"), r.removed());
    assertFalse(Files.exists(dir.resolve("prod-use1.xml")));
    assertTrue(Files.exists(dir.resolve("README.md")));
  }

  @Test
  void aPageFileEditedByHandIsNotReadBack() throws Exception {
    ConfluenceBundle.write(dir, List.of(HOME, STEP));
    Files.writeString(dir.resolve("home.xml"), "<p>edited</p>");
    ConfluenceException e =
        assertThrows(ConfluenceException.class, () -> ConfluenceBundle.read(dir));
    assertTrue(e.getMessage().contains("home.xml has sha256:"), e.getMessage());
    assertTrue(e.getMessage().endsWith("build the bundle again"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<String> problems =
        ConfluenceBundle.problems(
            List.of(
                new BundlePage("../etc", "A", null, List.of(), ""),
                new BundlePage("con", "B", null, List.of("Bad Label"), ""),
                new BundlePage("a", "a", "missing", List.of(), ""),
                new BundlePage("b", " ", "c", List.of(), ""),
                new BundlePage("c", "C", "b", List.of(), ""),
                new BundlePage("d", "D", "d", List.of(), "")));
    assertEquals(
        List.of(
            "pages[0] (key \"../etc\"): key: expected 1 to 100 lower-case letters, digits, '.', '_'"
                + " or '-', starting and ending with a letter or digit, usable as a file name",
            "pages[1] (key \"con\"): key: expected 1 to 100 lower-case letters, digits, '.', '_' or"
                + " '-', starting and ending with a letter or digit, usable as a file name",
            "pages[1] (key \"con\"): labels: \"Bad Label\" is not a label Confluence keeps as it is;"
                + " expected lower-case letters, digits, '_' and '-', at most 100",
            "pages[2] (key \"a\"): title: \"a\" is also the title of page \"../etc\"; titles must be"
                + " unique in a Confluence space",
            "pages[3] (key \"b\"): title: \" \" must be 1 to 255 characters without leading or"
                + " trailing spaces or control characters",
            "pages: expected exactly one home page (no parent key), found 2: ../etc, con",
            "pages[2] (key \"a\"): parentKey: \"missing\" is not a page of the bundle",
            "pages[3] (key \"b\"): parentKey: the page is its own ancestor; parents must lead to the"
                + " home",
            "pages[4] (key \"c\"): parentKey: the page is its own ancestor; parents must lead to the"
                + " home",
            "pages[5] (key \"d\"): parentKey: the page is its own ancestor; parents must lead to the"
                + " home"),
        problems);
    assertThrows(ConfluenceException.class, () -> ConfluenceBundle.files(List.of(HOME, HOME)));
  }
}
