package dev.runwright.site;

import dev.runwright.aws.NamedResource;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.core.Runbook;
import dev.runwright.pack.DocumentSpec;
import java.util.ArrayList;
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
  /** A name in an account, by two 64-bit hashes of account, type and name (lower case). */
  private record Key(long a, long b) {}

  /** One runbook's creation of a name: which runbook (by number), and under which parameter. */
  private record Use(int runbook, String param) {}

  /** What is known of one name: who created it first, from what, and who else. */
  private static final class Slot {
    final Use first;
    final long defA;
    final long defB;
    List<Use> others;
    boolean conflict;

    Slot(Use first, long defA, long defB) {
      this.first = first;
      this.defA = defA;
      this.defB = defB;
    }
  }

  /**
   * Names by account: the definitions as hashes, so that a fleet of 100,000 runbooks keeps tens of
   * bytes per name, not the definitions.
   */
  private final Map<Key, Slot> byName = new LinkedHashMap<>();

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
      Key k = new Key(hash(key, 0xcbf29ce484222325L), hash(key, 0x84222325cbf29ce4L));
      long defA = hash(c.definition(), 0xcbf29ce484222325L);
      long defB = hash(c.definition(), 0x84222325cbf29ce4L);
      Slot slot = byName.get(k);
      if (slot == null) {
        byName.put(k, new Slot(new Use(n, c.param()), defA, defB));
        continue;
      }
      if ((slot.defA != defA || slot.defB != defB) && slot.first.runbook() != n) {
        slot.conflict = true;
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
                    + labelOf.apply(slot.first.runbook())
                    + " creates with a different "
                    + (c.type().equals("iam-role") ? "trust policy or policies" : "document")
                    + "; IAM names are unique in an account, so give one of them another "
                    + c.param()));
      }
      if (slot.others == null) {
        slot.others = new ArrayList<>(2);
      }
      slot.others.add(new Use(n, c.param()));
    }
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
    Map<Integer, Map<String, List<String>>> out = new java.util.HashMap<>();
    for (Slot slot : byName.values()) {
      if (slot.others == null || slot.conflict) {
        continue;
      }
      List<Use> same = new ArrayList<>(slot.others.size() + 1);
      same.add(slot.first);
      same.addAll(slot.others);
      for (Use c : same) {
        List<String> others = new ArrayList<>();
        for (Use o : same) {
          String id = idOf.apply(o.runbook());
          if (o.runbook() != c.runbook() && !others.contains(id)) {
            others.add(id);
          }
        }
        if (!others.isEmpty()) {
          out.computeIfAbsent(c.runbook(), k -> new LinkedHashMap<>()).put(c.param(), others);
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
