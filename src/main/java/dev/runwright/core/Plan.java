package dev.runwright.core;

import dev.runwright.io.RelPath;
import dev.runwright.kind.DocumentKind;
import dev.runwright.model.Link;
import dev.runwright.model.StepModel;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every document of one runbook lands in a layout, computed once before rendering, and the
 * links between them.
 */
final class Plan {
  final Runbook rb;
  final Layout layout;

  /** Paths by document id, for the overview (index 0) and each step (index = its number). */
  private final List<Map<String, String>> paths = new ArrayList<>();

  /** Each published Markdown document's page, for rewriting links in HTML. */
  private final Map<String, String> pageOfMarkdown = new HashMap<>();

  Plan(Runbook rb, Layout layout) {
    this.rb = rb;
    this.layout = layout;
    paths.add(place(Layout.OVERVIEW, rb.overview()));
    for (Runbook.Step s : rb.steps()) {
      paths.add(place(s.number(), s.documents()));
    }
  }

  private Map<String, String> place(int step, List<DocumentSpec> docs) {
    Map<String, String> p = new HashMap<>();
    for (DocumentSpec d : docs) {
      p.put(d.id(), layout.place(rb, step, d));
    }
    for (DocumentSpec d : docs) {
      if (d.kind().presentation() == DocumentKind.Presentation.PAGE && p.get(d.id()) != null) {
        String md = p.get(d.from());
        if (md != null) {
          pageOfMarkdown.putIfAbsent(md, p.get(d.id()));
        }
      }
    }
    return p;
  }

  /** The documents of a step, or of the overview for {@link Layout#OVERVIEW}. */
  List<DocumentSpec> documents(int step) {
    return step == Layout.OVERVIEW ? rb.overview() : rb.steps().get(step - 1).documents();
  }

  /** Where a document lands, or {@code null} when the layout does not publish it. */
  String path(int step, DocumentSpec doc) {
    return paths.get(step).get(doc.id());
  }

  /** The first published runbook of a step (or of the overview), which stands for it in links. */
  String runbookPath(int step) {
    for (DocumentSpec d : documents(step)) {
      if (d.kind().presentation() == DocumentKind.Presentation.RUNBOOK && path(step, d) != null) {
        return path(step, d);
      }
    }
    return null;
  }

  /** Every step as templates see it, with links relative to {@code from}. */
  List<StepModel> steps(String from) {
    List<StepModel> out = new ArrayList<>();
    int total = rb.steps().size();
    for (Runbook.Step s : rb.steps()) {
      PackManifest pack = s.pack();
      String md = runbookPath(s.number());
      List<Link> files = new ArrayList<>();
      for (DocumentSpec d : s.documents()) {
        String p = path(s.number(), d);
        if (p != null && d.kind().presentation() != DocumentKind.Presentation.PAGE) {
          // "runbook", not "runbook.md": the link leads to the page, the file or the wiki page
          String title =
              d.kind().presentation() == DocumentKind.Presentation.RUNBOOK
                  ? d.path().replaceFirst("\\.md$", "")
                  : d.path();
          files.add(new Link(title, from == null ? p : layout.link(from, p)));
        }
      }
      out.add(
          new StepModel(
              s.number(),
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
