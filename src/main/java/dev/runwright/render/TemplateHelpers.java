package dev.runwright.render;

import freemarker.core.Environment;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.SimpleHash;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.util.List;

/**
 * The helper functions every template can call: {@code md.*}, {@code sh}, {@code opt}, {@code url},
 * {@code json}. Each writes its argument escaped for one place, so templates never escape by hand.
 */
final class TemplateHelpers {
  private TemplateHelpers() {}

  static String text(List<?> args, int i, String fn) throws TemplateModelException {
    if (args.size() <= i) {
      throw new TemplateModelException(fn + " needs " + (i + 1) + " argument(s)");
    }
    Object a = args.get(i);
    if (a instanceof TemplateMarkupOutputModel<?> mo) {
      return markupOf(mo);
    }
    if (a instanceof TemplateScalarModel s) {
      return s.getAsString();
    }
    if (a instanceof TemplateNumberModel n) {
      return n.getAsNumber().toString();
    }
    if (a == null) {
      throw new TemplateModelException(fn + ": argument " + (i + 1) + " is null or missing");
    }
    throw new TemplateModelException(fn + ": argument " + (i + 1) + " is not text");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String markupOf(TemplateMarkupOutputModel mo) throws TemplateModelException {
    return mo.getOutputFormat().getMarkupString(mo);
  }

  static TemplateModel markdown(String markup) throws TemplateModelException {
    return MarkdownOutputFormat.INSTANCE.fromMarkup(markup);
  }

  /** {@code sh(x)}: x quoted for a POSIX shell, for use inside fenced code blocks. */
  static final TemplateMethodModelEx SH =
      args -> {
        String quoted = Escape.shell(text(args, 0, "sh"));
        return currentFormat() instanceof MarkdownOutputFormat ? markdown(quoted) : quoted;
      };

  /**
   * {@code opt("--name", x)}: a command-line option with its value, quoted for a POSIX shell;
   * written {@code --name=value} when the value starts with "-", which the AWS CLI would otherwise
   * read as another option.
   */
  static final TemplateMethodModelEx OPT =
      args -> {
        String flag = text(args, 0, "opt");
        if (!flag.matches("--?[A-Za-z0-9][A-Za-z0-9-]*")) {
          throw new TemplateModelException("opt: " + flag + " is not an option name");
        }
        String value = text(args, 1, "opt");
        String quoted = Escape.shell(value);
        String both = value.startsWith("-") ? flag + "=" + quoted : flag + " " + quoted;
        return currentFormat() instanceof MarkdownOutputFormat ? markdown(both) : both;
      };

  /** {@code url(x)}: x percent-encoded as one URL component. */
  static final TemplateMethodModelEx URL = args -> Escape.urlComponent(text(args, 0, "url"));

  /** {@code json(x)}: x as a JSON value (text, number, boolean, list or map). */
  static final TemplateMethodModelEx JSON =
      args -> {
        if (args.isEmpty()) {
          throw new TemplateModelException("json needs 1 argument");
        }
        StringBuilder sb = new StringBuilder();
        writeJson((TemplateModel) args.get(0), sb);
        return EscapingOutputFormat.of(Escaping.JSON).fromMarkup(sb.toString());
      };

  private static void writeJson(TemplateModel m, StringBuilder sb) throws TemplateModelException {
    if (m == null) {
      sb.append("null");
    } else if (m instanceof TemplateSequenceModel seq) {
      sb.append('[');
      for (int i = 0; i < seq.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        writeJson(seq.get(i), sb);
      }
      sb.append(']');
    } else if (m instanceof TemplateScalarModel s) {
      sb.append(Escape.jsonString(s.getAsString()));
    } else if (m instanceof freemarker.template.TemplateCollectionModel c) {
      sb.append('[');
      var it = c.iterator();
      boolean first = true;
      while (it.hasNext()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        writeJson(it.next(), sb);
      }
      sb.append(']');
    } else if (m instanceof TemplateNumberModel n) {
      sb.append(n.getAsNumber());
    } else if (m instanceof TemplateBooleanModel b) {
      sb.append(b.getAsBoolean());
    } else if (m instanceof freemarker.template.TemplateHashModelEx2 h) {
      sb.append('{');
      var it = h.keyValuePairIterator();
      boolean first = true;
      while (it.hasNext()) {
        var kv = it.next();
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(Escape.jsonString(((TemplateScalarModel) kv.getKey()).getAsString())).append(':');
        writeJson(kv.getValue(), sb);
      }
      sb.append('}');
    } else {
      throw new TemplateModelException("json: cannot write this value as JSON");
    }
  }

  private static OutputFormat currentFormat() {
    Environment env = Environment.getCurrentEnvironment();
    return env == null ? null : env.getCurrentTemplate().getOutputFormat();
  }

  /** {@code md.*}: Markdown building blocks that are safe for any text. */
  static final TemplateHashModel MD = md();

  private static TemplateHashModel md() {
    SimpleHash h = new SimpleHash(ModelWrapper.INSTANCE);
    // md.code(x): x as an inline code span.
    h.put(
        "code",
        (TemplateMethodModelEx) args -> markdown(Escape.markdownCode(text(args, 0, "md.code"))));
    // md.link(text, url): a link whose text is escaped and whose URL is kept whole.
    h.put(
        "link",
        (TemplateMethodModelEx)
            args ->
                markdown(
                    "["
                        + Escape.markdown(text(args, 0, "md.link"))
                        + "]("
                        + Escape.markdownUrl(text(args, 1, "md.link"))
                        + ")"));
    // md.block(text, lang): a fenced code block longer than any backtick run inside.
    h.put(
        "block",
        (TemplateMethodModelEx)
            args -> {
              String body = text(args, 0, "md.block");
              String lang = args.size() > 1 ? text(args, 1, "md.block") : "";
              if (!lang.matches("[A-Za-z0-9_+-]*")) {
                throw new TemplateModelException("md.block: bad language " + lang);
              }
              int longest = 2;
              int run = 0;
              for (int i = 0; i < body.length(); i++) {
                run = body.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
              }
              String fence = "`".repeat(longest + 1);
              String content = body.endsWith("\n") ? body : body + "\n";
              return markdown(fence + lang + "\n" + content + fence);
            });
    // md.text(x): x escaped, the same as ${x} in a Markdown template.
    h.put(
        "text",
        (TemplateMethodModelEx) args -> markdown(Escape.markdown(text(args, 0, "md.text"))));
    return h;
  }

  /** A value written for SQL: in a Markdown template, markup that a code block takes as it is. */
  private static TemplateModel sqlMarkup(String text) throws TemplateModelException {
    return currentFormat() instanceof MarkdownOutputFormat
        ? markdown(text)
        : new freemarker.template.SimpleScalar(text);
  }

  /**
   * {@code mysql.*}: values quoted for MySQL: {@code mysql.str(x)} a string literal, {@code
   * mysql.id(x)} an identifier in backticks, {@code mysql.user(name, host)} an account as {@code
   * 'name'@'host'}.
   */
  static final TemplateHashModel MYSQL = mysql();

  private static TemplateHashModel mysql() {
    SimpleHash h = new SimpleHash(ModelWrapper.INSTANCE);
    h.put(
        "str", (TemplateMethodModelEx) a -> sqlMarkup(Escape.mysqlString(text(a, 0, "mysql.str"))));
    h.put(
        "id",
        (TemplateMethodModelEx) a -> sqlMarkup(Escape.mysqlIdentifier(text(a, 0, "mysql.id"))));
    h.put(
        "user",
        (TemplateMethodModelEx)
            a ->
                sqlMarkup(
                    Escape.mysqlString(text(a, 0, "mysql.user"))
                        + "@"
                        + Escape.mysqlString(
                            a.size() > 1 && a.get(1) != null ? text(a, 1, "mysql.user") : "%")));
    return h;
  }

  /**
   * {@code pg.*}: values quoted for PostgreSQL: {@code pg.str(x)} a string literal, {@code
   * pg.id(x)} an identifier in double quotes.
   */
  static final TemplateHashModel PG = pg();

  private static TemplateHashModel pg() {
    SimpleHash h = new SimpleHash(ModelWrapper.INSTANCE);
    h.put(
        "str",
        (TemplateMethodModelEx)
            a -> {
              try {
                return sqlMarkup(Escape.postgresString(text(a, 0, "pg.str")));
              } catch (IllegalArgumentException e) {
                throw new TemplateModelException("pg.str: " + e.getMessage());
              }
            });
    h.put(
        "id",
        (TemplateMethodModelEx) a -> sqlMarkup(Escape.postgresIdentifier(text(a, 0, "pg.id"))));
    return h;
  }

  /**
   * Markup in the format of the template being rendered (HCL in a .tf.ftl, YAML in a .yaml.ftl).
   */
  private static TemplateModel inFormat(String text) throws TemplateModelException {
    OutputFormat f = currentFormat();
    if (f instanceof EscapingOutputFormat e) {
      return e.fromMarkup(text);
    }
    if (f instanceof MarkdownOutputFormat) {
      return markdown(text);
    }
    return new freemarker.template.SimpleScalar(text);
  }

  private static Object tree(List<?> args, String fn) throws TemplateModelException {
    try {
      return JsonTree.parse(text(args, 0, fn));
    } catch (IllegalArgumentException e) {
      throw new TemplateModelException(fn + ": the argument is " + e.getMessage());
    }
  }

  private static int indent(List<?> args, int i, String fn) throws TemplateModelException {
    if (args.size() <= i) {
      return 0;
    }
    try {
      int n = Integer.parseInt(text(args, i, fn));
      if (n < 0 || n > 40) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new TemplateModelException(fn + ": the indent must be a number of spaces from 0 to 40");
    }
  }

  /**
   * {@code hcl.*}: Terraform's language: {@code hcl.str(x)} a quoted string (what {@code ${x}}
   * writes in a .tf.ftl), {@code hcl.json(text, indent)} a JSON document (a policy) as the HCL
   * object {@code jsonencode(...)} turns back into the same JSON, laid out as terraform fmt does.
   */
  static final TemplateHashModel HCL = hcl();

  private static TemplateHashModel hcl() {
    SimpleHash h = new SimpleHash(ModelWrapper.INSTANCE);
    h.put("str", (TemplateMethodModelEx) a -> inFormat(Escape.hclString(text(a, 0, "hcl.str"))));
    h.put(
        "json",
        (TemplateMethodModelEx)
            a -> inFormat(HclWriter.expression(tree(a, "hcl.json"), indent(a, 1, "hcl.json"))));
    return h;
  }

  /**
   * {@code yaml.*}: {@code yaml.str(x)} a double-quoted scalar, {@code yaml.json(text, indent)} a
   * JSON document as the block YAML value of a key at that indent, {@code yaml.compact(text)} a
   * JSON document as one double-quoted line (SSM documents take policies as JSON strings).
   */
  static final TemplateHashModel YAML = yaml();

  private static TemplateHashModel yaml() {
    SimpleHash h = new SimpleHash(ModelWrapper.INSTANCE);
    h.put("str", (TemplateMethodModelEx) a -> inFormat(Escape.yamlString(text(a, 0, "yaml.str"))));
    h.put(
        "json",
        (TemplateMethodModelEx)
            a -> inFormat(YamlWriter.value(tree(a, "yaml.json"), indent(a, 1, "yaml.json"))));
    h.put(
        "compact",
        (TemplateMethodModelEx)
            a -> inFormat(Escape.yamlString(JsonCompact.of(tree(a, "yaml.compact")))));
    return h;
  }
}
