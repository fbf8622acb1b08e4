package dev.runwright.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MkDocs bundle, which Backstage TechDocs builds too: {@code mkdocs.yml} (the site name, the
 * theme, the Markdown extensions and a nav grouped as the site index is), {@code docs/index.md}
 * (the home page), {@code docs/<id>/...} (each runbook's overview, steps and policies, in Markdown
 * that Python-Markdown reads as Runwright means it, see {@link PythonMarkdown}) and, for TechDocs,
 * {@code catalog-info.yaml}. Every link is a relative link to a {@code .md} file or a policy in
 * {@code docs/}, which MkDocs checks and rewrites. Stateless and thread-safe.
 */
public final class MkDocsTarget implements PublishTarget {
  /** The bundle's own config file, by which {@code check} recognises a bundle. */
  public static final String CONFIG = "mkdocs.yml";

  /** Backstage's descriptor of the bundle, with {@code --techdocs}. */
  public static final String CATALOG = "catalog-info.yaml";

  private static final String HOME = MkDocsLayout.DOCS + "index.md";
  private static final Pattern THEME =
      Pattern.compile("(?m)^theme:[ \\t]*\\r?\\n[ \\t]+name:[ \\t]*\"?([A-Za-z0-9_-]+)\"?");

  /** The MkDocs theme the bundle names, which decides the Markdown extensions it may use. */
  public enum Theme {
    /** mkdocs-material (TechDocs' theme): admonitions, content tabs, fenced code everywhere. */
    MATERIAL("material", PythonMarkdown.Dialect.MATERIAL),
    /** MkDocs' own theme, for a MkDocs without mkdocs-material: Python-Markdown's extensions. */
    MKDOCS("mkdocs", PythonMarkdown.Dialect.PLAIN);

    private final String id;
    private final PythonMarkdown.Dialect dialect;

    Theme(String id, PythonMarkdown.Dialect dialect) {
      this.id = id;
      this.dialect = dialect;
    }

    /** The theme's name in {@code mkdocs.yml}. */
    public String id() {
      return id;
    }

    PythonMarkdown.Dialect dialect() {
      return dialect;
    }
  }

  /**
   * How the bundle is made.
   *
   * @param theme the MkDocs theme
   * @param techdocs whether to write {@code catalog-info.yaml} for Backstage TechDocs
   * @param owner the Backstage owner of the component ({@code group:default/payments})
   */
  public record Options(Theme theme, boolean techdocs, String owner) {
    /** The owner {@code catalog-info.yaml} names when none is given. */
    public static final String NO_OWNER = "unknown";

    /** Backstage entity references: {@code [kind:][namespace/]name}. */
    private static final Pattern OWNER =
        Pattern.compile(
            "(?:[A-Za-z][A-Za-z0-9]*:)?(?:[A-Za-z0-9][A-Za-z0-9._-]*/)?"
                + "[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public Options {
      Objects.requireNonNull(theme, "theme");
      owner = owner == null ? NO_OWNER : owner;
      if (!OWNER.matcher(owner).matches()) {
        throw new IllegalArgumentException(
            "owner: \""
                + owner
                + "\" is not a Backstage entity reference; expected a name such as payments or"
                + " group:default/payments");
      }
    }

    /** Material, no TechDocs descriptor. */
    public static final Options DEFAULT = new Options(Theme.MATERIAL, false, null);
  }

  private final Options options;
  private final PythonMarkdown markdown;

  public MkDocsTarget(Options options) {
    this.options = Objects.requireNonNull(options);
    this.markdown = new PythonMarkdown(options.theme().dialect());
  }

  public Options options() {
    return options;
  }

  /** Whether {@code out} holds a MkDocs bundle: it has a {@code mkdocs.yml}. */
  public static boolean isOutput(Path out) {
    return Files.isRegularFile(out.resolve(CONFIG));
  }

  /**
   * The bundle as {@code out} holds it: its theme from {@code mkdocs.yml}, TechDocs when it has a
   * {@code catalog-info.yaml}, and that file's owner; the defaults for what it does not say.
   */
  public static MkDocsTarget forFolder(Path out) {
    Theme theme = Theme.MATERIAL;
    try {
      Matcher m = THEME.matcher(Files.readString(out.resolve(CONFIG), StandardCharsets.UTF_8));
      if (m.find() && m.group(1).equals(Theme.MKDOCS.id())) {
        theme = Theme.MKDOCS;
      }
    } catch (IOException | RuntimeException e) {
      // no readable mkdocs.yml: the default theme
    }
    Path catalog = out.resolve(CATALOG);
    String owner = null;
    if (Files.isRegularFile(catalog)) {
      try {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(catalog.toFile()).path("spec");
        owner = spec.path("owner").isTextual() ? spec.path("owner").asText() : null;
      } catch (IOException | RuntimeException e) {
        // unreadable: the default owner, and check shows the difference
      }
    }
    try {
      return new MkDocsTarget(new Options(theme, Files.isRegularFile(catalog), owner));
    } catch (IllegalArgumentException e) {
      return new MkDocsTarget(new Options(theme, true, null));
    }
  }

  @Override
  public String name() {
    return "mkdocs";
  }

  @Override
  public Layout layout(Runbook rb) {
    return new MkDocsLayout(rb.id());
  }

  @Override
  public List<String> ownFiles() {
    return List.of(CONFIG, CATALOG, HOME);
  }

  @Override
  public boolean acceptsGitClone() {
    return true; // a TechDocs bundle often is its repository
  }

  /** Runbooks get front matter with their title and Python-Markdown text; policies stay as is. */
  @Override
  public String publish(PublishedDocument doc) {
    if (doc.title() == null || !doc.path().endsWith(".md")) {
      return doc.text();
    }
    return page(doc.title(), doc.text());
  }

  private String page(String title, String commonmark) {
    return "---\ntitle: " + MkDocsConfig.title(title) + "\n---\n\n" + markdown.convert(commonmark);
  }

  @Override
  public String writeShared(Shared shared, Target out) {
    SiteBuilder.Prepared p = shared.prepared();
    List<IndexEntry> entries = new ArrayList<>();
    shared.index().forEach(e -> entries.add(fromHome(e)));
    IndexModel model = SiteBuilder.indexModel(p, entries, "index.md");
    String source = p.inventory().source();
    String home = p.workspace().engine().render("mkdocs/index.md.ftl", model);
    write(out, p, HOME, page(model.site().title(), home));
    write(out, p, CONFIG, MkDocsConfig.mkdocsYml(model, options, source));
    if (options.techdocs()) {
      write(out, p, CATALOG, MkDocsConfig.catalogInfo(model, options, source));
    }
    return CONFIG;
  }

  private static void write(Target out, SiteBuilder.Prepared p, String path, String text) {
    out.write(path, p.redactor().published(path, text).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An index entry with its links as the home page and the nav write them, relative to {@code
   * docs/}: the index names a runbook-only page without {@code .md}, as wikis link it.
   */
  private static IndexEntry fromHome(IndexEntry e) {
    List<IndexEntry.StepLink> steps = new ArrayList<>();
    e.steps().forEach(s -> steps.add(new IndexEntry.StepLink(s.title(), docsLink(s.href()))));
    return new IndexEntry(
        e.id(),
        e.title(),
        docsLink(e.href()),
        e.accountKey(),
        e.account(),
        e.region(),
        e.regionName(),
        e.partition(),
        e.pack(),
        e.summary(),
        e.fields(),
        e.search(),
        steps,
        e.files().stream()
            .map(
                f ->
                    new IndexEntry.FormFile(
                        f.form(),
                        f.label(),
                        f.name(),
                        f.href().startsWith(MkDocsLayout.DOCS)
                            ? f.href().substring(MkDocsLayout.DOCS.length())
                            : f.href()))
            .toList());
  }

  private static String docsLink(String href) {
    String rel =
        href.startsWith(MkDocsLayout.DOCS) ? href.substring(MkDocsLayout.DOCS.length()) : href;
    return rel.endsWith(".md") ? rel : rel + ".md";
  }
}
