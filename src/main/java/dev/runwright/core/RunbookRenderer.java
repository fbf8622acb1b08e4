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
          sink.accept(o.path(), o.text(), o.title(), o.step());
        }
      }
    }
    return firstTitle;
  }

  /** One rendered file; {@code path} is null for a document the layout does not publish. */
  private record Out(String path, String text, String title, int step, DocumentSpec doc) {}

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
      if (kind.presentation() == DocumentKind.Presentation.PAGE) {
        if (path == null) {
          continue; // this layout publishes no pages
        }
        String mdPath = plan.path(step, documentOf(plan, step, doc.from()));
        text = page(texts.get(doc.from()), doc, mdPath, path, plan, site);
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
      out.add(new Out(path, text, title, step, doc));
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
      String md, DocumentSpec doc, String mdPath, String pagePath, Plan plan, SiteModel site) {
    MarkdownRenderer.Html html =
        markdown.render(md, href -> plan.rewriteForPage(href, mdPath, pagePath));
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
            generator.generator());
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
        rb.shared());
  }

  private static Link link(StepModel s) {
    return new Link("Step " + s.number() + ": " + s.title(), s.href());
  }
}
