package dev.runwright.core;

import dev.runwright.config.InvalidInputException;
import dev.runwright.io.RelPath;
import dev.runwright.kind.DocumentKind;
import dev.runwright.kind.KindContext;
import dev.runwright.kind.KindTools;
import dev.runwright.kind.PolicyJsonKind;
import dev.runwright.model.AwsModel;
import dev.runwright.model.DocModel;
import dev.runwright.model.DocumentModel;
import dev.runwright.model.Link;
import dev.runwright.model.PageDocument;
import dev.runwright.model.PageModel;
import dev.runwright.model.SiteModel;
import dev.runwright.model.StepModel;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.render.Assets;
import dev.runwright.render.MarkdownRenderer;
import dev.runwright.render.TemplateEngine;
import dev.runwright.render.TemplateError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Renders every document of a runbook: for each step, its documents in the order the pack lists
 * them, each finished by its kind (a policy parsed, checked and written canonically), pages from
 * their Markdown; then the overview that links the steps. Thread-safe: one instance renders many
 * runbooks at once.
 */
public final class RunbookRenderer {
  private final TemplateEngine engine;
  private final MarkdownRenderer markdown;
  private final KindTools tools;
  private final Assets assets;
  private final DocumentModel.RunwrightModel generator;
  private final String buildDate;

  public RunbookRenderer(
      TemplateEngine engine,
      MarkdownRenderer markdown,
      KindTools tools,
      Assets assets,
      String version) {
    this.engine = engine;
    this.markdown = markdown;
    this.tools = tools;
    this.assets = assets;
    this.generator = new DocumentModel.RunwrightModel(version, "Runwright " + version);
    this.buildDate = BuildDate.fromEnvironment();
  }

  /** Receives each rendered file. */
  public interface Sink {
    /**
     * @param path where the file goes, relative to the output folder
     * @param text its content
     * @param markdownTitle for a runbook, its first heading, else {@code null}
     * @param step the step it belongs to (1 first), or {@link Layout#OVERVIEW}
     */
    void accept(String path, String text, String markdownTitle, int step);

    /**
     * Told the headings and text of each HTML page just before the page itself is accepted; a
     * site's search index keeps them.
     *
     * @param path where the page goes
     * @param step the step it belongs to, or {@link Layout#OVERVIEW}
     * @param sections its sections, in order
     */
    default void outline(String path, int step, List<MarkdownRenderer.Section> sections) {}
  }

  /** Every file {@link #render} would write for {@code rb}, without rendering anything. */
  public List<String> paths(Runbook rb, Layout layout) {
    Plan plan = new Plan(rb, layout);
    List<String> out = new ArrayList<>();
    for (int step : order(rb)) {
      for (DocumentSpec doc : plan.documents(step)) {
        String p = plan.path(step, doc);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The steps' numbers in rendering order: every step, then the overview. */
  private static List<Integer> order(Runbook rb) {
    List<Integer> out = new ArrayList<>();
    rb.steps().forEach(s -> out.add(s.number()));
    if (rb.hasOverview()) {
      out.add(Layout.OVERVIEW);
    }
    return out;
  }

  /**
   * Renders {@code rb} laid out by {@code layout} into {@code sink}.
   *
   * @return the title of the first step's runbook
   * @throws TemplateError when a template fails
   * @throws InvalidInputException when a document the templates produced fails its kind's checks
   */
  public String render(Runbook rb, Layout layout, SiteModel site, Sink sink) {
    return render(rb, layout, site, sink, false);
  }

  /**
   * As {@link #render(Runbook, Layout, SiteModel, Sink)}; with {@code parallelSteps}, the steps
   * render at the same time on their own threads (for one runbook on an otherwise idle machine; a
   * site already renders runbooks in parallel). The sink sees the files in the same order.
   */
  public String render(
      Runbook rb, Layout layout, SiteModel site, Sink sink, boolean parallelSteps) {
    Plan plan = new Plan(rb, layout);
    AwsModel aws = rb.params().aws() == null ? null : AwsModel.of(rb.params().aws());
    List<Callable<List<Out>>> parts = new ArrayList<>();
    for (Runbook.Step s : rb.steps()) {
      parts.add(() -> renderPart(plan, aws, s.number(), site, List.of()));
    }
    List<List<Out>> done =
        parallelSteps && parts.size() > 1 ? Parallel.all(parts) : Parallel.inOrder(parts);
    if (rb.hasOverview()) {
      done = new ArrayList<>(done);
      done.add(renderPart(plan, aws, Layout.OVERVIEW, site, done));
    }
    String firstTitle = "";
    for (List<Out> outs : done) {
      for (Out o : outs) {
        if (o.step() == 1 && o.title() != null && firstTitle.isEmpty()) {
          firstTitle = o.title();
        }
        if (o.path() != null) {
          if (o.sections() != null) {
            sink.outline(o.path(), o.step(), o.sections());
          }
          sink.accept(o.path(), o.text(), o.title(), o.step());
        }
      }
    }
    return firstTitle;
  }

  /** One rendered file; {@code path} is null for a document the layout does not publish. */
  private record Out(
      String path,
      String text,
      String title,
      int step,
      DocumentSpec doc,
      List<MarkdownRenderer.Section> sections) {}

  /** Renders the documents of one step, or of the overview, in the order they are listed. */
  private List<Out> renderPart(
      Plan plan, AwsModel aws, int step, SiteModel site, List<List<Out>> before) {
    Runbook rb = plan.rb;
    Map<String, DocModel> docs = new LinkedHashMap<>();
    Map<String, String> texts = new HashMap<>();
    List<Out> out = new ArrayList<>();
    // The policies a later document may hold: the step's own, and in the overview every step's.
    List<String> policies = new ArrayList<>();
    Map<String, Map<String, DocModel>> allDocs = new LinkedHashMap<>();
    for (List<Out> part : before) {
      for (Out o : part) {
        if (o.doc().kind() instanceof PolicyJsonKind) {
          policies.add(o.text());
        }
        if (o.step() != Layout.OVERVIEW) {
          String dir = rb.steps().get(o.step() - 1).pack().stepDir();
          allDocs
              .computeIfAbsent(dir, k -> new LinkedHashMap<>())
              .put(o.doc().id(), docModel(o.doc(), o.doc().path(), href(plan, step, o), o.text()));
        }
      }
    }
    for (DocumentSpec doc : plan.documents(step)) {
      String path = plan.path(step, doc);
      DocumentKind kind = doc.kind();
      String text;
      String title = null;
      List<MarkdownRenderer.Section> sections = null;
      if (kind.presentation() == DocumentKind.Presentation.PAGE) {
        if (path == null) {
          continue; // this layout publishes no pages
        }
        String mdPath = plan.path(step, documentOf(plan, step, doc.from()));
        MarkdownRenderer.Html html =
            markdown.render(texts.get(doc.from()), href -> plan.rewriteForPage(href, mdPath, path));
        text = page(html, doc, mdPath, path, plan, step, site);
        sections = html.sections();
      } else {
        String raw =
            engine.render(doc.template(), model(plan, aws, step, path, docs, site, allDocs));
        text =
            kind.finish(
                raw,
                new KindContext(
                    doc,
                    engine.where(doc.template()),
                    rb.label(),
                    rb.at(),
                    rb.params().values(),
                    rb.params().aws(),
                    tools,
                    List.copyOf(policies)));
        if (kind instanceof PolicyJsonKind) {
          policies.add(text);
        }
        if (kind.presentation() == DocumentKind.Presentation.RUNBOOK) {
          title = MarkdownRenderer.firstHeading(text);
        }
      }
      texts.put(doc.id(), text);
      docs.put(doc.id(), docModel(doc, doc.path(), null, text));
      out.add(new Out(path, text, title, step, doc, sections));
    }
    return out;
  }

  private static DocumentSpec documentOf(Plan plan, int step, String id) {
    for (DocumentSpec d : plan.documents(step)) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new IllegalStateException("no document " + id);
  }

  private String page(
      MarkdownRenderer.Html html,
      DocumentSpec doc,
      String mdPath,
      String pagePath,
      Plan plan,
      int step,
      SiteModel site) {
    Layout layout = plan.layout;
    String home = layout.homePath();
    boolean standalone = layout.standalonePages();
    PageModel page =
        new PageModel(
            html.title(),
            html.body(),
            standalone,
            standalone ? assets.css() : null,
            standalone ? assets.js() : null,
            standalone ? assets.jsHash() : null,
            standalone ? assets.cssHash() : null,
            standalone ? null : RelPath.relativeDir(pagePath, layout.assetsPath()),
            home == null ? null : RelPath.relative(pagePath, home),
            site == null ? null : site.title(),
            mdPath == null ? null : RelPath.relative(pagePath, mdPath),
            generator.generator(),
            nav(html, pagePath, plan, step, site),
            PageKey.of(plan.rb.input(), html.body()),
            buildDate,
            site == null ? null : site.editUrl(),
            home == null ? null : RelPath.relativeDir(pagePath, ""));
    return engine.render(doc.template(), new PageDocument(page));
  }

  /** A link to a published file from the first runbook of {@code step}, or {@code null}. */
  private static String href(Plan plan, int step, Out o) {
    String from = plan.runbookPath(step);
    return from == null || o.path() == null ? null : plan.layout.link(from, o.path());
  }

  /** A document as templates see it; its language is its kind's, else its file's extension. */
  private static DocModel docModel(DocumentSpec d, String path, String href, String text) {
    String language = d.kind().language();
    if (language == null && path != null && path.lastIndexOf('.') > path.lastIndexOf('/')) {
      language = path.substring(path.lastIndexOf('.') + 1);
    }
    return new DocModel(path, href, text, d.form(), language);
  }

  /** The breadcrumb, table of contents and step links of the page of {@code step}. */
  private static PageModel.Nav nav(
      MarkdownRenderer.Html html, String pagePath, Plan plan, int step, SiteModel site) {
    Runbook rb = plan.rb;
    int total = rb.steps().size();
    String overview = rb.hasOverview() ? pageOf(plan, Layout.OVERVIEW) : null;
    String overviewTitle = rb.id() != null ? rb.id() : "Overview";
    List<Link> crumbs = new ArrayList<>();
    String home = plan.layout.homePath();
    if (home != null) {
      crumbs.add(
          new Link(site == null ? "All runbooks" : site.title(), RelPath.relative(pagePath, home)));
    }
    if (overview != null && step != Layout.OVERVIEW) {
      crumbs.add(new Link(overviewTitle, RelPath.relative(pagePath, overview)));
    }
    List<PageModel.TocEntry> toc = new ArrayList<>();
    for (MarkdownRenderer.Section s : html.toc()) {
      toc.add(new PageModel.TocEntry(s.level(), s.id(), s.heading()));
    }
    Link prev = null;
    Link next = null;
    if (step == Layout.OVERVIEW) {
      next = stepLink(plan, 1, pagePath);
    } else if (rb.hasOverview()) {
      prev =
          step == 1
              ? new Link("Overview", RelPath.relative(pagePath, overview))
              : stepLink(plan, step - 1, pagePath);
      next = step < total ? stepLink(plan, step + 1, pagePath) : null;
    }
    Link self = step == Layout.OVERVIEW ? null : stepLink(plan, step, pagePath);
    String current =
        step == Layout.OVERVIEW ? overviewTitle : self != null ? self.title() : html.title();
    return new PageModel.Nav(
        crumbs,
        rb.hasOverview() ? current : html.title(),
        toc,
        rb.hasOverview() ? step : 0,
        rb.hasOverview() ? total : 0,
        rb.id(),
        prev,
        next,
        overview == null || step == Layout.OVERVIEW
            ? null
            : new Link("Overview", RelPath.relative(pagePath, overview)));
  }

  /** A link to the page of step {@code number}, named as the overview names it. */
  private static Link stepLink(Plan plan, int number, String from) {
    String to = pageOf(plan, number);
    if (to == null) {
      return null;
    }
    String title = plan.rb.steps().get(number - 1).pack().stepTitle();
    return new Link(
        "Step " + number + (title == null ? "" : ": " + title), RelPath.relative(from, to));
  }

  /** The first page a step (or the overview) publishes, or {@code null}. */
  private static String pageOf(Plan plan, int step) {
    for (DocumentSpec d : plan.documents(step)) {
      if (d.kind().presentation() == DocumentKind.Presentation.PAGE && plan.path(step, d) != null) {
        return plan.path(step, d);
      }
    }
    return null;
  }

  private DocumentModel model(
      Plan plan,
      AwsModel aws,
      int step,
      String from,
      Map<String, DocModel> done,
      SiteModel site,
      Map<String, Map<String, DocModel>> allDocs) {
    Runbook rb = plan.rb;
    List<StepModel> steps = plan.steps(from);
    int total = steps.size();
    String overview = rb.hasOverview() ? plan.runbookPath(Layout.OVERVIEW) : null;
    DocumentModel.Links links =
        new DocumentModel.Links(
            step > 1 ? link(steps.get(step - 2)) : null,
            step >= 1 && step < total ? link(steps.get(step)) : null,
            overview == null || step == Layout.OVERVIEW || from == null
                ? null
                : new Link("Overview of the procedure", plan.layout.link(from, overview)));
    Map<String, DocModel> docs = new LinkedHashMap<>();
    for (DocumentSpec d : plan.documents(step)) {
      String path = plan.path(step, d);
      DocModel rendered = done.get(d.id());
      docs.put(
          d.id(),
          docModel(
              d,
              d.path(),
              path == null || from == null ? null : plan.layout.link(from, path),
              rendered == null ? null : rendered.text()));
    }
    return new DocumentModel(
        rb.params().values(),
        aws,
        step == Layout.OVERVIEW ? null : steps.get(step - 1),
        steps,
        rb.head().procedureTitle(),
        links,
        docs,
        generator,
        site,
        rb.id() == null ? null : new DocumentModel.EntryModel(rb.id()),
        allDocs,
        rb.shared(),
        rb.forms());
  }

  private static Link link(StepModel s) {
    return new Link("Step " + s.number() + ": " + s.title(), s.href());
  }
}
