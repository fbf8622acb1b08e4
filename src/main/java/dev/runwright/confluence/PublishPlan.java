package dev.runwright.confluence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a publish would do, found with reads only: the managed pages under the parent (walked down
 * through managed pages only, so another team's page tree is not crawled), then each bundle page in
 * tree order (home first, then each level sorted by key, so parents come before children).
 */
final class PublishPlan {
  /** One bundle page with what Confluence holds for it (null: not there). */
  record Step(PlanItem item, BundlePage page, RemotePage remote, boolean writePage) {}

  private final List<PlanItem> items = new ArrayList<>();
  private final List<Step> writes = new ArrayList<>();
  private final Map<String, String> ids = new HashMap<>();
  private final List<String> conflicts = new ArrayList<>();

  private PublishPlan() {}

  static PublishPlan make(ContentApi api, String rootId, List<BundlePage> pages) {
    PublishPlan plan = new PublishPlan();
    Map<String, RemotePage> managed = new TreeMap<>();
    Map<String, List<RemotePage>> twins = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(rootId));
    Set<String> seen = new HashSet<>(List.of(rootId));
    while (!queue.isEmpty()) {
      for (RemotePage c : api.children(queue.poll())) {
        if (c.marker() == null || !seen.add(c.id())) {
          continue;
        }
        queue.add(c.id());
        RemotePage first = managed.putIfAbsent(c.marker().key(), c);
        if (first != null) {
          twins.computeIfAbsent(c.marker().key(), k -> new ArrayList<>(List.of(first))).add(c);
        }
      }
    }
    managed.forEach((k, r) -> plan.ids.put(k, r.id()));
    Set<String> managedIds = new HashSet<>(plan.ids.values());
    Set<String> inBundle = new HashSet<>();
    for (BundlePage p : treeOrder(pages)) {
      inBundle.add(p.key());
      plan.add(api, rootId, p, managed, twins.get(p.key()), managedIds);
    }
    managed.forEach(
        (key, r) -> {
          if (!inBundle.contains(key)) {
            plan.items.add(
                new PlanItem(
                    PlanItem.Action.LEFT_ALONE,
                    key,
                    r.title(),
                    r.id(),
                    "no longer in the bundle; Runwright never deletes a page: delete it by hand if"
                        + " it should go"));
          }
        });
    return plan;
  }

  private void add(
      ContentApi api,
      String rootId,
      BundlePage p,
      Map<String, RemotePage> managed,
      List<RemotePage> twins,
      Set<String> managedIds) {
    if (twins != null) {
      List<String> all = twins.stream().map(RemotePage::id).sorted().toList();
      conflict(
          p,
          null,
          "pages "
              + String.join(", ", all)
              + " all carry this key (one was copied?);"
              + " remove the runwright property from the copies, or delete them");
      return;
    }
    RemotePage r = managed.get(p.key());
    if (r == null) {
      String taken = titleTaken(api, p, p.title(), managedIds);
      if (taken != null) {
        conflict(p, null, taken);
        return;
      }
      PlanItem item = new PlanItem(PlanItem.Action.CREATE, p.key(), p.title(), null, "");
      items.add(item);
      writes.add(new Step(item, p, null, true));
      return;
    }
    String parent = p.parentKey() == null ? rootId : ids.get(p.parentKey());
    List<String> why = new ArrayList<>();
    boolean writePage = false;
    if (!r.marker().hash().equals(p.hash())) {
      why.add(
          r.marker().hash().equals(Marker.PENDING)
              ? "the last publish did not finish it"
              : "content changed");
      writePage = true;
    }
    if (!r.title().equals(p.title())) {
      String taken =
          r.title().equalsIgnoreCase(p.title()) ? null : titleTaken(api, p, p.title(), managedIds);
      if (taken != null) {
        conflict(p, r.id(), taken);
        return;
      }
      why.add("title was \"" + r.title() + "\"");
      writePage = true;
    }
    if (!r.parentId().equals(parent)) {
      why.add("moved under its parent again");
      writePage = true;
    }
    if (!r.marker().labels().equals(p.labels())) {
      why.add("labels changed");
    }
    if (why.isEmpty()) {
      String edited =
          r.marker().version() > 0 && r.version() != r.marker().version()
              ? "edited in Confluence since it was published (version "
                  + r.version()
                  + ", published "
                  + r.marker().version()
                  + "); kept until the bundle changes"
              : "";
      items.add(new PlanItem(PlanItem.Action.UNCHANGED, p.key(), p.title(), r.id(), edited));
      return;
    }
    PlanItem item =
        new PlanItem(PlanItem.Action.UPDATE, p.key(), p.title(), r.id(), String.join("; ", why));
    items.add(item);
    writes.add(new Step(item, p, r, writePage));
  }

  /** Why {@code p} cannot take {@code title}, or null: another page of the space has it. */
  private static String titleTaken(
      ContentApi api, BundlePage p, String title, Set<String> managedIds) {
    for (RemotePage other : api.byTitle(title)) {
      if (managedIds.contains(other.id())) {
        continue;
      }
      if (other.marker() != null && other.marker().key().equals(p.key())) {
        return "Runwright's page for this key, page "
            + other.id()
            + ", is no longer under the parent page (moved?); move it back under it";
      }
      return "the title is taken in the space by page "
          + other.id()
          + (other.marker() == null
              ? ", which Runwright did not create; rename one of the two"
              : ", which Runwright published from another bundle or under another parent (key \""
                  + other.marker().key()
                  + "\"); rename one of the two or publish to that parent");
    }
    return null;
  }

  private void conflict(BundlePage p, String id, String why) {
    items.add(new PlanItem(PlanItem.Action.CONFLICT, p.key(), p.title(), id, why));
    conflicts.add(p.key() + ": " + why);
  }

  /** The bundle in the order pages can be made: the home, then each level sorted by key. */
  static List<BundlePage> treeOrder(List<BundlePage> pages) {
    Map<String, List<BundlePage>> children = new HashMap<>();
    List<BundlePage> out = new ArrayList<>();
    for (BundlePage p : pages) {
      if (p.parentKey() == null) {
        out.add(p);
      } else {
        children.computeIfAbsent(p.parentKey(), k -> new ArrayList<>()).add(p);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      List<BundlePage> kids = children.getOrDefault(out.get(i).key(), List.of());
      kids.stream().sorted(Comparator.comparing(BundlePage::key)).forEach(out::add);
    }
    return out;
  }

  List<PlanItem> items() {
    return items;
  }

  List<Step> writes() {
    return writes;
  }

  /** The managed pages found, by key. */
  Map<String, String> ids() {
    return ids;
  }

  /** Every conflict, on one line, or null when there is none. */
  String conflict() {
    if (conflicts.isEmpty()) {
      return null;
    }
    return conflicts.size()
        + (conflicts.size() == 1 ? " page cannot" : " pages cannot")
        + " be published, so nothing was written: "
        + String.join(" | ", conflicts);
  }
}
