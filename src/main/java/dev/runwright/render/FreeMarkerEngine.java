package dev.runwright.render;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateElement;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * The FreeMarker implementation of {@link TemplateEngine}, built once per set of template folders.
 * Sandboxed: {@code ?new} resolves no class, {@code ?api} is off, and templates see only plain data
 * through {@link ModelWrapper}. Output is escaped by file name: {@code *.md.ftl} Markdown, {@code
 * *.json.ftl} JSON, {@code *.ftlh} HTML, {@code *.ftlx} XML. Thread-safe.
 */
public final class FreeMarkerEngine implements TemplateEngine {
  static {
    // FreeMarker must not log through whatever logging library happens to be on the class path.
    System.setProperty("org.freemarker.loggerLibrary", "none");
  }

  private final Configuration cfg;
  private final TemplateRoots roots;
  private final Duration timeLimit;

  public FreeMarkerEngine(TemplateRoots roots) {
    this.roots = roots;
    this.timeLimit = TimeLimit.fromSystemProperty();
    Configuration c = new LimitedConfiguration();
    c.setTemplateLoader(new RootsLoader(roots));
    c.setLocalizedLookup(false);
    c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    c.setDefaultEncoding("UTF-8");
    c.setOutputEncoding("UTF-8");
    c.setLocale(Locale.ROOT);
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    c.setObjectWrapper(ModelWrapper.INSTANCE);
    c.setRecognizeStandardFileExtensions(true);
    c.setCustomNumberFormats(Map.of(JsonNumberFormat.NAME, JsonNumberFormat.FACTORY));
    c.setRegisteredCustomOutputFormats(
        List.of(MarkdownOutputFormat.INSTANCE, JsonOutputFormat.INSTANCE));
    c.setTemplateConfigurations(
        new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(
                    new FileNameGlobMatcher("*.md.ftl"), format(MarkdownOutputFormat.INSTANCE)),
                new ConditionalTemplateConfigurationFactory(
                    new FileNameGlobMatcher("*.json.ftl"), json()))
            .allowNoMatch(true));
    c.setSharedVariable("md", Helpers.MD);
    c.setSharedVariable("sh", Helpers.SH);
    c.setSharedVariable("opt", Helpers.OPT);
    c.setSharedVariable("url", Helpers.URL);
    c.setSharedVariable("json", Helpers.JSON);
    this.cfg = c;
  }

  /** JSON templates: JSON output, and numbers printed as JSON numbers. */
  private static TemplateConfiguration json() {
    TemplateConfiguration tc = format(JsonOutputFormat.INSTANCE);
    tc.setNumberFormat("@" + JsonNumberFormat.NAME);
    return tc;
  }

  private static TemplateConfiguration format(OutputFormat f) {
    TemplateConfiguration tc = new TemplateConfiguration();
    tc.setOutputFormat(f);
    return tc;
  }

  @Override
  public String render(String template, Map<String, Object> model) {
    Template t = load(template);
    Writer out =
        t.getOutputFormat() == MarkdownOutputFormat.INSTANCE
            ? new MarkdownWriter()
            : new StringWriter(4096);
    TimeLimit.Watch watch = null;
    try {
      Environment env = t.createProcessingEnvironment(model, out);
      watch = TimeLimit.start(env, timeLimit);
      env.process();
    } catch (TemplateException | IOException | RuntimeException e) {
      if (watch != null && watch.expired()) {
        throw new TemplateError(timedOut(template, watch), e);
      }
      if (e instanceof TemplateException te) {
        throw new TemplateError(describe(te), e);
      }
      if (e instanceof IOException) {
        throw new TemplateError(roots.describe(template) + ": error: " + e.getMessage(), e);
      }
      throw (RuntimeException) e;
    } catch (StackOverflowError e) {
      // FreeMarker has no depth limit; the stack is the limit. It unwinds cleanly, so say so.
      throw new TemplateError(
          roots.describe(template)
              + ":1:1: error: the template recurses too deep (a macro that calls itself, or a"
              + " template that includes itself, without end)");
    } finally {
      if (watch != null) {
        watch.stop();
      }
    }
    return out.toString();
  }

  private String timedOut(String template, TimeLimit.Watch watch) {
    TemplateElement at = watch.running();
    String where =
        at == null || at.getTemplate() == null
            ? roots.describe(template) + ":1:1"
            : roots.describe(at.getTemplate().getSourceName())
                + ":"
                + at.getBeginLine()
                + ":"
                + at.getBeginColumn();
    return where
        + ": error: the template was still running here after "
        + watch.limit()
        + ", so it was stopped (a loop without end?); if it is only slow, allow more time with"
        + " RUNWRIGHT_JAVA_OPTS=-D"
        + TimeLimit.PROPERTY
        + "=SECONDS";
  }

  @Override
  public String where(String template) {
    return roots.describe(template);
  }

  @Override
  public void check(String template) {
    load(template);
  }

  private Template load(String template) {
    try {
      return cfg.getTemplate(template);
    } catch (TemplateNotFoundException e) {
      throw new TemplateError("template " + template + " was not found in the template folders");
    } catch (ParseException e) {
      throw new TemplateError(
          roots.describe(e.getTemplateName() != null ? e.getTemplateName() : template)
              + ":"
              + e.getLineNumber()
              + ":"
              + e.getColumnNumber()
              + ": error: "
              + oneLine(e.getEditorMessage()),
          e);
    } catch (IOException e) {
      throw new TemplateError(roots.describe(template) + ": error: " + e.getMessage(), e);
    }
  }

  private String describe(TemplateException e) {
    String name = e.getTemplateSourceName();
    Integer line = e.getLineNumber();
    Integer col = e.getColumnNumber();
    String where = name == null ? "template" : roots.describe(name);
    if (line != null) {
      where += ":" + line + ":" + (col == null ? 1 : col);
    }
    return where + ": error: " + oneLine(e.getMessageWithoutStackTop());
  }

  /** FreeMarker's messages have several lines and tips; keep the first paragraph on one line. */
  static String oneLine(String message) {
    if (message == null) {
      return "template error";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\n")) {
      String t = line.strip();
      if (t.startsWith("----") || t.startsWith("Tip:") || t.startsWith("FTL stack trace")) {
        break;
      }
      if (t.isEmpty()) {
        continue;
      }
      t = t.replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "");
      // Java object names such as freemarker.core.Environment@5b1d2887 differ from run to run.
      t =
          t.replaceAll("[A-Za-z_$][\\w.$]*@[0-9a-f]{4,}", " ")
              .replace("---begin-message---", "(")
              .replace("---end-message---", ")")
              .replaceAll("\\s{2,}", " ");
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t);
    }
    return sb.toString().strip();
  }

  /**
   * FreeMarker's configuration, with {@link TimeLimit}'s interrupt checks added to every template
   * it parses: the ones rendered and the ones they include or import.
   */
  private static final class LimitedConfiguration extends Configuration {
    private final Set<Template> prepared = Collections.newSetFromMap(new IdentityHashMap<>());

    LimitedConfiguration() {
      super(Configuration.VERSION_2_3_34);
    }

    @Override
    public Template getTemplate(
        String name,
        Locale locale,
        Object customLookupCondition,
        String encoding,
        boolean parseAsFTL,
        boolean ignoreMissing)
        throws IOException {
      Template t =
          super.getTemplate(
              name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
      if (t != null) {
        // Under the lock even when already prepared: another thread may be preparing it now.
        synchronized (prepared) {
          if (prepared.add(t)) {
            TimeLimit.prepare(t);
          }
        }
      }
      return t;
    }
  }

  /** Template lookup over {@link TemplateRoots}: user folders first, then the built-ins. */
  private static final class RootsLoader implements TemplateLoader {
    private final TemplateRoots roots;

    RootsLoader(TemplateRoots roots) {
      this.roots = roots;
    }

    @Override
    public Object findTemplateSource(String name) {
      if (!TemplateRoots.isSafeName(name)) {
        return null;
      }
      return roots.find(name).orElse(null);
    }

    @Override
    public long getLastModified(Object source) {
      return -1;
    }

    @Override
    public Reader getReader(Object source, String encoding) {
      return new StringReader(((TemplateRoots.Found) source).text());
    }

    @Override
    public void closeTemplateSource(Object source) {}

    @Override
    public String toString() {
      return "the template folders (yours, then the built-ins)";
    }
  }

  /** The helper functions every template can call. */
  static final class Helpers {
    private Helpers() {}

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
     * written {@code --name=value} when the value starts with "-", which the AWS CLI would
     * otherwise read as another option.
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
          return JsonOutputFormat.INSTANCE.fromMarkup(sb.toString());
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
          sb.append(Escape.jsonString(((TemplateScalarModel) kv.getKey()).getAsString()))
              .append(':');
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
  }
}
