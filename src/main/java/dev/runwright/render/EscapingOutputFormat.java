package dev.runwright.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FreeMarker output format of one {@link Escaping}: {@code ${value}} prints {@code
 * escaping.escape(value)}, a complete literal, so user text is never pasted into JSON, HCL or YAML
 * by hand. One instance per escaping, shared by every engine.
 */
final class EscapingOutputFormat extends CommonMarkupOutputFormat<EscapingOutputFormat.Markup> {
  private static final Map<String, EscapingOutputFormat> BY_NAME = new ConcurrentHashMap<>();

  private final Escaping escaping;

  private EscapingOutputFormat(Escaping escaping) {
    this.escaping = escaping;
  }

  /** The output format of {@code escaping}, the same instance every time. */
  static EscapingOutputFormat of(Escaping escaping) {
    EscapingOutputFormat f =
        BY_NAME.computeIfAbsent(escaping.name(), n -> new EscapingOutputFormat(escaping));
    if (f.escaping != escaping && !f.escaping.equals(escaping)) {
      throw new IllegalArgumentException("two escapings are called " + escaping.name());
    }
    return f;
  }

  Escaping escaping() {
    return escaping;
  }

  @Override
  public String getName() {
    return escaping.name();
  }

  @Override
  public String getMimeType() {
    return escaping.mimeType();
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escaping.escape().apply(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return escaping.escape().apply(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markup(this, plainTextContent, markupContent);
  }

  /** Text that is already valid to print in this format. */
  static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
    private final EscapingOutputFormat format;

    Markup(EscapingOutputFormat format, String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
      this.format = format;
    }

    @Override
    public EscapingOutputFormat getOutputFormat() {
      return format;
    }
  }
}
