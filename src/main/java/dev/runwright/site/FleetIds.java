package dev.runwright.site;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.Position;
import dev.runwright.config.RunbookInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of an inventory's runbooks, and the files they write: every id a slug and given once, and
 * no two runbooks writing one file. Works from what {@link Fleet} keeps of each runbook, so that a
 * large inventory is checked without holding its runbooks.
 */
final class FleetIds {
  /** Stands for the id in the paths a runbook's layout gives before its id is known. */
  static final String MARK = "\u0000";

  /**
   * What the checks keep of one runbook.
   *
   * @param entry its entry's number in the inventory
   * @param givenId the id the entry gives, or {@code null}
   * @param idAt where that id is written
   * @param label how messages name it
   * @param at where the entry is
   * @param idSource what its id is derived from when it gives none ({@link Ids#source})
   * @param paths the files it writes, with {@link #MARK} for its id (shared by runbooks that write
   *     the same files)
   */
  record Brief(
      int entry,
      String givenId,
      Position idAt,
      String label,
      Position at,
      String idSource,
      List<String> paths) {}

  private FleetIds() {}

  /** The ids given so far, by id: the label of the first entry that gives it. */
  static final class Given {
    private final Map<String, String> first = new HashMap<>();

    /**
     * Reports an id that is not a slug or that another entry gives too, including on entries with
     * other errors, so that one run names every problem.
     */
    void check(RunbookInput in, Diagnostics d) {
      if (in.id() == null) {
        return;
      }
      String problem = Ids.problem(in.id());
      if (problem != null) {
        d.error(in.idAt(), in.label() + ": id", problem);
        return;
      }
      String before = first.putIfAbsent(in.id(), in.label());
      if (before != null) {
        d.error(
            in.at(),
            in.label(),
            "has the id \"" + in.id() + "\", like " + before + "; give one of them another id");
      }
    }
  }

  /**
   * Gives each runbook its id: its own, checked, or one derived from its values.
   *
   * @return the ids by runbook number; {@code null} for a runbook left out with an error
   */
  static String[] assign(List<Brief> runbooks, Redactor redactor, Diagnostics d) {
    Map<String, Integer> byId = new HashMap<>();
    Map<String, String> givenId = new HashMap<>();
    Map<String, String> unmaskedById = new HashMap<>();
    String[] out = new String[runbooks.size()];
    for (int n = 0; n < runbooks.size(); n++) {
      Brief b = runbooks.get(n);
      String id;
      if (b.givenId() != null) {
        if (Ids.problem(b.givenId()) != null) {
          continue; // reported by Given
        }
        id = redactor.slug(b.givenId());
      } else {
        id = Ids.fromSource(b.idSource(), redactor);
        String unmasked = Ids.fromSource(b.idSource(), Redactor.NONE);
        if (unmaskedById.containsKey(id) && !unmasked.equals(unmaskedById.get(id))) {
          // Two accounts that end in the same four digits: masking alone must not make the
          // inventory invalid, so the later runbook gets a numbered id.
          String base = id;
          for (int k = 2; byId.containsKey(id); k++) {
            id = base + "-" + k;
          }
        }
        unmaskedById.putIfAbsent(id, unmasked);
      }
      Integer first = byId.putIfAbsent(id, n);
      if (first != null && b.givenId() != null && b.givenId().equals(givenId.get(id))) {
        continue; // the same id given twice, reported by Given
      }
      if (b.givenId() != null) {
        givenId.putIfAbsent(id, b.givenId());
      }
      if (first != null) {
        d.error(
            b.at(),
            b.label(),
            "has the id \""
                + id
                + "\", like "
                + runbooks.get(first).label()
                + "; give "
                + (b.givenId() != null
                    ? "one of them another id"
                    : "it an id of its own (id: ...)"));
        continue;
      }
      out[n] = id;
    }
    return out;
  }

  /**
   * Refuses runbooks whose files would land on each other's, such as the wiki pages of ids {@code
   * orders} ({@code orders-role.md} for its role step) and {@code orders-role}. Each runbook's
   * first such file is reported, naming the runbook (or the site) that writes it first.
   *
   * <p>A whole-procedure fleet of 100,000 runbooks writes 3.2 million files: their paths are hashed
   * into one sorted array of 4 bytes each, and only paths whose hashes meet twice are looked at as
   * text, in a second pass (at 3.2 million paths some thousand 32-bit hashes meet by chance; the
   * text tells those apart).
   */
  static void checkPaths(List<String> ownFiles, List<Brief> runbooks, String[] ids, Diagnostics d) {
    long total = ownFiles.size();
    for (Brief b : runbooks) {
      total += b.paths().size();
    }
    int[] hashes = new int[Math.toIntExact(total)];
    int k = 0;
    for (String own : ownFiles) {
      hashes[k++] = hash(own);
    }
    for (int n = 0; n < runbooks.size(); n++) {
      for (String mark : runbooks.get(n).paths()) {
        hashes[k++] = hash(mark.replace(MARK, ids[n]));
      }
    }
    java.util.Arrays.sort(hashes);
    java.util.Set<Integer> twice = new java.util.HashSet<>();
    for (int i = 1; i < hashes.length; i++) {
      if (hashes[i] == hashes[i - 1]) {
        twice.add(hashes[i]);
      }
    }
    if (twice.isEmpty()) {
      return;
    }
    Map<String, Integer> owner = new HashMap<>();
    for (String own : ownFiles) {
      if (twice.contains(hash(own))) {
        owner.put(own, -1);
      }
    }
    for (int n = 0; n < runbooks.size(); n++) {
      Brief b = runbooks.get(n);
      for (String mark : b.paths()) {
        String path = mark.replace(MARK, ids[n]);
        if (!twice.contains(hash(path))) {
          continue;
        }
        Integer other = owner.get(path);
        if (other != null && other != n) {
          d.error(
              b.givenId() != null ? b.idAt() : b.at(),
              b.label() + ": id",
              "\""
                  + ids[n]
                  + "\" would write "
                  + path
                  + ", which "
                  + (other < 0
                      ? "the site itself writes"
                      : runbooks.get(other).label() + " writes too")
                  + "; choose another id");
          break;
        }
        owner.putIfAbsent(path, n);
      }
    }
  }

  /** A 64-bit FNV-1a hash of {@code s}'s characters, its bits mixed and folded to 32. */
  private static int hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) (h ^ (h >>> 32));
  }
}
