package dev.runwright.core;

import dev.runwright.io.RelPath;
import dev.runwright.kind.DocumentKind;
import dev.runwright.pack.DocumentSpec;

/**
 * Where a runbook's documents land in an output folder, and how they link to each other. The same
 * runbook is laid out as a folder of files ({@code generate}), as part of a site, or as flat wiki
 * pages.
 */
public interface Layout {

  /** The step number {@link #place} is given for the procedure's overview. */
  int OVERVIEW = 0;

  /**
   * Where a document lands, relative to the output folder.
   *
   * @param rb the runbook
   * @param step the step's number (1 for the first), or {@link #OVERVIEW}
   * @param doc the document
   * @return the path, or {@code null} when this layout does not publish the document
   */
  String place(Runbook rb, int step, DocumentSpec doc);

  /** A link from the published file {@code from} to the published file {@code to}. */
  default String link(String from, String to) {
    return RelPath.relative(from, to);
  }

  /** Whether pages carry their CSS and JavaScript inline (one file each) or link shared assets. */
  boolean standalonePages();

  /** Whether Markdown documents start with YAML front matter. */
  boolean frontMatter();

  /** The site's index page, relative to the output folder, or {@code null} outside a site. */
  default String homePath() {
    return null;
  }

  /** The folder of shared assets, relative to the output folder, when pages link them. */
  default String assetsPath() {
    return "assets/";
  }

  /**
   * {@code base} without its pages: every page is left unrendered, as a layout that publishes none
   * does (the wiki's); the other files are the same, since no document reads a page. For {@code
   * generate --print} of a file that is not a page.
   */
  static Layout withoutPages(Layout base) {
    return new Layout() {
      @Override
      public String place(Runbook rb, int step, DocumentSpec doc) {
        return doc.kind().presentation() == DocumentKind.Presentation.PAGE
            ? null
            : base.place(rb, step, doc);
      }

      @Override
      public String link(String from, String to) {
        return base.link(from, to);
      }

      @Override
      public boolean standalonePages() {
        return base.standalonePages();
      }

      @Override
      public boolean frontMatter() {
        return base.frontMatter();
      }

      @Override
      public String homePath() {
        return base.homePath();
      }

      @Override
      public String assetsPath() {
        return base.assetsPath();
      }
    };
  }
}
