package dev.runwright.site;

import dev.runwright.aws.NamedResource;
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
  private FleetNames() {}

  /** One named resource a runbook creates. */
  private record Creation(
      Runbook rb, String type, String param, String name, String definition, DocumentSpec doc) {}

  /**
   * Reports every conflict to {@code d} and returns the runbooks with what they share.
   *
   * @param runbooks the runbooks, with their ids
   */
  static List<Runbook> plan(List<Runbook> runbooks, Diagnostics d) {
    Map<String, List<Creation>> byName = new LinkedHashMap<>();
    for (Runbook rb : runbooks) {
      for (Creation c : creations(rb)) {
        String account = rb.params().aws() == null ? "" : rb.params().aws().account();
        String key = account + "\u0000" + c.type() + "\u0000" + c.name().toLowerCase(Locale.ROOT);
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
      }
    }
    Map<Runbook, Map<String, List<String>>> shared = new LinkedHashMap<>();
    for (List<Creation> same : byName.values()) {
      if (same.size() < 2) {
        continue;
      }
      Creation first = same.get(0);
      boolean conflict = false;
      for (Creation c : same.subList(1, same.size())) {
        if (!c.definition().equals(first.definition()) && c.rb() != first.rb()) {
          conflict = true;
          d.error(
              c.rb().at(),
              c.rb().label() + ": " + c.param(),
              "would create the "
                  + word(c.type())
                  + " "
                  + c.name()
                  + " in account "
                  + c.rb().params().aws().account()
                  + ", which "
                  + first.rb().label()
                  + " creates with a different "
                  + (c.type().equals("iam-role") ? "trust policy or policies" : "document")
                  + "; IAM names are unique in an account, so give one of them another "
                  + c.param());
        }
      }
      if (conflict) {
        continue;
      }
      for (Creation c : same) {
        List<String> others = new ArrayList<>();
        for (Creation o : same) {
          if (o.rb() != c.rb() && !others.contains(o.rb().id())) {
            others.add(o.rb().id());
          }
        }
        if (!others.isEmpty()) {
          shared.computeIfAbsent(c.rb(), k -> new LinkedHashMap<>()).put(c.param(), others);
        }
      }
    }
    List<Runbook> out = new ArrayList<>();
    for (Runbook rb : runbooks) {
      Map<String, List<String>> mine = shared.get(rb);
      out.add(mine == null ? rb : rb.withShared(mine));
    }
    return out;
  }

  private static String word(String type) {
    return type.equals("iam-role") ? "IAM role" : "IAM policy";
  }

  /**
   * What a runbook creates: for each document that applies and declares {@code creates:}, the name
   * and its definition (the pack, the document, the account and the values of the parameters the
   * manifest says make up the resource).
   */
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
          out.add(new Creation(rb, c.type(), c.name(), shown, def.toString(), doc));
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
