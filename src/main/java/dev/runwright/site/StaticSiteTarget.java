package dev.runwright.site;

import dev.runwright.core.FolderLayout;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.core.Workspace;
import dev.runwright.render.Assets;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A static site: {@code index.html} (the runbooks grouped by account and Region, with a filter), a
 * folder of pages per runbook, {@code assets/}, {@code 404.html}, the search index {@code
 * search-index.js} and, with a base URL, {@code sitemap.xml}. Every link is relative.
 */
public final class StaticSiteTarget implements PublishTarget {
  @Override
  public String name() {
    return "site";
  }

  @Override
  public Layout layout(Runbook rb) {
    return FolderLayout.site(rb.id());
  }

  @Override
  public List<String> ownFiles() {
    return List.of("index.html", "404.html", "sitemap.xml", SearchIndex.FILE);
  }

  @Override
  public boolean siteHeader() {
    return true;
  }

  @Override
  public String publish(PublishedDocument doc) {
    if (doc.title() == null) {
      return doc.text();
    }
    return FrontMatter.of(doc.rb(), doc.title(), doc.step(), Redactor.NONE) + doc.text();
  }

  @Override
  public String writeShared(Shared shared, Target out) {
    SiteBuilder.Prepared p = shared.prepared();
    Workspace ws = p.workspace();
    IndexModel model = SiteBuilder.indexModel(p, shared.index(), null);
    // The index and the search index grow with the site (17 MB and 16 MB for 10,000 runbooks of
    // the whole procedure): written as they are made, not held.
    out.write(
        "index.html",
        w -> {
          try (Writer masked = p.redactor().publishing("index.html", new Unclosed(w))) {
            ws.engine().render("site/index.html.ftlh", model, masked);
          }
        });
    String notFound = ws.engine().render("site/404.html.ftlh", model);
    out.write(
        "404.html", p.redactor().published("404.html", notFound).getBytes(StandardCharsets.UTF_8));
    for (String file : Assets.SITE_FILES) {
      out.write("assets/" + file, Assets.bytes(ws.roots(), file));
    }
    out.write(
        SearchIndex.FILE,
        w -> {
          try (Writer masked = p.redactor().masking(new Unclosed(w))) {
            shared.search().script(shared.index(), masked);
          }
        });
    String base = p.inventory().baseUrl();
    if (base != null) {
      Sitemaps.write(base, shared.pages(), ws.engine(), p.redactor(), out);
    }
    return "index.html";
  }

  /** A writer whose close only flushes: the target closes the file. */
  private static final class Unclosed extends java.io.FilterWriter {
    Unclosed(Writer out) {
      super(out);
    }

    @Override
    public void close() throws java.io.IOException {
      flush();
    }
  }
}
