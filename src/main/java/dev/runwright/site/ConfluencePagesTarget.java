package dev.runwright.site;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.confluence.BundlePage;
import dev.runwright.confluence.ConfluenceBundle;
import dev.runwright.confluence.LinkResolver;
import dev.runwright.confluence.StorageRenderer;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Confluence bundle ({@link ConfluenceBundle}): one storage-format page per runbook and step
 * ({@code <key>.xml}, see {@link ConfluenceLayout}), a home page ({@code home.xml}) listing them by
 * account and Region, and {@code pages.json} with every page's key, title, parent, labels and hash,
 * which {@code runwright confluence --url} publishes. Each page starts with a banner naming the
 * inventory; links between pages are page links by title.
 *
 * <p>{@code pages.json} needs every page's final text, so an instance keeps the pages of the build
 * in progress between {@link #publish} and {@link #writeShared}: use one instance for one build at
 * a time (the commands make a new one each run). Thread-safe within that build.
 */
public final class ConfluencePagesTarget implements PublishTarget {
  private static final String HOME_FILE = ConfluencePages.HOME + ConfluenceLayout.SUFFIX;
  private static final StorageRenderer RENDERER = new StorageRenderer();

  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private volatile List<BundlePage> bundle = List.of();

  /** Whether {@code out} holds a Confluence bundle: it has a {@code pages.json}. */
  public static boolean isOutput(Path out) {
    return Files.isRegularFile(out.resolve(ConfluenceBundle.MANIFEST));
  }

  @Override
  public String name() {
    return "confluence";
  }

  @Override
  public Layout layout(Runbook rb) {
    return new ConfluenceLayout(rb.id());
  }

  @Override
  public List<String> ownFiles() {
    return List.of(HOME_FILE, ConfluenceBundle.MANIFEST);
  }

  /** A runbook's Markdown as a storage-format page; links to its other pages by their titles. */
  @Override
  public String publish(PublishedDocument doc) {
    if (!doc.path().endsWith(ConfluenceLayout.SUFFIX)) {
      return doc.text();
    }
    Map<String, ConfluencePages.Page> pages = ConfluencePages.of(doc.rb());
    String body = RENDERER.render(doc.text(), source(doc), titles(pages)).body();
    bodies.put(doc.path(), body);
    return body;
  }

  /** What the banner names: the file the runbook was read from. */
  private static String source(PublishedDocument doc) {
    var at = doc.rb().at();
    return at == null || at.isFlag() || at.source() == null ? "the command line" : at.source();
  }

  private static LinkResolver titles(Map<String, ConfluencePages.Page> pages) {
    return href -> {
      ConfluencePages.Page p = pages.get(ConfluenceLayout.keyOf(href));
      return p == null ? null : p.title();
    };
  }

  @Override
  public String writeShared(Shared shared, Target out) {
    SiteBuilder.Prepared p = shared.prepared();
    Redactor redactor = p.redactor();
    List<BundlePage> pages = new ArrayList<>();
    Map<String, ConfluencePages.Page> all = new HashMap<>();
    for (Runbook rb : p.runbooks()) {
      for (ConfluencePages.Page page : ConfluencePages.of(rb).values()) {
        String body = bodies.remove(page.key() + ConfluenceLayout.SUFFIX);
        if (body == null) {
          throw new IllegalStateException("page " + page.key() + " was not rendered");
        }
        all.put(page.key(), page);
        pages.add(bundlePage(page, redactor.text(body), redactor));
      }
    }
    IndexModel model = SiteBuilder.indexModel(p, shared.index(), HOME_FILE);
    String md = p.workspace().engine().render("confluence/home.md.ftl", model);
    String home = redactor.text(RENDERER.render(md, p.inventory().source(), titles(all)).body());
    pages.add(
        new BundlePage(
            ConfluencePages.HOME,
            redactor.text(p.inventory().title()),
            null,
            List.of(ConfluencePages.LABEL),
            home));
    List<String> problems = ConfluenceBundle.problems(pages);
    if (!problems.isEmpty()) {
      List<Diagnostic> ds = new ArrayList<>();
      problems.forEach(x -> ds.add(Diagnostic.error(p.inventory().runbooksAt(), "confluence", x)));
      throw new InvalidInputException(ds);
    }
    out.write(HOME_FILE, home.getBytes(StandardCharsets.UTF_8));
    out.write(
        ConfluenceBundle.MANIFEST,
        ConfluenceBundle.manifest(pages).getBytes(StandardCharsets.UTF_8));
    bundle = List.copyOf(pages);
    return ConfluenceBundle.MANIFEST;
  }

  private static BundlePage bundlePage(ConfluencePages.Page page, String body, Redactor redactor) {
    return new BundlePage(
        page.key(), redactor.text(page.title()), page.parentKey(), page.labels(), body);
  }

  /** The pages of the last build, as {@code pages.json} lists them. */
  public List<BundlePage> bundle() {
    return bundle;
  }
}
