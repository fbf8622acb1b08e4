package dev.runwright.site;

import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.kind.DocumentKind;
import dev.runwright.pack.DocumentSpec;
import java.util.List;

/**
 * A runbook in a MkDocs bundle, under {@code docs/<id>/}: the overview is {@code index.md}, each
 * step has a folder ({@code kms/}) whose first runbook is its {@code index.md}, and the policies
 * sit beside them. Pages are {@code index.md} files so that MkDocs gives them the site's folder
 * URLs ({@code prod-use1/kms/}). No HTML pages are written: MkDocs makes them.
 */
final class MkDocsLayout implements Layout {
  /** The folder MkDocs reads, as {@code mkdocs.yml} names it. */
  static final String DOCS = "docs/";

  private final String id;

  MkDocsLayout(String id) {
    this.id = id;
  }

  @Override
  public String place(Runbook rb, int step, DocumentSpec doc) {
    if (doc.kind().presentation() == DocumentKind.Presentation.PAGE) {
      return null;
    }
    String dir = DOCS + id + "/";
    List<DocumentSpec> docs = rb.overview();
    if (step != OVERVIEW) {
      Runbook.Step s = rb.steps().get(step - 1);
      dir += rb.hasOverview() ? s.pack().stepDir() + "/" : "";
      docs = s.documents();
    }
    return dir + (isFirstRunbook(docs, doc) ? "index.md" : doc.path());
  }

  private static boolean isFirstRunbook(List<DocumentSpec> docs, DocumentSpec doc) {
    return docs.stream()
        .filter(d -> d.kind().presentation() == DocumentKind.Presentation.RUNBOOK)
        .findFirst()
        .map(d -> d == doc)
        .orElse(false);
  }

  @Override
  public boolean standalonePages() {
    return false;
  }

  @Override
  public boolean frontMatter() {
    return false;
  }
}
