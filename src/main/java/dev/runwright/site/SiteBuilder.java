package dev.runwright.site;

import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.core.BuildDate;
import dev.runwright.core.Inputs;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.core.RunbookRenderer;
import dev.runwright.core.Version;
import dev.runwright.core.Workspace;
import dev.runwright.io.OutputException;
import dev.runwright.model.SiteModel;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.render.FormLabels;
import dev.runwright.render.MarkdownRenderer;
import dev.runwright.render.TemplateError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes an inventory to a target, top to bottom: read the inventory, validate every entry,
 * render the entries in parallel into a staging folder, write the target's own files (an index, a
 * home page), and publish the whole folder at once. The same steps serve every {@link
 * PublishTarget}; {@code check} runs them into a comparison instead of a folder.
 */
public final class SiteBuilder {
  private SiteBuilder() {}

  /** Told how far a long build is. */
  public interface Progress {
    void update(int done, int total);

    /** Told, in one line, that a SIGINT or SIGTERM stopped the build and what it cleaned up. */
    default void interrupted(String line) {}

    Progress NONE = (done, total) -> {};
  }

  /**
   * What to build.
   *
   * @param target where to publish
   * @param input the inventory
   * @param out the output folder
   * @param outName the output folder as the user typed it
   * @param force publish into a folder Runwright did not publish before
   * @param redact mask account IDs except their last four digits
   * @param followUps whether each runbook carries all its steps
   * @param jobs how many threads render runbooks
   * @param progress told how far the build is
   */
  public record Request(
      PublishTarget target,
      Inputs.Request input,
      Path out,
      String outName,
      boolean force,
      boolean redact,
      boolean followUps,
      int jobs,
      Progress progress) {}

  /**
   * What a build did.
   *
   * @param runbooks how many runbooks it built
   * @param files how many files it published
   * @param kept what it did with the user's own files in the folder: kept or replaced
   * @param start the page to open first, relative to the output folder
   * @param warnings problems that did not stop the build
   * @param notes things the user should know
   * @param timings milliseconds spent in each phase, for {@code --verbose}
   */
  public record Result(
      int runbooks,
      int files,
      Carried kept,
      String start,
      List<Diagnostic> warnings,
      List<String> notes,
      Map<String, Long> timings) {}

  /**
   * An inventory, validated: every runbook with its id.
   *
   * @param runbooks the runbooks; a large inventory's are prepared again each time one is asked
   *     for, so go through them once, in order or in parallel
   * @param notes what the runbooks' notes say, once per note ({@link RunbookNotes})
   */
  public record Prepared(
      ConfigLoader.Inventory inventory,
      Workspace workspace,
      List<Runbook> runbooks,
      Redactor redactor,
      List<Diagnostic> warnings,
      List<String> notes) {}

  /**
   * Builds and publishes.
   *
   * @throws InvalidInputException when an entry is wrong; the published folder is unchanged
   * @throws TemplateError when a template fails; the published folder is unchanged
   * @throws OutputException when the folder cannot be published; it is unchanged
   */
  public static Result build(Request req) {
    long t0 = System.nanoTime();
    Publisher.check(req.out(), req.outName(), req.force(), req.target().acceptsGitClone());
    Prepared prepared = prepare(req.target(), req.input(), req.redact(), req.followUps());
    if (prepared.runbooks().size() > Fleet.KEEP) {
      // Checking a large inventory left its tables (tens of MB at 100,000 runbooks) as garbage in
      // the old generation, which the serial collector would not look at again: one collection
      // now lets rendering reuse that memory instead of growing the heap past it.
      System.gc();
    }
    long t1 = System.nanoTime();
    Publisher publisher = Publisher.open(req.out(), req.outName(), req.progress()::interrupted);
    String start;
    try {
      start = render(prepared, req.target(), publisher, req.out(), req.jobs(), req.progress());
    } catch (RuntimeException | Error e) {
      publisher.abort();
      throw e;
    }
    long t2 = System.nanoTime();
    Carried kept = publisher.commit();
    long t3 = System.nanoTime();
    Map<String, Long> timings = new LinkedHashMap<>();
    timings.put("read and validate", (t1 - t0) / 1_000_000);
    timings.put("render and write", (t2 - t1) / 1_000_000);
    timings.put("publish", (t3 - t2) / 1_000_000);
    List<String> notes = new ArrayList<>(prepared.notes());
    notes.addAll(publisher.notes());
    return new Result(
        prepared.runbooks().size(),
        publisher.count(),
        kept,
        start,
        prepared.warnings(),
        notes,
        timings);
  }

  /**
   * Reads and validates an inventory for {@code target}, giving every runbook its id.
   *
   * @throws InvalidInputException with every problem of every entry
   */
  public static Prepared prepare(
      PublishTarget target, Inputs.Request input, boolean redact, boolean followUps) {
    return prepare(target, Inputs.route(input, true), redact, followUps, input.strict());
  }

  /**
   * As {@link #prepare(PublishTarget, Inputs.Request, boolean, boolean)}, for input already read.
   */
  public static Prepared prepare(
      PublishTarget target,
      Inputs.Routed routed,
      boolean redact,
      boolean followUps,
      boolean strict) {
    return Fleet.prepare(target, routed, redact, followUps, strict);
  }

  /**
   * Renders every runbook and the target's own files into {@code out}.
   *
   * @param folder the output folder, for targets that look at what is there
   * @return the page to open first
   */
  public static String render(
      Prepared p, PublishTarget target, Target out, Path folder, int jobs, Progress progress) {
    List<Runbook> runbooks = p.runbooks();
    // What the index and the search index keep of each runbook waits on disk, not in memory.
    try (IndexStore entries = new IndexStore(runbooks.size());
        SearchIndex search = new SearchIndex()) {
      return render(p, target, out, folder, jobs, progress, entries, search);
    }
  }

  private static String render(
      Prepared p,
      PublishTarget target,
      Target out,
      Path folder,
      int jobs,
      Progress progress,
      IndexStore entries,
      SearchIndex search) {
    List<Runbook> runbooks = p.runbooks();
    // Every page's path is for the sitemap, which only a site with a base URL has: 400,000 paths
    // of a large build are not kept for nothing.
    Set<String> pages = p.inventory().baseUrl() == null ? null : ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    AtomicReference<Error> fatal = new AtomicReference<>();
    SiteModel site =
        target.siteHeader() ? new SiteModel(p.inventory().title(), p.inventory().editUrl()) : null;
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
                  entries.put(i, renderOne(p, target, runbooks.get(i), site, out, pages, search));
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
    List<IndexEntry> index = entries.sorted();
    List<String> sortedPages = pages == null ? new ArrayList<>() : new ArrayList<>(pages);
    sortedPages.sort(null);
    return target.writeShared(new PublishTarget.Shared(p, index, sortedPages, folder, search), out);
  }

  /** The model of the index, 404 and home page templates. */
  static IndexModel indexModel(Prepared p, List<IndexEntry> index, String home) {
    ConfigLoader.Inventory inv = p.inventory();
    return new IndexModel(
        new IndexModel.Site(inv.title(), inv.baseUrl(), index.size()),
        IndexEntries.groups(index),
        index,
        "Runwright " + Version.get(),
        home,
        BuildDate.fromEnvironment(),
        inv.editUrl());
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
      PublishTarget target,
      Runbook rb,
      SiteModel site,
      Target out,
      Set<String> pages,
      SearchIndex search) {
    Layout layout = target.layout(rb);
    Redactor redactor = p.redactor();
    Runbook shown = rb;
    Map<String, String> checked = null;
    if (redactor.active()) {
      // The real runbook goes through every check (its policies linted) first; what is published
      // is rendered from its redacted values, and each policy or other machine-readable document
      // must be the checked one with only the accounts masked: so a published policy never grants
      // more than a checked one. (Markdown and HTML escape the placeholder, so they differ.)
      Map<String, String> real = new HashMap<>();
      p.workspace()
          .renderer()
          .render(
              rb,
              layout,
              site,
              (path, text, mdTitle, step) -> {
                if (isMachineReadable(path)) {
                  real.put(path, text);
                }
              });
      checked = real;
      shown = redactor.runbook(rb);
    }
    Runbook published = shown;
    Map<String, String> mustMatch = checked;
    int n = rb.steps().size();
    String[] stepPage = new String[n + 1]; // the first page (or runbook) of each step; 0: overview
    String[] stepTitle = new String[n + 1];
    SearchIndex.Collector searchable = search.runbook(published, redactor);
    boolean[] anyPage = {false};
    Map<String, DocumentSpec> formDocs = IndexEntries.formDocuments(rb, layout);
    List<IndexEntry.FormFile> files = new ArrayList<>();
    RunbookRenderer.Sink sink =
        new RunbookRenderer.Sink() {
          @Override
          public void outline(String path, int step, List<MarkdownRenderer.Section> sections) {
            searchable.page(path, step, sections);
            anyPage[0] = true;
          }

          @Override
          public void accept(String path, String text, String mdTitle, int step) {
            if (mustMatch != null && isMachineReadable(path)) {
              redactor.checkSame(rb.label() + ": " + path, mustMatch.get(path), text);
            }
            String doc =
                target.publish(
                    new PublishTarget.PublishedDocument(
                        published, path, text, mdTitle, step, null));
            DocumentSpec form = step == Layout.OVERVIEW ? formDocs.get(path) : null;
            if (form != null) {
              files.add(
                  new IndexEntry.FormFile(
                      form.form(),
                      FormLabels.of(form.form()),
                      form.path().substring(form.path().lastIndexOf('/') + 1),
                      layout.link("index.html", path)));
            }
            boolean page = path.endsWith(".html");
            if (page && pages != null) {
              pages.add(path);
            }
            if (mdTitle != null && stepTitle[step] == null) {
              stepTitle[step] = mdTitle;
            }
            if (page
                ? stepPage[step] == null || !stepPage[step].endsWith(".html")
                : mdTitle != null && stepPage[step] == null) {
              stepPage[step] = page ? path : WikiLayout.pageName(path);
            }
            out.write(path, redactor.published(path, doc).getBytes(StandardCharsets.UTF_8));
          }
        };
    String title = p.workspace().renderer().render(published, layout, site, sink);
    List<IndexEntry.StepLink> links = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      if (stepPage[i] != null) {
        String name = rb.steps().get(i - 1).pack().stepTitle();
        links.add(
            new IndexEntry.StepLink(
                redactor.text(name != null ? name : stepTitle[i]), stepPage[i]));
      }
    }
    int entryStep = rb.hasOverview() ? Layout.OVERVIEW : 1;
    String href = stepPage[entryStep] != null ? stepPage[entryStep] : rb.id();
    String shownTitle = stepTitle[entryStep] != null ? stepTitle[entryStep] : title;
    if (anyPage[0]) {
      searchable.done(shownTitle);
    }
    return IndexEntries.entry(rb, redactor.text(shownTitle), href, redactor, links, files);
  }

  /**
   * A policy, or another document that holds values as they are: not Markdown or a page (HTML, or
   * Confluence's XHTML storage format), which escape the placeholder.
   */
  private static boolean isMachineReadable(String path) {
    return !path.endsWith(".md") && !path.endsWith(".html") && !path.endsWith(".xml");
  }
}
