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
   */
  static void checkPaths(List<String> ownFiles, List<Brief> runbooks, String[] ids, Diagnostics d) {
    Owners owners = new Owners(ownFiles.size() + runbooks.size() * 8);
    for (String own : ownFiles) {
      owners.claim(own, -1, null);
    }
    for (int n = 0; n < runbooks.size(); n++) {
      Brief b = runbooks.get(n);
      for (String mark : b.paths()) {
        String path = mark.replace(MARK, ids[n]);
        int other = owners.claim(path, n, k -> k < 0 ? ownFiles : paths(runbooks.get(k), ids[k]));
        if (other != Owners.NONE) {
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
      }
    }
  }

  private static List<String> paths(Brief b, String id) {
    return b.paths().stream().map(p -> p.replace(MARK, id)).toList();
  }

  /**
   * Who writes each file, by a 64-bit hash of its path: an open-addressing table of two arrays
   * instead of a map of strings, so that 700,000 files cost 12 bytes each. Two paths with one hash
   * are told apart by asking for the first owner's paths again.
   */
  private static final class Owners {
    static final int NONE = Integer.MIN_VALUE;
    private long[] keys;
    private int[] owner;
    private boolean[] used;
    private int size;

    Owners(int expected) {
      int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
      keys = new long[cap];
      owner = new int[cap];
      used = new boolean[cap];
    }

    /**
     * Claims {@code path} for {@code n} (-1: the site); returns who has it already, or {@link
     * #NONE}.
     */
    int claim(String path, int n, java.util.function.IntFunction<List<String>> pathsOf) {
      long h = hash(path);
      int mask = keys.length - 1;
      for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (!used[i]) {
          used[i] = true;
          keys[i] = h;
          owner[i] = n;
          if (++size * 2 > keys.length) {
            grow();
          }
          return NONE;
        }
        if (keys[i] == h && owner[i] != n) {
          int o = owner[i];
          if (pathsOf.apply(o).contains(path)) {
            return o;
          }
        }
      }
    }

    private void grow() {
      long[] k = keys;
      int[] o = owner;
      boolean[] u = used;
      keys = new long[k.length * 2];
      owner = new int[k.length * 2];
      used = new boolean[k.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < k.length; j++) {
        if (u[j]) {
          int i = (int) (k[j] ^ (k[j] >>> 32)) & mask;
          while (used[i]) {
            i = (i + 1) & mask;
          }
          used[i] = true;
          keys[i] = k[j];
          owner[i] = o[j];
        }
      }
    }

    private static long hash(String s) {
      long h = 0xcbf29ce484222325L;
      for (int i = 0; i < s.length(); i++) {
        h ^= s.charAt(i);
        h *= 0x100000001b3L;
      }
      return h ^ (h >>> 31);
    }
  }
}
