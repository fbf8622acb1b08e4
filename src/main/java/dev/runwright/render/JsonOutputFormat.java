package dev.runwright.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for {@code *.json.ftl} templates: {@code ${value}} prints a complete
 * JSON string literal, quotes included, so user text is never pasted into JSON by hand. Lists and
 * numbers go through {@code json(value)}. The result is parsed again before it is written.
 */
public final class JsonOutputFormat extends CommonMarkupOutputFormat<JsonOutputFormat.Markup> {
  public static final JsonOutputFormat INSTANCE = new JsonOutputFormat();

  private JsonOutputFormat() {}

  @Override
  public String getName() {
    return "JSON";
  }

  @Override
  public String getMimeType() {
    return "application/json";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(Escape.jsonString(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return Escape.jsonString(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markup(plainTextContent, markupContent);
  }

  /** JSON text that is already valid to print. */
  public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
    Markup(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public JsonOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
