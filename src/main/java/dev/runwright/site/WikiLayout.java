package dev.runwright.site;

import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.kind.DocumentKind;
import dev.runwright.pack.DocumentSpec;
import java.util.List;

/**
 * A runbook as flat GitHub or GitLab wiki pages: {@code <id>.md} for the overview (or the only
 * step), {@code <id>-<stepDir>.md} for each step of a procedure ({@code orders-kms.md}). Only
 * runbooks are published, and the overview's files of each form (the whole procedure as Terraform,
 * CloudFormation, SSM Automation); links are wiki links (the page name without {@code .md}).
 */
public final class WikiLayout implements Layout {
  private final String id;

  public WikiLayout(String id) {
    this.id = id;
  }

  @Override
  public String place(Runbook rb, int step, DocumentSpec doc) {
    if (doc.kind().presentation() != DocumentKind.Presentation.RUNBOOK) {
      // The whole procedure in one form (a Terraform configuration, ...) is a file beside the
      // overview's page, which the sidebar lists: orders-procedure.tf.
      boolean formFile =
          step == OVERVIEW
              && doc.form() != null
              && doc.kind().presentation() == DocumentKind.Presentation.FILE;
      return formFile ? id + "-" + doc.path().substring(doc.path().lastIndexOf('/') + 1) : null;
    }
    if (step == OVERVIEW) {
      return (isFirst(rb.overview(), doc) ? id : id + "-" + doc.id()) + ".md";
    }
    Runbook.Step s = rb.steps().get(step - 1);
    String base = rb.hasOverview() ? id + "-" + s.pack().stepDir() : id;
    return (isFirst(s.documents(), doc) ? base : base + "-" + doc.id()) + ".md";
  }

  private static boolean isFirst(List<DocumentSpec> docs, DocumentSpec doc) {
    return docs.stream()
        .filter(d -> d.kind().presentation() == DocumentKind.Presentation.RUNBOOK)
        .findFirst()
        .map(d -> d == doc)
        .orElse(false);
  }

  /** Wiki links name the page: the file name without {@code .md}. */
  @Override
  public String link(String from, String to) {
    return pageName(to);
  }

  /** The wiki page name of a published file. */
  public static String pageName(String file) {
    return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
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
