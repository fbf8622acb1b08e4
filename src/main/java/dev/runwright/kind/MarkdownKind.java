package dev.runwright.kind;

import dev.runwright.render.Escaping;

/**
 * A runbook in Markdown: values are Markdown-escaped (written as they are inside code blocks, and
 * refused bare inside shell blocks), and targets give it a page, front matter and a title.
 */
public final class MarkdownKind implements DocumentKind {
  @Override
  public String id() {
    return "runbook-markdown";
  }

  @Override
  public String description() {
    return "a runbook in Markdown; values are escaped for Markdown and shell blocks";
  }

  @Override
  public String templateSuffix() {
    return ".md.ftl";
  }

  @Override
  public Escaping escaping() {
    return Escaping.MARKDOWN;
  }

  @Override
  public Presentation presentation() {
    return Presentation.RUNBOOK;
  }

  @Override
  public String language() {
    return "markdown";
  }

  @Override
  public String finish(String raw, KindContext ctx) {
    return raw;
  }
}
