package dev.runwright.render;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.TemplateConfigurationFactory;
import freemarker.core.Environment;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateElement;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * @param roots where templates are found
   * @param formats how values are escaped, by template file ending ({@code .json.ftl}); {@code
   *     .ftlh} (HTML) and {@code .ftlx} (XML) are FreeMarker's own and always on
   */
  public FreeMarkerEngine(TemplateRoots roots, Map<String, Escaping> formats) {
    this.roots = roots;
    this.timeLimit = TimeLimit.fromSystemProperty();
    this.cfg =
        roots.userDirs().isEmpty()
            ? BUILTIN.computeIfAbsent(List.copyOf(formats.entrySet()), f -> configure(roots, f))
            : configure(roots, List.copyOf(formats.entrySet()));
  }

  /**
   * The configurations over the built-in templates alone, by their escapings, shared by every
   * engine: the built-ins cannot change while Runwright runs, so what one engine parsed another
   * need not parse again (start-up warms one, see {@code cli.StartUp}).
   */
  private static final Map<List<Map.Entry<String, Escaping>>, Configuration> BUILTIN =
      new ConcurrentHashMap<>();

  private static Configuration configure(
      TemplateRoots roots, List<Map.Entry<String, Escaping>> formats) {
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
    c.setCustomNumberFormats(Map.of(BareNumberFormat.NAME, BareNumberFormat.FACTORY));
    List<OutputFormat> registered = new ArrayList<>();
    List<TemplateConfigurationFactory> bySuffix = new ArrayList<>();
    for (Map.Entry<String, Escaping> f : formats) {
      OutputFormat of = outputFormat(f.getValue());
      if (!registered.contains(of)) {
        registered.add(of);
      }
      bySuffix.add(
          new ConditionalTemplateConfigurationFactory(
              new FileNameGlobMatcher("*" + f.getKey()), configuration(f.getValue(), of)));
    }
    c.setRegisteredCustomOutputFormats(registered);
    c.setTemplateConfigurations(
        new FirstMatchTemplateConfigurationFactory(
                bySuffix.toArray(new TemplateConfigurationFactory[0]))
            .allowNoMatch(true));
    c.setSharedVariable("md", TemplateHelpers.MD);
    c.setSharedVariable("sh", TemplateHelpers.SH);
    c.setSharedVariable("opt", TemplateHelpers.OPT);
    c.setSharedVariable("url", TemplateHelpers.URL);
    c.setSharedVariable("json", TemplateHelpers.JSON);
    c.setSharedVariable("mysql", TemplateHelpers.MYSQL);
    c.setSharedVariable("pg", TemplateHelpers.PG);
    c.setSharedVariable("hcl", TemplateHelpers.HCL);
    c.setSharedVariable("yaml", TemplateHelpers.YAML);
    return c;
  }

  private static OutputFormat outputFormat(Escaping e) {
    return e == Escaping.MARKDOWN ? MarkdownOutputFormat.INSTANCE : EscapingOutputFormat.of(e);
  }

  private static TemplateConfiguration configuration(Escaping e, OutputFormat f) {
    TemplateConfiguration tc = new TemplateConfiguration();
    tc.setOutputFormat(f);
    if (e.bareNumbers()) {
      tc.setNumberFormat("@" + BareNumberFormat.NAME);
    }
    return tc;
  }

  @Override
  public String render(String template, Object model) {
    Template t = load(template);
    Writer out =
        t.getOutputFormat() == MarkdownOutputFormat.INSTANCE
            ? new MarkdownWriter()
            : new StringWriter(4096);
    process(t, template, model, out);
    return out.toString();
  }

  @Override
  public void render(String template, Object model, Writer out) throws IOException {
    Template t = load(template);
    if (t.getOutputFormat() == MarkdownOutputFormat.INSTANCE) {
      out.write(render(template, model)); // Markdown is tidied as a whole
      return;
    }
    // The writer's own failures (a full disk) are told apart from the template's.
    IOException[] failed = {null};
    Writer guarded =
        new java.io.FilterWriter(out) {
          @Override
          public void write(int c) throws IOException {
            try {
              super.write(c);
            } catch (IOException e) {
              failed[0] = e;
              throw e;
            }
          }

          @Override
          public void write(char[] cbuf, int off, int len) throws IOException {
            try {
              super.write(cbuf, off, len);
            } catch (IOException e) {
              failed[0] = e;
              throw e;
            }
          }

          @Override
          public void write(String str, int off, int len) throws IOException {
            try {
              super.write(str, off, len);
            } catch (IOException e) {
              failed[0] = e;
              throw e;
            }
          }
        };
    try {
      process(t, template, model, guarded);
    } catch (TemplateError e) {
      if (failed[0] != null) {
        throw failed[0];
      }
      throw e;
    }
  }

  private void process(Template t, String template, Object model, Writer out) {
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
    private final Map<String, Object> loading = new ConcurrentHashMap<>();

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
      // One thread parses a template while another that wants it waits, rather than parsing it
      // again: the start-up thread and the renderers ask for the same built-ins at once. No lock
      // is held while a template runs, so a template that imports another cannot deadlock.
      Template t;
      synchronized (
          loading.computeIfAbsent(
              name.startsWith("/") ? name.substring(1) : name, k -> new Object())) {
        t =
            super.getTemplate(
                name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
      }
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
}
