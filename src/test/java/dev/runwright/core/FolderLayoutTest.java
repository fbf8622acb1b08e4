package dev.runwright.core;

import static dev.runwright.core.Runbooks.doc;
import static dev.runwright.core.Runbooks.pack;
import static dev.runwright.core.Runbooks.procedure;
import static dev.runwright.core.Runbooks.single;
import static dev.runwright.core.Runbooks.stepDocs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.kind.PageKind;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a runbook's documents land as a folder: a single step's at the top, a procedure's steps in
 * their own folders under the overview; in a site, under the runbook's id, each folder's first page
 * as its index.html.
 */
class FolderLayoutTest {
  private static final PackManifest KMS = pack("kms-policy", "kms", stepDocs());
  private static final PackManifest ROLE = pack("rds-role", "role", stepDocs());

  private static List<String> paths(Layout layout, Runbook rb) {
    List<String> out = new ArrayList<>();
    for (DocumentSpec d : rb.overview()) {
      out.add(layout.place(rb, Layout.OVERVIEW, d));
    }
    for (Runbook.Step s : rb.steps()) {
      for (DocumentSpec d : s.documents()) {
        out.add(layout.place(rb, s.number(), d));
      }
    }
    return out;
  }

  @Test
  void aSingleStepsFilesAreAtTheTop() {
    assertEquals(
        List.of("policy.json", "runbook.md", "runbook.html"),
        paths(FolderLayout.generate(), single(KMS)));
  }

  @Test
  void aProceduresStepsHaveTheirFoldersUnderTheOverview() {
    assertEquals(
        List.of(
            "procedure.md",
            "procedure.html",
            "kms/policy.json",
            "kms/runbook.md",
            "kms/runbook.html",
            "role/policy.json",
            "role/runbook.md",
            "role/runbook.html"),
        paths(FolderLayout.generate(), procedure(KMS, ROLE)));
  }

  @Test
  void inASiteEachFoldersFirstPageIsItsIndex() {
    assertEquals(
        List.of(
            "prod/procedure.md",
            "prod/index.html",
            "prod/kms/policy.json",
            "prod/kms/runbook.md",
            "prod/kms/index.html",
            "prod/role/policy.json",
            "prod/role/runbook.md",
            "prod/role/index.html"),
        paths(FolderLayout.site("prod"), procedure(KMS, ROLE)));
    assertEquals(
        List.of("prod/policy.json", "prod/runbook.md", "prod/index.html"),
        paths(FolderLayout.site("prod"), single(KMS)));
  }

  @Test
  void onlyTheFirstPageOfAFolderIsItsIndex() {
    List<DocumentSpec> docs = new ArrayList<>(stepDocs());
    docs.add(doc("runbook2", "checks.md", new dev.runwright.kind.MarkdownKind(), null));
    docs.add(doc("page2", "checks.html", new PageKind(), "runbook2"));
    PackManifest two = pack("two", "two", docs);
    assertEquals(
        List.of("a/policy.json", "a/runbook.md", "a/index.html", "a/checks.md", "a/checks.html"),
        paths(FolderLayout.site("a"), single(two)));
  }

  @Test
  void generateWritesStandalonePagesWithoutFrontMatter() {
    Layout g = FolderLayout.generate();
    assertTrue(g.standalonePages());
    assertFalse(g.frontMatter());
    assertNull(g.homePath());
    Layout s = FolderLayout.site("prod");
    assertFalse(s.standalonePages());
    assertTrue(s.frontMatter());
    assertEquals("index.html", s.homePath());
    assertEquals("assets/", s.assetsPath());
  }

  @Test
  void linksAreRelativeBetweenPlacedFiles() {
    Layout s = FolderLayout.site("prod");
    assertEquals("../role/index.html", s.link("prod/kms/index.html", "prod/role/index.html"));
    assertEquals("../../index.html", s.link("prod/kms/index.html", "index.html"));
  }
}
