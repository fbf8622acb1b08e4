package dev.runwright.site;

import dev.runwright.aws.NamedResource;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.core.Runbook;
import dev.runwright.pack.DocumentSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The IAM names an inventory creates, planned per account. IAM policy and role names are unique in
 * an account (and not case-sensitive), so two runbooks of one account that would create the same
 * name from different definitions cannot both be followed: the second {@code create-policy} fails,
 * or an update silently replaces the first runbook's document. That is an error naming both
 * runbooks. Runbooks that create the same name from the same definition share it, and each is told
 * which others do.
 */
final class FleetNames {
  /**
   * The names, in the order first created, as parallel arrays (some 50 bytes a name, where a map of
   * records took some 150: a whole-procedure fleet of 100,000 runbooks creates half a million
   * names): each name in its account by two 64-bit hashes of account, type and name (lower case),
   * its first definition by two more, and the runbook (by number) and parameter that created it
   * first.
   */
  private long[] keyA = new long[16];

  private long[] keyB = new long[16];
  private long[] defA = new long[16];
  private long[] defB = new long[16];
  private int[] firstRunbook = new int[16];
  private int[] firstParam = new int[16];
  private final BitSet conflict = new BitSet();
  private int size;

  /** The names by their first key hash: entry + 1 in an open-addressed table, 0 where free. */
  private int[] table = new int[32];

  /** The parameters that create names, each once; names refer to them by index. */
  private final List<String> params = new ArrayList<>();

  private final Map<String, Integer> paramIndex = new HashMap<>();

  /** One runbook's creation of a name: which runbook (by number), and under which parameter. */
  private record Use(int runbook, String param) {}

  /** For the few names more than one runbook creates: those after the first, by entry. */
  private final Map<Integer, List<Use>> others = new HashMap<>();

  private final List<Diagnostic> conflicts = new ArrayList<>();

  /**
   * Adds what runbook number {@code n} creates; a name another runbook creates differently is a
   * conflict, reported by {@link #report}.
   *
   * @param labelOf how messages name a runbook, by number
   */
  void add(int n, Runbook rb, java.util.function.IntFunction<String> labelOf) {
    String account = rb.params().aws() == null ? "" : rb.params().aws().account();
    for (Creation c : creations(rb)) {
      String key = account + "\u0000" + c.type() + "\u0000" + c.name().toLowerCase(Locale.ROOT);
      long a = hash(key, 0xcbf29ce484222325L);
      long b = hash(key, 0x84222325cbf29ce4L);
      long da = hash(c.definition(), 0xcbf29ce484222325L);
      long db = hash(c.definition(), 0x84222325cbf29ce4L);
      int e = find(a, b);
      if (e < 0) {
        append(a, b, da, db, n, param(c.param()));
        continue;
      }
      if ((defA[e] != da || defB[e] != db) && firstRunbook[e] != n) {
        conflict.set(e);
        conflicts.add(
            Diagnostic.error(
                rb.at(),
                rb.label() + ": " + c.param(),
                "would create the "
                    + word(c.type())
                    + " "
                    + c.name()
                    + " in account "
                    + account
                    + ", which "
                    + labelOf.apply(firstRunbook[e])
                    + " creates with a different "
                    + (c.type().equals("iam-role") ? "trust policy or policies" : "document")
                    + "; IAM names are unique in an account, so give one of them another "
                    + c.param()));
      }
      others.computeIfAbsent(e, k -> new ArrayList<>(2)).add(new Use(n, c.param()));
    }
  }

  /** The entry of the name with key hashes {@code a} and {@code b}, or -1. */
  private int find(long a, long b) {
    int mask = table.length - 1;
    for (int i = slot(a, mask); table[i] != 0; i = (i + 1) & mask) {
      int e = table[i] - 1;
      if (keyA[e] == a && keyB[e] == b) {
        return e;
      }
    }
    return -1;
  }

  private void append(long a, long b, long da, long db, int runbook, int param) {
    if (size == keyA.length) {
      int grown = size * 2;
      keyA = Arrays.copyOf(keyA, grown);
      keyB = Arrays.copyOf(keyB, grown);
      defA = Arrays.copyOf(defA, grown);
      defB = Arrays.copyOf(defB, grown);
      firstRunbook = Arrays.copyOf(firstRunbook, grown);
      firstParam = Arrays.copyOf(firstParam, grown);
    }
    keyA[size] = a;
    keyB[size] = b;
    defA[size] = da;
    defB[size] = db;
    firstRunbook[size] = runbook;
    firstParam[size] = param;
    size++;
    if (size * 2 > table.length) {
      table = new int[table.length * 2];
      for (int e = 0; e < size - 1; e++) {
        index(e);
      }
    }
    index(size - 1);
  }

  private void index(int e) {
    int mask = table.length - 1;
    int i = slot(keyA[e], mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = e + 1;
  }

  private static int slot(long a, int mask) {
    return (int) (a ^ (a >>> 32)) & mask;
  }

  private int param(String name) {
    return paramIndex.computeIfAbsent(
        name,
        k -> {
          params.add(k);
          return params.size() - 1;
        });
  }

  /** Reports every conflict to {@code d}. */
  void report(Diagnostics d) {
    d.addAll(conflicts);
  }

  /**
   * For each runbook (by number) that shares a name with others, without conflict: per parameter,
   * the ids of the others.
   */
  Map<Integer, Map<String, List<String>>> shared(java.util.function.IntFunction<String> idOf) {
    Map<Integer, Map<String, List<String>>> out = new HashMap<>();
    List<Integer> entries = new ArrayList<>(others.keySet());
    entries.sort(null); // the order the names were first created in
    for (int e : entries) {
      if (conflict.get(e)) {
        continue;
      }
      List<Use> same = new ArrayList<>(others.get(e).size() + 1);
      same.add(new Use(firstRunbook[e], params.get(firstParam[e])));
      same.addAll(others.get(e));
      for (Use c : same) {
        List<String> ids = new ArrayList<>();
        for (Use o : same) {
          String id = idOf.apply(o.runbook());
          if (o.runbook() != c.runbook() && !ids.contains(id)) {
            ids.add(id);
          }
        }
        if (!ids.isEmpty()) {
          out.computeIfAbsent(c.runbook(), k -> new LinkedHashMap<>()).put(c.param(), ids);
        }
      }
    }
    return out;
  }

  /** A 64-bit FNV-1a hash of {@code s}'s characters, from {@code seed}. */
  private static long hash(String s, long seed) {
    long h = seed;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h ^ (h >>> 29);
  }

  private static String word(String type) {
    return type.equals("iam-role") ? "IAM role" : "IAM policy";
  }

  /**
   * What a runbook creates: for each document that applies and declares {@code creates:}, the name
   * and its definition (the pack, the document, the account and the values of the parameters the
   * manifest says make up the resource).
   */
  /** One named resource a runbook creates. */
  private record Creation(String type, String param, String name, String definition) {}

  private static List<Creation> creations(Runbook rb) {
    List<Creation> out = new ArrayList<>();
    Map<String, Object> values = rb.params().values();
    for (Runbook.Step step : rb.steps()) {
      for (DocumentSpec doc : step.documents()) {
        for (DocumentSpec.Creates c : doc.creates()) {
          Object name = values.get(c.name());
          if (name == null || !c.when().holds(values)) {
            continue;
          }
          StringBuilder def = new StringBuilder(step.pack().id()).append('/').append(doc.id());
          for (String w : c.with()) {
            def.append('\n').append(w).append('=').append(text(values.get(w)));
          }
          String shown = name instanceof NamedResource r ? r.name() : name.toString();
          out.add(new Creation(c.type(), c.name(), shown, def.toString()));
        }
      }
    }
    return out;
  }

  /** A value as a definition compares it: lists in order, typed values by what they name. */
  private static String text(Object v) {
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(i -> items.add(text(i)));
      return String.join(",", items);
    }
    if (v instanceof dev.runwright.aws.KmsKey k) {
      return k.arn();
    }
    if (v instanceof NamedResource r) {
      return Objects.toString(r.arn(), r.name());
    }
    return String.valueOf(v);
  }
}
