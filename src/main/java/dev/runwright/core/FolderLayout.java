package dev.runwright.core;

import dev.runwright.kind.DocumentKind;
import dev.runwright.pack.DocumentSpec;

/**
 * A runbook as a folder. A single step's files are at the top; a procedure's steps each have their
 * own folder ({@code kms/}, {@code role/}) and the overview is at the top ({@code procedure.md},
 * {@code procedure.html}). Used by {@code generate} with standalone pages, and by a site under
 * {@code <id>/}, where each folder's page is its {@code index.html}.
 */
public final class FolderLayout implements Layout {
  private final String prefix;
  private final boolean site;

  private FolderLayout(String prefix, boolean site) {
    this.prefix = prefix;
    this.site = site;
  }

  /** The layout of {@code generate}: standalone pages, no front matter. */
  public static FolderLayout generate() {
    return new FolderLayout("", false);
  }

  /** The layout of one runbook in a site, under {@code id/}. */
  public static FolderLayout site(String id) {
    return new FolderLayout(id + "/", true);
  }

  @Override
  public String place(Runbook rb, int step, DocumentSpec doc) {
    if (step == OVERVIEW) {
      return prefix + (site && isFirstPage(rb.overview(), doc) ? "index.html" : doc.path());
    }
    Runbook.Step s = rb.steps().get(step - 1);
    String dir = rb.hasOverview() ? s.pack().stepDir() + "/" : "";
    if (site && isFirstPage(s.documents(), doc)) {
      return prefix + dir + "index.html";
    }
    return prefix + dir + doc.path();
  }

  private static boolean isFirstPage(java.util.List<DocumentSpec> docs, DocumentSpec doc) {
    return docs.stream()
        .filter(d -> d.kind().presentation() == DocumentKind.Presentation.PAGE)
        .findFirst()
        .map(d -> d == doc)
        .orElse(false);
  }

  @Override
  public boolean standalonePages() {
    return !site;
  }

  @Override
  public boolean frontMatter() {
    return site;
  }

  @Override
  public String homePath() {
    return site ? "index.html" : null;
  }
}
