package dev.runwright.kind;

import dev.runwright.render.Escaping;

/**
 * The HTML page of a runbook: the Markdown document named by {@code from}, rendered to HTML inside
 * {@code common/page.html.ftlh} (or the document's own template). The renderer builds it; there is
 * nothing to finish.
 */
public final class PageKind implements DocumentKind {
  /** The page template a page-html document uses when it names none. */
  public static final String DEFAULT_TEMPLATE = "common/page.html.ftlh";

  @Override
  public String id() {
    return "page-html";
  }

  @Override
  public String description() {
    return "the HTML page of a runbook-markdown document (from:)";
  }

  @Override
  public String templateSuffix() {
    return ".ftlh";
  }

  @Override
  public Escaping escaping() {
    return null; // FreeMarker's own HTML escaping, by the .ftlh ending
  }

  @Override
  public Presentation presentation() {
    return Presentation.PAGE;
  }

  @Override
  public String language() {
    return "html";
  }

  @Override
  public String finish(String raw, KindContext ctx) {
    return raw;
  }
}
