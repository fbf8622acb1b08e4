package dev.runwright.site;

import dev.runwright.aws.AwsContext;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Confluence pages of one runbook, known before anything is rendered: key, title, parent and
 * labels. Titles must be unique in a space, so each starts with the runbook's id ({@code prod-use1
 * · Create the IAM policy}); they come from the packs' step and procedure names, so that a page can
 * link to a page not rendered yet. Pages form a tree: the home page, each runbook's overview under
 * it, the steps under their overview.
 */
final class ConfluencePages {
  private ConfluencePages() {}

  /** The home page's key; "home" is not a runbook id ({@link Ids#RESERVED}). */
  static final String HOME = "home";

  /** The label every page Runwright publishes carries. */
  static final String LABEL = "runwright";

  /**
   * One page.
   *
   * @param key its stable key, the file name without {@code .xml}
   * @param title its title
   * @param parentKey its parent's key
   * @param labels its labels
   */
  record Page(String key, String title, String parentKey, List<String> labels) {}

  /** The pages of {@code rb}, by key, in the order the runbook renders them. */
  static Map<String, Page> of(Runbook rb) {
    ConfluenceLayout layout = new ConfluenceLayout(rb.id());
    Map<String, Page> out = new LinkedHashMap<>();
    String overview = null;
    if (rb.hasOverview()) {
      PackManifest head = rb.head();
      String name = head.procedureTitle() != null ? head.procedureTitle() : head.title();
      overview = add(out, rb, layout, Layout.OVERVIEW, rb.overview(), name, HOME, head);
    }
    for (Runbook.Step s : rb.steps()) {
      PackManifest pack = s.pack();
      String name = pack.stepTitle() != null ? pack.stepTitle() : pack.title();
      add(
          out,
          rb,
          layout,
          s.number(),
          s.documents(),
          name,
          overview != null ? overview : HOME,
          pack);
    }
    return out;
  }

  /** Adds a step's (or the overview's) pages; returns the key of its first. */
  private static String add(
      Map<String, Page> out,
      Runbook rb,
      ConfluenceLayout layout,
      int step,
      List<DocumentSpec> docs,
      String name,
      String parent,
      PackManifest pack) {
    String first = null;
    for (DocumentSpec d : docs) {
      String key = layout.key(rb, step, d);
      if (key == null) {
        continue;
      }
      boolean isFirst = ConfluenceLayout.isFirst(docs, d);
      String title = rb.id() + " · " + name + (isFirst ? "" : " · " + d.id());
      out.put(
          key, new Page(key, title, isFirst || first == null ? parent : first, labels(rb, pack)));
      if (isFirst) {
        first = key;
      }
    }
    return first;
  }

  /**
   * {@code runwright}, the pack, and the account's last four digits and Region when it has them.
   */
  static List<String> labels(Runbook rb, PackManifest pack) {
    List<String> out = new ArrayList<>(List.of(LABEL, label(pack.id())));
    AwsContext aws = rb.params().aws();
    if (aws != null) {
      String account = aws.account();
      out.add("account-" + account.substring(Math.max(0, account.length() - 4)));
      out.add(label(aws.region().code()));
    }
    return out;
  }

  /** A value as Confluence keeps a label: lower case, and '-' for what a label cannot hold. */
  private static String label(String s) {
    String l = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[-_]+", "");
    return l.isEmpty() ? "pack" : l.length() > 100 ? l.substring(0, 100) : l;
  }
}
