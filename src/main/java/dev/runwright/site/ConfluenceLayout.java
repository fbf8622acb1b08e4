package dev.runwright.site;

import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.kind.DocumentKind;
import dev.runwright.pack.DocumentSpec;
import java.util.List;

/**
 * A runbook as Confluence pages, one {@code <key>.xml} storage file per runbook document: the
 * overview (or the only step) has the runbook's id as its key, each step of a procedure {@code
 * <id>-<stepDir>} ({@code prod-use1-kms}), a step's further runbooks {@code <key>-<docId>}. Keys
 * stay the same when a title changes, so the publisher finds the page again. Policies are not
 * pages: the runbooks show them. Links name the key, which the renderer turns into a page link.
 */
final class ConfluenceLayout implements Layout {
  static final String SUFFIX = ".xml";

  private final String id;

  ConfluenceLayout(String id) {
    this.id = id;
  }

  @Override
  public String place(Runbook rb, int step, DocumentSpec doc) {
    String key = key(rb, step, doc);
    return key == null ? null : key + SUFFIX;
  }

  /** The page key of a document, or null when it is not a page. */
  String key(Runbook rb, int step, DocumentSpec doc) {
    if (doc.kind().presentation() != DocumentKind.Presentation.RUNBOOK) {
      return null;
    }
    if (step == OVERVIEW) {
      return isFirst(rb.overview(), doc) ? id : id + "-" + doc.id();
    }
    Runbook.Step s = rb.steps().get(step - 1);
    String base = rb.hasOverview() ? id + "-" + s.pack().stepDir() : id;
    return isFirst(s.documents(), doc) ? base : base + "-" + doc.id();
  }

  static boolean isFirst(List<DocumentSpec> docs, DocumentSpec doc) {
    return docs.stream()
        .filter(d -> d.kind().presentation() == DocumentKind.Presentation.RUNBOOK)
        .findFirst()
        .map(d -> d == doc)
        .orElse(false);
  }

  /** A link names the page's key; the storage renderer makes it a page link by title. */
  @Override
  public String link(String from, String to) {
    return keyOf(to);
  }

  /** The key of a page file: its name without {@code .xml}. */
  static String keyOf(String file) {
    return file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : file;
  }

  @Override
  public boolean standalonePages() {
    return true;
  }

  @Override
  public boolean frontMatter() {
    return false;
  }
}
