package dev.runwright.site;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.KmsKey;
import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Position;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.YamlReader;
import dev.runwright.core.FolderLayout;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.core.RunbookRenderer;
import dev.runwright.core.Version;
import dev.runwright.core.Workspace;
import dev.runwright.io.OutputException;
import dev.runwright.pack.PackCatalog;
import dev.runwright.render.Assets;
import dev.runwright.render.Escape;
import dev.runwright.render.TemplateError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds an inventory of runbooks into a static site or wiki pages, top to bottom: read the
 * inventory, validate every entry, render the entries in parallel into a staging folder, write the
 * index and shared files, and publish the whole folder at once.
 */
public final class SiteBuilder {
  /** Sitemaps hold at most this many addresses; more go into several files and an index. */
  static final int SITEMAP_LIMIT = 50_000;

  private SiteBuilder() {}

  /** What to build. */
  public enum Kind {
    /** A static site: index.html, a folder of pages per runbook, assets, 404, sitemap. */
    SITE(null, null),
    /** Flat GitHub wiki pages: Home.md, _Sidebar.md, one page per runbook and step. */
    WIKI("Home.md", "_Sidebar.md"),
    /** Flat GitLab wiki pages: GitLab's home page is home.md and its sidebar _sidebar.md. */
    GITLAB_WIKI("home.md", "_sidebar.md");

    private final String home;
    private final String sidebar;

    Kind(String home, String sidebar) {
      this.home = home;
      this.sidebar = sidebar;
    }

    /** Whether this is one of the wiki kinds. */
    public boolean isWiki() {
      return home != null;
    }

    /** The wiki's home page file, or {@code null} for a site. */
    public String home() {
      return home;
    }

    /** The wiki's sidebar file, or {@code null} for a site. */
    public String sidebar() {
      return sidebar;
    }

    /**
     * The wiki kind for a folder: GitLab's when it holds a {@code home.md} or is a clone of a
     * GitLab wiki (a remote's url in its {@code .git/config} names gitlab), GitHub's otherwise.
     */
    public static Kind wikiFor(Path out) {
      boolean github = Files.isRegularFile(out.resolve(WIKI.home));
      boolean gitlab = Files.isRegularFile(out.resolve(GITLAB_WIKI.home));
      if (github != gitlab) {
        // The home page already there says which (on a case-blind disk both answer: look on).
        return github ? WIKI : GITLAB_WIKI;
      }
      try {
        for (String line : Files.readAllLines(out.resolve(".git/config"))) {
          String t = line.strip().toLowerCase(java.util.Locale.ROOT);
          // A remote whose host is gitlab.com or gitlab.<something>: not any mention of gitlab.
          if (t.startsWith("url")
              && t.contains("=")
              && t.matches(".*(://|@)(www\\.)?gitlab\\.[^/:]+.*")) {
            return GITLAB_WIKI;
          }
        }
      } catch (IOException | RuntimeException e) {
        // no readable git configuration: nothing says GitLab
      }
      return WIKI;
    }
  }

  /** Told how far a long build is. */
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /**
   * What to build.
   *
   * @param kind site or wiki
   * @param config the inventory file
   * @param configName the inventory as the user typed it
   * @param templateDirs template folders from flags, searched before the inventory's
   * @param out the output folder
   * @param outName the output folder as the user typed it
   * @param force publish into a folder Runwright did not publish before
   * @param redact mask account IDs except their last four digits
   * @param followUps whether each runbook carries its follow-up steps
   * @param jobs how many threads render runbooks
   * @param maxInputBytes the largest inventory accepted
   * @param progress told how far the build is
   */
  public record Request(
      Kind kind,
      Path config,
      String configName,
      List<Path> templateDirs,
      Path out,
      String outName,
      boolean force,
      boolean redact,
      boolean followUps,
      int jobs,
      long maxInputBytes,
      Progress progress) {}

  /**
   * What a build did.
   *
   * @param runbooks how many runbooks it built
   * @param files how many files it published
   * @param kept how many of the user's own files it kept in the folder
   * @param start the page to open first, relative to the output folder
   * @param warnings problems that did not stop the build
   * @param notes things the user should know
   * @param timings milliseconds spent in each phase, for {@code --verbose}
   */
  public record Result(
      int runbooks,
      int files,
      int kept,
      String start,
      List<Diagnostic> warnings,
      List<String> notes,
      Map<String, Long> timings) {}

  /** An inventory, validated: every runbook with its id. */
  public record Prepared(
      ConfigLoader.Inventory inventory,
      Workspace workspace,
      List<Runbook> runbooks,
      Redactor redactor,
      List<Diagnostic> warnings) {}

  /**
   * Builds and publishes.
   *
   * @throws InvalidInputException when an entry is wrong; the published folder is unchanged
   * @throws TemplateError when a template fails; the published folder is unchanged
   * @throws OutputException when the folder cannot be published; it is unchanged
   */
  public static Result build(Request req) {
    long t0 = System.nanoTime();
    Publisher.check(req.out(), req.outName(), req.force(), req.kind().isWiki());
    Prepared prepared =
        prepare(
            req.kind(),
            req.config(),
            req.configName(),
            req.templateDirs(),
            req.redact(),
            req.followUps(),
            req.maxInputBytes());
    long t1 = System.nanoTime();
    Publisher publisher = Publisher.open(req.out(), req.outName());
    String start;
    try {
      start = render(prepared, req.kind(), publisher, req.jobs(), req.progress());
    } catch (RuntimeException | Error e) {
      publisher.abort();
      throw e;
    }
    long t2 = System.nanoTime();
    int kept = publisher.commit();
    long t3 = System.nanoTime();
    Map<String, Long> timings = new LinkedHashMap<>();
    timings.put("read and validate", (t1 - t0) / 1_000_000);
    timings.put("render and write", (t2 - t1) / 1_000_000);
    timings.put("publish", (t3 - t2) / 1_000_000);
    return new Result(
        prepared.runbooks().size(),
        publisher.count(),
        kept,
        start,
        prepared.warnings(),
        concat(runbookNotes(prepared.runbooks()), publisher.notes()),
        timings);
  }

  /**
   * What the runbooks' notes say, once per note with the runbooks it concerns: "clusterId is not
   * set" for 2,500 runbooks is one line that names the first few.
   */
  public static List<String> runbookNotes(List<Runbook> runbooks) {
    Map<String, List<String>> byNote = new LinkedHashMap<>();
    for (Runbook rb : runbooks) {
      for (String n : rb.notes()) {
        byNote.computeIfAbsent(n, k -> new ArrayList<>()).add(rb.id());
      }
    }
    List<String> out = new ArrayList<>();
    byNote.forEach(
        (note, ids) ->
            out.add(
                (ids.size() == 1 ? ids.get(0) : ids.size() + " runbooks (" + first(ids) + ")")
                    + ": "
                    + note));
    return out;
  }

  private static String first(List<String> ids) {
    return String.join(", ", ids.size() > 5 ? ids.subList(0, 5) : ids)
        + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Reads and validates an inventory, giving every runbook its id.
   *
   * @throws InvalidInputException with every problem of every entry
   */
  public static Prepared prepare(
      Kind kind,
      Path config,
      String configName,
      List<Path> templateDirs,
      boolean redact,
      boolean followUps,
      long maxInputBytes) {
    YamlReader yaml = new YamlReader(maxInputBytes);
    ConfigLoader.Inventory inv = inventory(new ConfigLoader(yaml).load(config, configName));
    List<Path> templates = new ArrayList<>(templateDirs);
    templates.addAll(inv.templates());
    Workspace ws = new Workspace(templates, yaml, followUps);

    Diagnostics d = new Diagnostics();
    d.addAll(inv.entryProblems());
    if (inv.runbooks().isEmpty() && inv.entryProblems().isEmpty()) {
      d.error(inv.runbooksAt(), "runbooks", "is empty; add at least one runbook");
    }
    checkGivenIds(inv.runbooks(), d);
    List<Map.Entry<Runbook, RunbookInput>> prepared = new ArrayList<>();
    SharedProblems shared = new SharedProblems();
    for (RunbookInput in : inv.runbooks()) {
      Diagnostics own = new Diagnostics();
      Runbook rb = ws.prepare(in, null, own);
      own.all().forEach(x -> shared.add(x, in.label()));
      if (rb != null) {
        prepared.add(Map.entry(rb, in));
      }
    }
    shared.reportTo(d);
    Set<String> accounts = new HashSet<>();
    if (redact) {
      prepared.forEach(e -> collectAccounts(e.getKey(), accounts));
    }
    Redactor redactor = redact ? new Redactor(accounts) : Redactor.NONE;
    Map<String, Position> idAt = new HashMap<>();
    List<Runbook> withIds = assignIds(prepared, redactor, d, idAt);
    if (!d.hasErrors()) {
      checkPaths(kind, withIds, ws, d, idAt);
    }
    d.throwIfErrors();
    // Keep the inventory's settings, not its parsed entries: the runbooks hold what rendering
    // needs, and a large inventory's YAML tree is most of the memory a build would otherwise keep.
    ConfigLoader.Inventory settings =
        new ConfigLoader.Inventory(
            inv.title(),
            inv.baseUrl(),
            inv.baseUrlAt(),
            List.of(),
            inv.runbooksAt(),
            inv.templates(),
            inv.source(),
            List.of());
    return new Prepared(settings, ws, withIds, redactor, d.warnings());
  }

  private static ConfigLoader.Inventory inventory(ConfigLoader.Config config) {
    if (config instanceof ConfigLoader.Inventory inv) {
      return inv;
    }
    ConfigLoader.Single s = (ConfigLoader.Single) config;
    RunbookInput r = s.runbook();
    RunbookInput entry =
        new RunbookInput("runbook", r.id(), r.idAt(), r.pack(), r.packAt(), r.fields(), r.at());
    return new ConfigLoader.Inventory(
        "Runbooks",
        null,
        r.at(),
        List.of(entry),
        r.at(),
        s.templates(),
        r.at().source(),
        List.of());
  }

  private static void collectAccounts(Runbook rb, Set<String> accounts) {
    AwsContext aws = rb.params().aws();
    if (aws != null) {
      accounts.add(aws.account());
    }
    for (Object v : rb.params().values().values()) {
      for (Object item : v instanceof List<?> l ? l : v == null ? List.of() : List.of(v)) {
        if (item instanceof KmsKey k) {
          accounts.add(k.account());
        }
      }
    }
  }

  /**
   * The problems of every entry, with a problem of a value that many entries share (from {@code
   * defaults}, or a YAML alias) reported once, not once per entry.
   */
  private static final class SharedProblems {
    private record Key(
        Position where, String subject, dev.runwright.config.Severity severity, String msg) {}

    private final Map<Key, Diagnostic> first = new LinkedHashMap<>();
    private final Map<Key, Integer> count = new HashMap<>();

    void add(Diagnostic x, String label) {
      if (x.where() == null || x.where().isFlag()) {
        first.put(new Key(null, x.subject(), x.severity(), first.size() + ""), x);
        return;
      }
      String subject = x.subject();
      if (subject.startsWith(label)) {
        subject = subject.substring(label.length()).replaceFirst("^: ", "");
      }
      Key k = new Key(x.where(), subject, x.severity(), x.message());
      first.putIfAbsent(k, x);
      count.merge(k, 1, Integer::sum);
    }

    void reportTo(Diagnostics d) {
      first.forEach(
          (k, x) -> {
            int n = count.getOrDefault(k, 1);
            d.add(
                n == 1
                    ? x
                    : new Diagnostic(
                        x.severity(),
                        x.where(),
                        k.subject(),
                        x.message() + " (shared by " + n + " runbooks)"));
          });
    }
  }

  /** Gives each runbook its id: its own, checked, or one derived from its values. */
  private static List<Runbook> assignIds(
      List<Map.Entry<Runbook, RunbookInput>> runbooks,
      Redactor redactor,
      Diagnostics d,
      Map<String, Position> idAt) {
    Map<String, Runbook> byId = new HashMap<>();
    Map<String, String> givenId = new HashMap<>();
    Map<String, String> unmaskedById = new HashMap<>();
    List<Runbook> out = new ArrayList<>();
    for (Map.Entry<Runbook, RunbookInput> e : runbooks) {
      Runbook rb = e.getKey();
      RunbookInput in = e.getValue();
      String id;
      if (in.id() != null) {
        if (Ids.problem(in.id()) != null) {
          continue; // reported by checkGivenIds
        }
        id = redactor.slug(in.id());
      } else {
        Object policyName = rb.params().values().get("policyName");
        String pack = rb.chain().get(0).id();
        id = Ids.derive(rb.params().aws(), policyName, pack, redactor);
        String unmasked = Ids.derive(rb.params().aws(), policyName, pack, Redactor.NONE);
        if (unmaskedById.containsKey(id) && !unmasked.equals(unmaskedById.get(id))) {
          // Two accounts that end in the same four digits: masking alone must not make the
          // inventory invalid, so the later runbook gets a numbered id.
          String base = id;
          for (int n = 2; byId.containsKey(id); n++) {
            id = base + "-" + n;
          }
        }
        unmaskedById.putIfAbsent(id, unmasked);
      }
      Runbook first = byId.putIfAbsent(id, rb);
      if (first != null && in.id() != null && in.id().equals(givenId.get(id))) {
        continue; // the same id given twice, reported by checkGivenIds
      }
      if (in.id() != null) {
        givenId.putIfAbsent(id, in.id());
      }
      if (first != null) {
        d.error(
            rb.at(),
            rb.label(),
            "has the id \""
                + id
                + "\", like "
                + first.label()
                + "; give "
                + (in.id() != null ? "one of them another id" : "it an id of its own (id: ...)"));
        continue;
      }
      out.add(rb.withId(id));
      idAt.put(id, in.id() != null ? in.idAt() : rb.at());
    }
    return out;
  }

  /**
   * Reports every id the inventory gives that is not a slug or that another entry gives too,
   * including on entries with other errors, so that one run names every problem.
   */
  private static void checkGivenIds(List<RunbookInput> inputs, Diagnostics d) {
    Map<String, RunbookInput> first = new HashMap<>();
    for (RunbookInput in : inputs) {
      if (in.id() == null) {
        continue;
      }
      String problem = Ids.problem(in.id());
      if (problem != null) {
        d.error(in.idAt(), in.label() + ": id", problem);
        continue;
      }
      RunbookInput before = first.putIfAbsent(in.id(), in);
      if (before != null) {
        d.error(
            in.at(),
            in.label(),
            "has the id \""
                + in.id()
                + "\", like "
                + before.label()
                + "; give one of them another id");
      }
    }
  }

  /**
   * Refuses runbooks whose files would land on each other's, such as the wiki pages of ids {@code
   * orders} ({@code orders-role.md} for its role step) and {@code orders-role}.
   */
  private static void checkPaths(
      Kind kind, List<Runbook> runbooks, Workspace ws, Diagnostics d, Map<String, Position> idAt) {
    Map<String, Runbook> owner = new HashMap<>();
    for (String own :
        kind == Kind.SITE
            ? List.of("index.html", "404.html", "sitemap.xml")
            : List.of(kind.home(), kind.sidebar())) {
      owner.put(own, null);
    }
    for (Runbook rb : runbooks) {
      for (String path : ws.renderer().paths(rb, layout(kind, rb))) {
        if (owner.containsKey(path)) {
          Runbook other = owner.get(path);
          d.error(
              idAt.get(rb.id()),
              rb.label() + ": id",
              "\""
                  + rb.id()
                  + "\" would write "
                  + path
                  + ", which "
                  + (other == null ? "the site itself writes" : other.label() + " writes too")
                  + "; choose another id");
          break;
        }
        owner.put(path, rb);
      }
    }
  }

  private static Layout layout(Kind kind, Runbook rb) {
    return kind == Kind.SITE ? FolderLayout.site(rb.id()) : new WikiLayout(rb.id());
  }

  /**
   * Renders every runbook, the index and the shared files into {@code target}.
   *
   * @return the page to open first
   */
  public static String render(Prepared p, Kind kind, Target target, int jobs, Progress progress) {
    List<Runbook> runbooks = p.runbooks();
    IndexEntry[] entries = new IndexEntry[runbooks.size()];
    Set<String> pages = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicReference<Error> fatal =
        new java.util.concurrent.atomic.AtomicReference<>();
    RunbookRenderer.SiteInfo site = new RunbookRenderer.SiteInfo(p.inventory().title());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int threads = Math.max(1, Math.min(jobs, runbooks.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "runwright-render");
              t.setDaemon(true);
              return t;
            });
    try {
      for (int t = 0; t < threads; t++) {
        pool.execute(
            () -> {
              int i;
              while ((i = next.getAndIncrement()) < runbooks.size()) {
                try {
                  entries[i] = renderOne(p, kind, runbooks.get(i), site, target, pages);
                } catch (InvalidInputException | TemplateError e) {
                  failures.add(e);
                } catch (RuntimeException e) {
                  failures.add(e);
                  next.set(runbooks.size()); // a bug or an I/O failure: stop early
                } catch (Error e) {
                  fatal.compareAndSet(null, e); // out of memory, say: stop, report it once
                  next.set(runbooks.size());
                }
                progress.update(done.incrementAndGet(), runbooks.size());
              }
            });
      }
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // waiting for the workers
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new OutputException("interrupted");
    }
    if (fatal.get() != null) {
      throw fatal.get();
    }
    rethrow(failures);
    List<IndexEntry> index = new ArrayList<>(List.of(entries));
    index.sort(
        Comparator.comparing(IndexEntry::accountKey)
            .thenComparing(IndexEntry::region)
            .thenComparing(IndexEntry::id));
    return kind == Kind.SITE
        ? writeSiteFiles(p, index, pages, target)
        : writeWikiFiles(p, kind, index, target);
  }

  /** Reports every failed entry; a template error once, as it is the same for every entry. */
  private static void rethrow(ConcurrentLinkedQueue<RuntimeException> failures) {
    if (failures.isEmpty()) {
      return;
    }
    List<Diagnostic> input = new ArrayList<>();
    for (RuntimeException e : failures) {
      if (e instanceof InvalidInputException iie) {
        input.addAll(iie.diagnostics());
      } else {
        throw e;
      }
    }
    input.sort(
        Comparator.comparing((Diagnostic x) -> x.where() == null ? "" : x.where().source())
            .thenComparingInt(x -> x.where() == null ? 0 : x.where().line()));
    throw new InvalidInputException(input);
  }

  private static IndexEntry renderOne(
      Prepared p,
      Kind kind,
      Runbook rb,
      RunbookRenderer.SiteInfo site,
      Target target,
      Set<String> pages) {
    Layout layout = layout(kind, rb);
    Redactor redactor = p.redactor();
    String hash = rb.inputHash(redactor::text);
    // The wiki sidebar links every step; the site index only the first, so only wikis keep them.
    IndexEntry.StepLink[] steps = new IndexEntry.StepLink[rb.chain().size()];
    String[] overview = {null};
    String title =
        p.workspace()
            .renderer()
            .render(
                rb,
                layout,
                kind == Kind.SITE ? site : null,
                (path, text, mdTitle, step) -> {
                  String out = text;
                  if (layout.frontMatter() && mdTitle != null) {
                    out = frontMatter(rb, mdTitle, step, hash) + text;
                  }
                  if (path.endsWith(".html")) {
                    pages.add(path);
                  }
                  if (kind.isWiki() && mdTitle != null) {
                    String page = path.substring(0, path.length() - ".md".length());
                    if (step < 0) {
                      overview[0] = page;
                    } else if (step < steps.length && steps[step] == null) {
                      String name = rb.chain().get(step).stepTitle();
                      steps[step] =
                          new IndexEntry.StepLink(
                              redactor.text(name != null ? name : mdTitle), page);
                    }
                  }
                  target.write(path, redactor.text(out).getBytes(StandardCharsets.UTF_8));
                });
    String first = kind == Kind.SITE ? rb.id() + "/index.html" : rb.id();
    List<IndexEntry.StepLink> links = new ArrayList<>();
    for (IndexEntry.StepLink l : steps) {
      if (l != null) {
        links.add(l);
      }
    }
    return entry(rb, redactor.text(title), first, redactor, overview[0], List.copyOf(links));
  }

  private static IndexEntry entry(
      Runbook rb,
      String title,
      String href,
      Redactor redactor,
      String overview,
      List<IndexEntry.StepLink> steps) {
    AwsContext aws = rb.params().aws();
    Map<String, Object> v = rb.params().values();
    String account = aws == null ? "" : redactor.text(aws.account());
    String region = aws == null ? "" : aws.region().code();
    String policy = v.get("policyName") == null ? null : v.get("policyName").toString();
    int keys = v.get("keys") instanceof List<?> l ? l.size() : 0;
    String description =
        v.get("description") == null ? null : redactor.text(v.get("description").toString());
    String search =
        String.join(
                " ",
                rb.id(),
                title,
                account,
                region,
                aws == null ? "" : aws.region().name(),
                policy == null ? "" : policy,
                description == null ? "" : description,
                rb.chain().get(0).id(),
                aws == null ? "" : aws.partition().id(),
                searchable(v.get("keys"), redactor),
                searchable(v.get("clusterId"), redactor),
                searchable(v.get("roleName"), redactor))
            .toLowerCase(Locale.ROOT);
    return new IndexEntry(
        rb.id(),
        title,
        href,
        aws == null ? "" : aws.account(),
        account,
        region,
        aws == null ? "" : aws.region().name(),
        aws == null ? "" : aws.partition().id(),
        rb.chain().get(0).id(),
        policy,
        keys,
        description,
        search,
        overview,
        steps);
  }

  /** A value as the filter box matches it: keys by ID and ARN, everything else as text. */
  private static String searchable(Object value, Redactor redactor) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (Object o : list) {
        sb.append(searchable(o, redactor)).append(' ');
      }
      return sb.toString().strip();
    }
    if (value instanceof dev.runwright.aws.KmsKey k) {
      return k.keyId() + " " + redactor.text(k.arn());
    }
    return redactor.text(value.toString());
  }

  /** YAML front matter for Hugo, JBake and MkDocs: what the runbook is about, and its origin. */
  private static String frontMatter(Runbook rb, String title, int step, String hash) {
    StringBuilder sb = new StringBuilder(512).append("---\n");
    Set<String> written = new HashSet<>();
    yaml(sb, written, "title", title);
    yaml(sb, written, "runbook", rb.id());
    yaml(sb, written, "step", step < 0 ? "overview" : String.valueOf(step + 1));
    sb.append("weight: ").append(step < 0 ? 0 : step + 1).append('\n');
    yaml(sb, written, "pack", step < 0 ? rb.chain().get(0).id() : rb.chain().get(step).id());
    AwsContext aws = rb.params().aws();
    if (aws != null) {
      yaml(sb, written, "account", aws.account());
      yaml(sb, written, "region", aws.region().code());
      yaml(sb, written, "partition", aws.partition().id());
    }
    rb.params().values().forEach((k, v) -> yaml(sb, written, k, v));
    yaml(sb, written, "type", "page");
    yaml(sb, written, "status", "published");
    yaml(sb, written, "generator", "Runwright " + Version.get());
    yaml(sb, written, "inputHash", hash);
    return sb.append("---\n\n").toString();
  }

  /** One front-matter key with a text value or a list of them, each double-quoted. */
  private static void yaml(StringBuilder sb, Set<String> written, String key, Object value) {
    if (value == null || !written.add(key)) {
      return;
    }
    sb.append(key).append(':');
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append(" []\n");
        return;
      }
      sb.append('\n');
      for (Object item : list) {
        sb.append("  - ").append(yamlString(String.valueOf(item))).append('\n');
      }
    } else {
      sb.append(' ').append(yamlString(String.valueOf(value))).append('\n');
    }
  }

  /** A YAML double-quoted scalar: JSON's escapes, plus the line breaks YAML knows beyond JSON. */
  static String yamlString(String s) {
    return Escape.jsonString(s)
        .replace("\u0085", "\\N")
        .replace("\u2028", "\\L")
        .replace("\u2029", "\\P");
  }

  private static String writeSiteFiles(
      Prepared p, List<IndexEntry> index, Set<String> pages, Target target) {
    Workspace ws = p.workspace();
    ConfigLoader.Inventory inv = p.inventory();
    Map<String, Object> model = new HashMap<>();
    model.put("site", siteModel(inv, index));
    model.put("groups", groups(index));
    model.put("entries", index);
    model.put("generator", "Runwright " + Version.get());
    String indexHtml = ws.engine().render("site/index.html.ftlh", model);
    target.write("index.html", p.redactor().text(indexHtml).getBytes(StandardCharsets.UTF_8));
    String notFound = ws.engine().render("site/404.html.ftlh", model);
    target.write("404.html", p.redactor().text(notFound).getBytes(StandardCharsets.UTF_8));
    for (String file : Assets.FILES) {
      target.write("assets/" + file, Assets.bytes(ws.roots(), file));
    }
    if (inv.baseUrl() != null) {
      writeSitemaps(p, pages, target);
    }
    return "index.html";
  }

  private static Map<String, Object> siteModel(ConfigLoader.Inventory inv, List<IndexEntry> index) {
    Map<String, Object> site = new HashMap<>();
    site.put("title", inv.title());
    site.put("baseUrl", inv.baseUrl());
    site.put("count", index.size());
    // The index speaks of KMS keys only when every runbook is of the built-in KMS kind.
    site.put("kmsOnly", index.stream().allMatch(e -> e.pack().equals(PackCatalog.DEFAULT_PACK)));
    return site;
  }

  /** Sitemaps of every page, split into files of at most 50,000 addresses with an index. */
  private static void writeSitemaps(Prepared p, Set<String> pages, Target target) {
    String base = p.inventory().baseUrl();
    List<String> urls = new ArrayList<>();
    urls.add(base);
    List<String> sorted = new ArrayList<>(pages);
    sorted.sort(null);
    for (String page : sorted) {
      urls.add(
          base
              + (page.endsWith("/index.html")
                  ? page.substring(0, page.length() - "index.html".length())
                  : page));
    }
    Workspace ws = p.workspace();
    if (urls.size() <= SITEMAP_LIMIT) {
      target.write("sitemap.xml", sitemap(ws, urls, false, p.redactor()));
      return;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i * SITEMAP_LIMIT < urls.size(); i++) {
      String name = "sitemap-" + (i + 1) + ".xml";
      List<String> chunk =
          urls.subList(i * SITEMAP_LIMIT, Math.min(urls.size(), (i + 1) * SITEMAP_LIMIT));
      target.write(name, sitemap(ws, chunk, false, p.redactor()));
      parts.add(base + name);
    }
    target.write("sitemap.xml", sitemap(ws, parts, true, p.redactor()));
  }

  private static byte[] sitemap(Workspace ws, List<String> urls, boolean isIndex, Redactor r) {
    Map<String, Object> m = new HashMap<>();
    m.put("urls", urls);
    m.put("isIndex", isIndex);
    return r.text(ws.engine().render("site/sitemap.xml.ftlx", m)).getBytes(StandardCharsets.UTF_8);
  }

  private static String writeWikiFiles(
      Prepared p, Kind kind, List<IndexEntry> index, Target target) {
    Workspace ws = p.workspace();
    Map<String, Object> model = new HashMap<>();
    model.put("site", siteModel(p.inventory(), index));
    model.put("groups", groups(index));
    model.put("entries", index);
    model.put("generator", "Runwright " + Version.get());
    model.put("home", WikiLayout.pageName(kind.home()));
    target.write(
        kind.home(),
        p.redactor()
            .text(ws.engine().render("wiki/Home.md.ftl", model))
            .getBytes(StandardCharsets.UTF_8));
    target.write(
        kind.sidebar(),
        p.redactor()
            .text(ws.engine().render("wiki/_Sidebar.md.ftl", model))
            .getBytes(StandardCharsets.UTF_8));
    return kind.home();
  }

  /** The index grouped by account, then Region, both in order. */
  private static List<Map<String, Object>> groups(List<IndexEntry> index) {
    Map<String, Map<String, List<IndexEntry>>> byAccount = new TreeMap<>();
    for (IndexEntry e : index) {
      byAccount
          .computeIfAbsent(e.accountKey(), k -> new TreeMap<>())
          .computeIfAbsent(e.region(), k -> new ArrayList<>())
          .add(e);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byAccount.forEach(
        (account, regions) -> {
          List<Map<String, Object>> rs = new ArrayList<>();
          int count = 0;
          for (var r : regions.entrySet()) {
            IndexEntry first = r.getValue().get(0);
            Map<String, Object> rm = new HashMap<>();
            rm.put("region", r.getKey());
            rm.put("regionName", first.regionName());
            rm.put("partition", first.partition());
            rm.put("entries", r.getValue());
            rs.add(rm);
            count += r.getValue().size();
          }
          Map<String, Object> am = new HashMap<>();
          am.put("account", regions.values().iterator().next().get(0).account());
          am.put("regions", rs);
          am.put("count", count);
          out.add(am);
        });
    return out;
  }
}
