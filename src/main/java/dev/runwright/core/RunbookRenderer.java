package dev.runwright.core;

import dev.runwright.aws.KmsKey;
import dev.runwright.aws.NamedResource;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.io.RelPath;
import dev.runwright.model.AwsModel;
import dev.runwright.model.DocModel;
import dev.runwright.model.Link;
import dev.runwright.model.PageModel;
import dev.runwright.model.StepModel;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import dev.runwright.policy.Finding;
import dev.runwright.policy.PolicyJson;
import dev.runwright.policy.PolicyLinter;
import dev.runwright.render.Assets;
import dev.runwright.render.MarkdownRenderer;
import dev.runwright.render.TemplateEngine;
import dev.runwright.render.TemplateError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders every document of a runbook's procedure: for each step, its policies (parsed, checked and
 * written canonically), its Markdown runbooks and their HTML pages, then the overview that links
 * the steps. Thread-safe: one instance renders many runbooks at once.
 */
public final class RunbookRenderer {
  /** The overview's template, shared by every chain. */
  static final String OVERVIEW_TEMPLATE = "common/procedure.md.ftl";

  static final String PAGE_TEMPLATE = "common/page.html.ftlh";

  private final TemplateEngine engine;
  private final MarkdownRenderer markdown;
  private final PolicyJson json;
  private final PolicyLinter linter;
  private final Assets assets;
  private final String generator;
  private final String cspScript;
  private final String cspStyle;

  public RunbookRenderer(
      TemplateEngine engine,
      MarkdownRenderer markdown,
      PolicyJson json,
      PolicyLinter linter,
      Assets assets,
      String version) {
    this.engine = engine;
    this.markdown = markdown;
    this.json = json;
    this.linter = linter;
    this.assets = assets;
    this.generator = "Runwright " + version;
    this.cspScript = assets.jsHash();
    this.cspStyle = assets.cssHash();
  }

  /** Receives each rendered file. */
  public interface Sink {
    /**
     * @param path where the file goes, relative to the output folder
     * @param text its content
     * @param markdownTitle for a Markdown document, its first heading, else {@code null}
     * @param step the step it belongs to (0 first), or -1 for the overview
     */
    void accept(String path, String text, String markdownTitle, int step);
  }

  /** The site a runbook is rendered into, for its pages' header; {@code null} outside a site. */
  public record SiteInfo(String title) {}

  /** Every file {@link #render} would write for {@code rb}, without rendering anything. */
  public List<String> paths(Runbook rb, Layout layout) {
    Plan plan = new Plan(rb, layout);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rb.chain().size(); i++) {
      for (DocumentSpec doc : rb.chain().get(i).documents()) {
        String p = plan.path(i, doc);
        if (p != null) {
          out.add(p);
        }
      }
    }
    if (plan.hasOverview()) {
      for (DocumentSpec.Kind k : List.of(DocumentSpec.Kind.MARKDOWN, DocumentSpec.Kind.PAGE)) {
        String p = layout.placeOverview(k);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * Renders {@code rb} laid out by {@code layout} into {@code sink}.
   *
   * @return the title of the first step's runbook
   * @throws TemplateError when a template fails
   * @throws InvalidInputException when a policy the templates produced fails IAM's checks
   */
  public String render(Runbook rb, Layout layout, SiteInfo site, Sink sink) {
    return render(rb, layout, site, sink, false);
  }

  /**
   * As {@link #render(Runbook, Layout, SiteInfo, Sink)}; with {@code parallelSteps}, the steps
   * render at the same time on their own threads (for one runbook on an otherwise idle machine; a
   * site already renders runbooks in parallel). The sink sees the files in the same order.
   */
  public String render(Runbook rb, Layout layout, SiteInfo site, Sink sink, boolean parallelSteps) {
    Plan plan = new Plan(rb, layout);
    AwsModel aws = rb.params().aws() == null ? null : AwsModel.of(rb.params().aws());
    List<Callable<List<Out>>> parts = new ArrayList<>();
    for (int i = 0; i < rb.chain().size(); i++) {
      int step = i;
      parts.add(() -> renderStep(rb, plan, aws, step, layout, site));
    }
    if (plan.hasOverview()) {
      parts.add(() -> renderOverview(rb, plan, aws, layout, site));
    }
    List<List<Out>> done = parallelSteps && parts.size() > 1 ? inParallel(parts) : inOrder(parts);
    String firstTitle = "";
    for (List<Out> outs : done) {
      for (Out o : outs) {
        if (o.step() == 0 && o.title() != null && firstTitle.isEmpty()) {
          firstTitle = o.title();
        }
        if (o.path() != null) {
          sink.accept(o.path(), o.text(), o.title(), o.step());
        }
      }
    }
    return firstTitle;
  }

  /** One rendered file; {@code path} is null for a document the layout does not publish. */
  private record Out(String path, String text, String title, int step) {}

  private List<Out> renderStep(
      Runbook rb, Plan plan, AwsModel aws, int i, Layout layout, SiteInfo site) {
    PackManifest pack = rb.chain().get(i);
    Map<String, DocModel> docs = new LinkedHashMap<>();
    Map<String, String> texts = new HashMap<>();
    List<Out> out = new ArrayList<>();
    for (DocumentSpec doc : pack.documents()) {
      String path = plan.path(i, doc);
      String text;
      String mdTitle = null;
      switch (doc.kind()) {
        case POLICY_JSON, JSON -> {
          String raw = engine.render(doc.template(), model(rb, plan, aws, i, path, docs, site));
          text = jsonDocument(rb, pack, doc, raw);
        }
        case MARKDOWN -> {
          text = engine.render(doc.template(), model(rb, plan, aws, i, path, docs, site));
          mdTitle = MarkdownRenderer.firstHeading(text);
        }
        case PAGE -> {
          if (path == null) {
            continue; // this layout publishes no pages
          }
          String mdPath = plan.path(i, pack.document(doc.from()));
          text = page(texts.get(doc.from()), mdPath, path, plan, layout, site);
        }
        default -> throw new IllegalStateException(doc.kind().toString());
      }
      texts.put(doc.id(), text);
      docs.put(doc.id(), new DocModel(doc.path(), null, text));
      out.add(new Out(path, text, mdTitle, i));
    }
    return out;
  }

  private List<Out> renderOverview(
      Runbook rb, Plan plan, AwsModel aws, Layout layout, SiteInfo site) {
    String mdPath = layout.placeOverview(DocumentSpec.Kind.MARKDOWN);
    Map<String, Object> m = model(rb, plan, aws, -1, mdPath, Map.of(), site);
    String md = engine.render(OVERVIEW_TEMPLATE, m);
    List<Out> out = new ArrayList<>();
    out.add(new Out(mdPath, md, MarkdownRenderer.firstHeading(md), -1));
    String pagePath = layout.placeOverview(DocumentSpec.Kind.PAGE);
    if (pagePath != null) {
      out.add(new Out(pagePath, page(md, mdPath, pagePath, plan, layout, site), null, -1));
    }
    return out;
  }

  private static List<List<Out>> inOrder(List<Callable<List<Out>>> parts) {
    List<List<Out>> done = new ArrayList<>();
    for (Callable<List<Out>> part : parts) {
      try {
        done.add(part.call());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return done;
  }

  private static List<List<Out>> inParallel(List<Callable<List<Out>>> parts) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parts.size(), Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "runwright-step");
              t.setDaemon(true);
              return t;
            });
    try {
      List<List<Out>> done = new ArrayList<>();
      for (Future<List<Out>> f : pool.invokeAll(parts)) {
        done.add(f.get());
      }
      return done;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Parses a JSON document the template produced, checks it and writes it canonically. */
  private String jsonDocument(Runbook rb, PackManifest pack, DocumentSpec doc, String raw) {
    Node tree;
    try {
      tree = json.parse(raw);
    } catch (PolicyJson.InvalidJson e) {
      throw new TemplateError(
          engine.where(doc.template())
              + ": error: the template's output is not valid JSON (output line "
              + e.line()
              + ", column "
              + e.column()
              + "): "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    if (doc.kind() == DocumentSpec.Kind.JSON) {
      return json.writePlain(tree);
    }
    String text = json.writePolicy(tree);
    DocumentSpec.Expect expect = doc.expect();
    var aws = rb.params().aws();
    PolicyLinter.Options options =
        new PolicyLinter.Options(
            expect.policyType().equals("trust")
                ? PolicyLinter.PolicyType.TRUST
                : PolicyLinter.PolicyType.IDENTITY,
            aws == null ? null : aws.account(),
            aws == null ? null : aws.partition().id());
    List<String> problems = new ArrayList<>();
    boolean onlySize = true;
    for (Finding f : linter.lint(text, doc.path(), options)) {
      if (f.blocksGeneration()) {
        problems.add(f.type() + " " + f.code() + " at " + f.path() + ": " + f.message());
        onlySize &= f.code().startsWith("POLICY_SIZE");
      }
    }
    List<String> unmet = expectations(rb, tree, expect);
    problems.addAll(unmet);
    if (!problems.isEmpty() && !(onlySize && unmet.isEmpty())) {
      // Not the input's size but the policy's shape: the template is what is wrong.
      throw new TemplateError(
          engine.where(doc.template())
              + ": error: "
              + (rb.label().isEmpty() ? "" : rb.label() + ": ")
              + doc.path()
              + ": the generated policy fails IAM's checks: "
              + String.join("; ", problems));
    }
    if (!problems.isEmpty()) {
      List<Diagnostic> ds = new ArrayList<>();
      for (String p : problems) {
        ds.add(
            Diagnostic.error(
                rb.at(),
                (rb.label().isEmpty() ? "" : rb.label() + ": ") + doc.path(),
                "the generated policy fails IAM's checks: " + p));
      }
      throw new InvalidInputException(ds);
    }
    return text;
  }

  /** What a pack's manifest says its policy must contain. */
  private static List<String> expectations(Runbook rb, Node policy, DocumentSpec.Expect e) {
    List<String> out = new ArrayList<>();
    if (!"2012-10-17".equals(text(field(policy, "Version")))) {
      out.add("Version must be \"2012-10-17\"");
    }
    Set<String> actions = new LinkedHashSet<>();
    Set<String> granted = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> services = new LinkedHashSet<>();
    Node st = field(policy, "Statement");
    List<Node> statements =
        st instanceof Node.Sequence seq ? seq.items() : st == null ? List.of() : List.of(st);
    boolean anyAllow = false;
    for (Node s : statements) {
      if (!"Allow".equals(text(field(s, "Effect")))) {
        continue;
      }
      anyAllow = true;
      for (String a : texts(field(s, "Action"))) {
        actions.add(a.toLowerCase(Locale.ROOT));
        granted.add(a);
      }
      resources.addAll(texts(field(s, "Resource")));
      services.addAll(texts(field(field(s, "Principal"), "Service")));
    }
    if (!anyAllow) {
      out.add("it has no Allow statement");
    }
    for (String a : e.actions()) {
      if (!actions.contains(a.toLowerCase(Locale.ROOT))) {
        out.add("it does not allow " + a);
      }
    }
    if (!e.allowOnly().isEmpty()) {
      Set<String> only = new LinkedHashSet<>();
      e.allowOnly().forEach(a -> only.add(a.toLowerCase(Locale.ROOT)));
      for (String a : granted) {
        if (!only.contains(a.toLowerCase(Locale.ROOT))) {
          out.add(
              "it allows "
                  + a
                  + ", which the runbook does not describe (the pack allows only "
                  + String.join(", ", e.allowOnly())
                  + ")");
        }
      }
    }
    if (e.resourcesFrom() != null) {
      Set<String> wanted = new LinkedHashSet<>();
      Object v = rb.params().values().get(e.resourcesFrom());
      for (Object item : v instanceof List<?> l ? l : v == null ? List.of() : List.of(v)) {
        if (item instanceof KmsKey k) {
          wanted.add(k.arn());
        } else if (item instanceof NamedResource r && r.arn() != null) {
          wanted.add(r.arn());
        }
      }
      if (!wanted.equals(resources)) {
        out.add(
            "its resources "
                + resources
                + " are not exactly the ARNs of "
                + e.resourcesFrom()
                + " "
                + wanted);
      }
    }
    if (e.principalService() != null && !services.contains(e.principalService())) {
      out.add("it does not trust the service " + e.principalService());
    }
    return out;
  }

  private static Node field(Node n, String key) {
    return n instanceof Node.Mapping m ? m.get(key) : null;
  }

  private static String text(Node n) {
    return n instanceof Node.Scalar s && !s.isNull() ? s.text() : null;
  }

  private static List<String> texts(Node n) {
    List<String> out = new ArrayList<>();
    if (n instanceof Node.Sequence seq) {
      seq.items()
          .forEach(
              x -> {
                if (text(x) != null) {
                  out.add(text(x));
                }
              });
    } else if (text(n) != null) {
      out.add(text(n));
    }
    return out;
  }

  private String page(
      String md, String mdPath, String pagePath, Plan plan, Layout layout, SiteInfo site) {
    MarkdownRenderer.Html html =
        markdown.render(md, href -> plan.rewriteForPage(href, mdPath, pagePath));
    String home = layout.homePath();
    boolean standalone = layout.standalonePages();
    PageModel page =
        new PageModel(
            html.title(),
            html.body(),
            standalone,
            standalone ? assets.css() : null,
            standalone ? assets.js() : null,
            standalone ? cspScript : null,
            standalone ? cspStyle : null,
            standalone ? null : RelPath.relativeDir(pagePath, layout.assetsPath()),
            home == null ? null : RelPath.relative(pagePath, home),
            site == null ? null : site.title(),
            mdPath == null ? null : RelPath.relative(pagePath, mdPath),
            generator);
    Map<String, Object> m = new HashMap<>();
    m.put("page", page);
    return engine.render(PAGE_TEMPLATE, m);
  }

  private Map<String, Object> model(
      Runbook rb,
      Plan plan,
      AwsModel aws,
      int step,
      String from,
      Map<String, DocModel> docs,
      SiteInfo site) {
    Map<String, Object> m = new HashMap<>();
    m.put("p", rb.params().values());
    m.put("aws", aws);
    List<StepModel> steps = plan.steps(from);
    m.put("steps", steps);
    m.put("procedure", rb.chain().get(0).procedureTitle());
    m.put("step", step >= 0 ? steps.get(step) : null);
    Map<String, Object> links = new HashMap<>();
    links.put("prev", step > 0 ? link(steps.get(step - 1)) : null);
    links.put("next", step >= 0 && step + 1 < steps.size() ? link(steps.get(step + 1)) : null);
    String overview = plan.overviewMd();
    links.put(
        "overview",
        overview == null || step < 0
            ? null
            : new Link("Overview of the procedure", plan.layout.link(from, overview)));
    m.put("links", links);
    Map<String, DocModel> withHrefs = new LinkedHashMap<>();
    if (step >= 0) {
      PackManifest pack = rb.chain().get(step);
      for (DocumentSpec d : pack.documents()) {
        String path = plan.path(step, d);
        DocModel done = docs.get(d.id());
        withHrefs.put(
            d.id(),
            new DocModel(
                d.path(),
                path == null || from == null ? null : plan.layout.link(from, path),
                done == null ? null : done.text()));
      }
    }
    m.put("docs", withHrefs);
    m.put(
        "runwright",
        Map.of("version", generator.substring("Runwright ".length()), "generator", generator));
    m.put("site", site);
    m.put("entry", rb.id() == null ? null : Map.of("id", rb.id()));
    return m;
  }

  private static Link link(StepModel s) {
    return new Link("Step " + s.number() + ": " + s.title(), s.href());
  }

  /** Where every document of one runbook lands, computed once before rendering. */
  private static final class Plan {
    final Runbook rb;
    final Layout layout;
    final List<Map<String, String>> paths = new ArrayList<>();

    /** Each published Markdown document's page, for rewriting links in HTML. */
    final Map<String, String> pageOfMarkdown = new HashMap<>();

    Plan(Runbook rb, Layout layout) {
      this.rb = rb;
      this.layout = layout;
      for (int i = 0; i < rb.chain().size(); i++) {
        PackManifest pack = rb.chain().get(i);
        Map<String, String> p = new HashMap<>();
        for (DocumentSpec d : pack.documents()) {
          p.put(d.id(), layout.place(i, pack, d));
        }
        paths.add(p);
        for (DocumentSpec d : pack.documents()) {
          if (d.kind() == DocumentSpec.Kind.PAGE && p.get(d.id()) != null) {
            String md = p.get(d.from());
            if (md != null) {
              pageOfMarkdown.putIfAbsent(md, p.get(d.id()));
            }
          }
        }
      }
      if (hasOverview()) {
        String md = layout.placeOverview(DocumentSpec.Kind.MARKDOWN);
        String page = layout.placeOverview(DocumentSpec.Kind.PAGE);
        if (md != null && page != null) {
          pageOfMarkdown.put(md, page);
        }
      }
    }

    boolean hasOverview() {
      return rb.chain().size() > 1;
    }

    String overviewMd() {
      return hasOverview() ? layout.placeOverview(DocumentSpec.Kind.MARKDOWN) : null;
    }

    String path(int step, DocumentSpec doc) {
      return paths.get(step).get(doc.id());
    }

    /** The first Markdown document of a step, which stands for the step in links. */
    String stepMarkdown(int step) {
      for (DocumentSpec d : rb.chain().get(step).documents()) {
        if (d.kind() == DocumentSpec.Kind.MARKDOWN && path(step, d) != null) {
          return path(step, d);
        }
      }
      return null;
    }

    List<StepModel> steps(String from) {
      List<StepModel> out = new ArrayList<>();
      int total = rb.chain().size();
      for (int i = 0; i < total; i++) {
        PackManifest pack = rb.chain().get(i);
        String md = stepMarkdown(i);
        List<Link> files = new ArrayList<>();
        for (DocumentSpec d : pack.documents()) {
          String p = path(i, d);
          if (p != null && d.kind() != DocumentSpec.Kind.PAGE) {
            // "runbook", not "runbook.md": the link leads to the page, the file or the wiki page
            String title =
                d.kind() == DocumentSpec.Kind.MARKDOWN
                    ? d.path().replaceFirst("\\.md$", "")
                    : d.path();
            files.add(new Link(title, from == null ? p : layout.link(from, p)));
          }
        }
        out.add(
            new StepModel(
                i + 1,
                total,
                pack.id(),
                pack.stepTitle(),
                pack.title(),
                pack.description(),
                md == null || from == null ? null : layout.link(from, md),
                files));
      }
      return out;
    }

    /**
     * A link as the page should write it: links to published Markdown become links to their pages;
     * other relative links are re-based from the Markdown's folder to the page's.
     */
    String rewriteForPage(String href, String mdPath, String pagePath) {
      if (href == null
          || href.isEmpty()
          || href.startsWith("#")
          || href.contains(":")
          || href.startsWith("/")
          || mdPath == null
          || pagePath == null) {
        return href;
      }
      int hash = href.indexOf('#');
      String target = hash < 0 ? href : href.substring(0, hash);
      String fragment = hash < 0 ? "" : href.substring(hash);
      String resolved = RelPath.resolve(mdPath, target);
      if (resolved == null) {
        return href;
      }
      String page = pageOfMarkdown.get(resolved);
      return RelPath.relative(pagePath, page != null ? page : resolved) + fragment;
    }
  }
}
