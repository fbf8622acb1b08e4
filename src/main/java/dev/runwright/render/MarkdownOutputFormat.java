package dev.runwright.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;

/**
 * FreeMarker output format for {@code *.md.ftl} templates: {@code ${value}} is escaped with {@link
 * Escape#markdown}, so user text cannot become Markdown structure or HTML; inside a fenced code
 * block, which shows text as it is, see {@link #output}.
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

  /** Fence languages whose blocks are shell commands, where a value must be one quoted word. */
  private static final Set<String> SHELLS =
      Set.of("sh", "bash", "shell", "zsh", "ksh", "console", "shell-session");

  /** Fence languages whose blocks are SQL, where a value must be a quoted literal or identifier. */
  private static final Set<String> SQLS = Set.of("sql", "mysql", "postgresql", "psql", "pgsql");

  /**
   * Writes {@code ${value}}: escaped as Markdown text, or, inside a fenced code block (where
   * escapes are not read), as it is. In a shell block a value must go through {@code sh()}, which
   * quotes it as one word; writing it bare is refused, whatever the value, so that the template
   * fails on its first run rather than on the first name with a space.
   */
  @Override
  public void output(String textToEsc, Writer out) throws IOException, TemplateModelException {
    if (out instanceof MarkdownWriter w && w.inFence()) {
      if (SHELLS.contains(w.fenceLanguage())) {
        throw new TemplateModelException(
            "this value is inside a "
                + w.fenceMarker()
                + w.fenceLanguage()
                + " block, where it needs quoting as a shell word; write it as ${sh(value)}, or"
                + " ${opt(\"--flag\", value)} for a flag and its value");
      }
      if (SQLS.contains(w.fenceLanguage())) {
        throw new TemplateModelException(
            "this value is inside a "
                + w.fenceMarker()
                + w.fenceLanguage()
                + " block, where it needs SQL quoting; write it as ${mysql.str(value)} or"
                + " ${pg.str(value)} for a string, ${mysql.id(value)} or ${pg.id(value)} for a name");
      }
      if (textToEsc.indexOf('\n') >= 0
          || textToEsc.indexOf('\r') >= 0
          || textToEsc.contains(w.fenceMarker())) {
        throw new TemplateModelException(
            "this value has a line break or "
                + w.fenceMarker()
                + ", which could end the "
                + w.fenceMarker()
                + w.fenceLanguage()
                + " block it is inside; put one line of text in a code block, or use md.block(text)");
      }
      out.write(textToEsc);
      return;
    }
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
