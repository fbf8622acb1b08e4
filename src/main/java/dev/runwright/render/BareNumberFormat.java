package dev.runwright.render;

import freemarker.core.Environment;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.TemplateValueFormatException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * How {@code ${number}} prints in a template whose language has number literals (JSON, HCL, YAML):
 * as a number, not as a quoted string, so that a template's {@code ${p.count}} gives {@code 17}.
 * Inside a string literal ({@code "${n}"}) it is plain text, as everywhere.
 */
final class BareNumberFormat extends TemplateNumberFormat {
  static final String NAME = "bare";

  static final TemplateNumberFormatFactory FACTORY =
      new TemplateNumberFormatFactory() {
        @Override
        public TemplateNumberFormat get(String params, Locale locale, Environment env) {
          return INSTANCE;
        }
      };

  private static final BareNumberFormat INSTANCE = new BareNumberFormat();

  private BareNumberFormat() {}

  @Override
  public String formatToPlainText(TemplateNumberModel model)
      throws TemplateModelException, TemplateValueFormatException {
    Number n = model.getAsNumber();
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())
        || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
      throw new TemplateModelException(n + " is not a number JSON, HCL or YAML can hold");
    }
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.toString();
    }
    BigDecimal b = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
    return b.stripTrailingZeros().toPlainString();
  }

  @Override
  public Object format(TemplateNumberModel model)
      throws TemplateModelException, TemplateValueFormatException {
    Environment env = Environment.getCurrentEnvironment();
    if (env != null
        && env.getCurrentTemplate().getOutputFormat() instanceof EscapingOutputFormat f) {
      return f.fromMarkup(formatToPlainText(model));
    }
    return formatToPlainText(model);
  }

  @Override
  public boolean isLocaleBound() {
    return false;
  }

  @Override
  public String getDescription() {
    return "number literal";
  }
}
