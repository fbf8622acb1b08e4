package dev.runwright.pack;

import java.util.List;
import java.util.Map;

/**
 * What a runbook's pack expands to: its steps, each with the condition under which it applies, and
 * the parameters of them all. A step pack is a procedure of itself and its {@code followUp}s; a
 * procedure pack lists its steps.
 *
 * @param head the pack the runbook names
 * @param steps every step the procedure may have, in order
 * @param parameters every step's parameters (and the head's), the first declaration of a name
 *     winning, so that the head decides defaults
 */
public record Procedure(
    PackManifest head, List<Step> steps, Map<String, ParameterSpec> parameters) {
  public Procedure {
    steps = List.copyOf(steps);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** One step: a pack, and when it applies. */
  public record Step(PackManifest pack, Condition when) {}

  /** The steps that apply to a runbook with these typed values. */
  public List<PackManifest> stepsFor(Map<String, Object> values) {
    return steps.stream().filter(s -> s.when().holds(values)).map(Step::pack).toList();
  }

  /** The packs of every step, whether or not they apply. */
  public List<PackManifest> packs() {
    return steps.stream().map(Step::pack).toList();
  }

  /**
   * Every form ({@code form:} of a document: terraform, cloudformation ...) that the head or a step
   * declares, in the order first declared.
   */
  public java.util.Set<String> forms() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    List<PackManifest> all = new java.util.ArrayList<>();
    all.add(head);
    all.addAll(packs());
    for (PackManifest m : all) {
      for (DocumentSpec doc : m.documents()) {
        if (doc.form() != null) {
          out.add(doc.form());
        }
      }
    }
    return out;
  }
}
