package dev.runwright.site;

import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.io.SpillFile;
import dev.runwright.render.Escape;
import dev.runwright.render.MarkdownRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static site's search index, {@code search-index.js}: a script that assigns the data to {@code
 * window.RUNWRIGHT_SEARCH}, because a page opened from {@code file://} may load a script but not
 * fetch a JSON file. The page's script (with MiniSearch) searches it in the browser; nothing is
 * sent anywhere.
 *
 * <p>It is built while the runbooks render, one small record per runbook, never holding a page:
 * each page contributes its sections (heading, anchor and words, {@link SearchText}), and sections
 * and pages that read the same in many runbooks are stored once. For the 40,000 pages of 10,000
 * runbooks the file stays a few megabytes (see the README). Thread-safe: runbooks are added from
 * the rendering threads; ids are given in the index's order when the file is written, so the same
 * input gives the same bytes.
 *
 * <pre>{@code
 * {"v":1,
 *  "pages":   [["kms/index.html","Step 1: Create the IAM policy"], ...],  // path in the runbook
 *  "sections":[["check-it","Check it","aws get iam policy ..."], ...],   // anchor, heading, words
 *  "shapes":  [[0,4,5,9], ...],                                          // a page's sections
 *  "runbooks":[["prod-use1","title","111122223333 · us-east-1","words",[page,shape,...]], ...]}
 * }</pre>
 */
public final class SearchIndex implements java.io.Closeable {
  /** Where the site publishes the index, relative to its root. */
  public static final String FILE = "search-index.js";

  private final Interner<String> pages = new Interner<>();
  private final Interner<String> sections = new Interner<>();
  private final Interner<String> shapes = new Interner<>();
  // Each runbook's record waits on disk until the script is written: only its offset stays here.
  private final SpillFile spill = SpillFile.create();
  private final Map<String, Long> runbooks = new ConcurrentHashMap<>();

  /** One runbook in the index; {@code pages} holds pairs of page and shape ids. */
  record Entry(String id, String title, String meta, String terms, int[] pages) {
    /** The entry as the fields of a {@link SpillFile} record. */
    List<String> fields() {
      StringBuilder ids = new StringBuilder(pages.length * 4);
      for (int p : pages) {
        ids.append(ids.length() == 0 ? "" : ",").append(p);
      }
      return List.of(id, title, meta, terms, ids.toString());
    }

    /** The entry {@link #fields} gave. */
    static Entry of(List<String> f) {
      String ids = f.get(4);
      int[] pages =
          ids.isEmpty()
              ? new int[0]
              : java.util.Arrays.stream(ids.split(",")).mapToInt(Integer::parseInt).toArray();
      return new Entry(f.get(0), f.get(1), f.get(2), f.get(3), pages);
    }
  }

  /** Collects the pages of one runbook, on the thread that renders it. */
  public final class Collector {
    private final Runbook rb;
    private final Redactor redactor;
    private final List<Integer> refs = new ArrayList<>();
    private final List<List<MarkdownRenderer.Section>> outlines = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    private Collector(Runbook rb, Redactor redactor) {
      this.rb = rb;
      this.redactor = redactor;
    }

    /**
     * Adds a page.
     *
     * @param path where it is published, relative to the site
     * @param step its step, or {@link Layout#OVERVIEW}
     * @param sections its sections, as the Markdown renderer found them
     */
    public void page(String path, int step, List<MarkdownRenderer.Section> sections) {
      String prefix = rb.id() + "/";
      String rel = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
      String name = step == Layout.OVERVIEW ? null : rb.steps().get(step - 1).pack().stepTitle();
      String label =
          step == Layout.OVERVIEW ? "Overview" : "Step " + step + (name == null ? "" : ": " + name);
      labels.add(rel + "\n" + redactor.text(label));
      outlines.add(sections);
    }

    /** Adds the runbook, titled as the site index titles it. */
    public void done(String title) {
      SearchText text = SearchText.of(rb, title, redactor);
      int[] out = new int[labels.size() * 2];
      for (int p = 0; p < labels.size(); p++) {
        out[2 * p] = pages.intern(labels.get(p));
        out[2 * p + 1] = shapes.intern(shape(text, outlines.get(p)));
      }
      var aws = rb.params().aws();
      String meta = aws == null ? "" : redactor.text(aws.account()) + " · " + aws.region().code();
      String shownTitle = redactor.text(title);
      Entry entry =
          new Entry(rb.id(), shownTitle, meta, text.valueTerms(rb.id(), shownTitle, meta), out);
      runbooks.put(rb.id(), spill.append(entry.fields()));
      outlines.clear();
    }

    /** The page's sections, interned, as a list of ids: the page's shape. */
    private String shape(SearchText text, List<MarkdownRenderer.Section> page) {
      StringBuilder ids = new StringBuilder();
      String top = "";
      for (MarkdownRenderer.Section s : page) {
        if (s.level() <= 1) {
          // The title and what comes before the first section lead to the page itself.
          top = top + " " + s.heading() + " " + s.text();
          continue;
        }
        append(ids, s.id(), s.heading(), text.textTerms(s.heading() + "\n" + s.text()));
      }
      String topKey = key("", "", text.textTerms(top));
      return sections.intern(topKey) + (ids.length() == 0 ? "" : "," + ids);
    }

    private void append(StringBuilder ids, String anchor, String heading, String terms) {
      if (ids.length() > 0) {
        ids.append(',');
      }
      ids.append(sections.intern(key(anchor, redactor.text(heading), terms)));
    }
  }

  private static String key(String anchor, String heading, String terms) {
    return anchor + "\n" + heading + "\n" + terms;
  }

  /** A collector for the pages of {@code rb}. */
  public Collector runbook(Runbook rb, Redactor redactor) {
    return new Collector(rb, redactor);
  }

  /** Whether any runbook has pages in the index. */
  public boolean isEmpty() {
    return runbooks.isEmpty();
  }

  /**
   * The script, with the runbooks in {@code order} (the site index's) and every table numbered in
   * the order the runbooks first use its rows.
   */
  public String script(List<IndexEntry> order, Redactor redactor) {
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      script(order, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
    }
    return redactor.text(out.toString());
  }

  /**
   * Writes the script to {@code out} as {@link #script(List, Redactor)} makes it (unmasked), in two
   * passes over the runbooks' records: one to number the tables, one to write the runbooks after
   * them, so that the script is never held.
   */
  public void script(List<IndexEntry> order, java.io.Writer out) throws java.io.IOException {
    Renumber pageIds = new Renumber();
    Renumber shapeIds = new Renumber();
    Renumber sectionIds = new Renumber();
    for (IndexEntry e : order) {
      Entry r = entry(e);
      if (r != null) {
        for (int i = 0; i < r.pages().length; i += 2) {
          pageIds.id(r.pages()[i]);
          shapeIds.id(r.pages()[i + 1]);
        }
      }
    }
    List<int[]> shapeSections = new ArrayList<>();
    for (int provisional : shapeIds.order) {
      String[] ids = shapes.get(provisional).split(",");
      int[] mine = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        mine[i] = sectionIds.id(Integer.parseInt(ids[i]));
      }
      shapeSections.add(mine);
    }
    out.write(
        "/* Runwright's search index: every runbook of this site, read by runwright-search.js."
            + " */\nwindow.RUNWRIGHT_SEARCH = {\"v\":1,\n\"pages\":[");
    for (int i = 0; i < pageIds.order.size(); i++) {
      String[] p = pages.get(pageIds.order.get(i)).split("\n", 2);
      out.write((i == 0 ? "[" : ",\n[") + str(p[0]) + ',' + str(p[1]) + ']');
    }
    out.write("],\n\"sections\":[");
    for (int i = 0; i < sectionIds.order.size(); i++) {
      String[] x = sections.get(sectionIds.order.get(i)).split("\n", 3);
      out.write((i == 0 ? "[" : ",\n[") + str(x[0]) + ',' + str(x[1]) + ',' + str(x[2]) + ']');
    }
    out.write("],\n\"shapes\":[");
    for (int s = 0; s < shapeSections.size(); s++) {
      StringBuilder line = new StringBuilder(s == 0 ? "[" : ",\n[");
      int[] ids = shapeSections.get(s);
      for (int i = 0; i < ids.length; i++) {
        line.append(i == 0 ? "" : ",").append(ids[i]);
      }
      out.write(line.append(']').toString());
    }
    out.write("],\n\"runbooks\":[\n");
    boolean first = true;
    for (IndexEntry e : order) {
      Entry r = entry(e);
      if (r == null) {
        continue;
      }
      StringBuilder rb = new StringBuilder(first ? "[" : ",\n[");
      first = false;
      rb.append(str(r.id())).append(',').append(str(r.title())).append(',');
      rb.append(str(r.meta())).append(',').append(str(r.terms())).append(",[");
      for (int i = 0; i < r.pages().length; i += 2) {
        rb.append(i == 0 ? "" : ",").append(pageIds.id(r.pages()[i]));
        rb.append(',').append(shapeIds.id(r.pages()[i + 1]));
      }
      out.write(rb.append("]]").toString());
    }
    out.write("]};\n");
  }

  private Entry entry(IndexEntry e) {
    Long at = runbooks.get(e.id());
    return at == null ? null : Entry.of(spill.read(at));
  }

  /** Removes the records kept on disk. */
  @Override
  public void close() {
    spill.close();
  }

  private static String str(String s) {
    return Escape.jsonString(s);
  }

  /** Gives each distinct value an id, from any thread. */
  private static final class Interner<T> {
    private final Map<T, Integer> ids = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    synchronized int intern(T value) {
      Integer id = ids.get(value);
      if (id == null) {
        id = values.size();
        ids.put(value, id);
        values.add(value);
      }
      return id;
    }

    synchronized T get(int id) {
      return values.get(id);
    }
  }

  /** Final ids, in the order of first use. */
  private static final class Renumber {
    final Map<Integer, Integer> ids = new HashMap<>();
    final List<Integer> order = new ArrayList<>();

    int id(int provisional) {
      return ids.computeIfAbsent(
          provisional,
          p -> {
            order.add(p);
            return order.size() - 1;
          });
    }
  }
}
