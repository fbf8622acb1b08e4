package dev.runwright.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for {@code *.md.ftl} templates: {@code ${value}} is escaped with {@link
 * Escape#markdown}, so user text cannot become Markdown structure or HTML.
 */
public final class MarkdownOutputFormat
    extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markup> {
  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(Escape.markdown(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return Escape.markdown(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markup(plainTextContent, markupContent);
  }

  /** Markdown that is already safe to print. */
  public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
    Markup(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
