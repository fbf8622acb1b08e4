package dev.runwright.pack;

import java.util.List;
import java.util.Map;

/**
 * A pack: a runbook kind defined as data, in {@code templates/<id>/pack.yaml}. A pack is either one
 * step (it has documents: a policy, a runbook, its page) or a procedure (it lists {@code steps},
 * other packs, each with an optional condition; its own documents, if any, are the procedure's
 * overview).
 *
 * @param id the folder name, such as {@code kms-policy}
 * @param title what the pack produces, in a few words
 * @param description one or two sentences for {@code runwright packs}
 * @param stepTitle how the procedure overview names this step, such as "Create the IAM policy"
 * @param procedureTitle the title of the whole procedure when this pack comes first
 * @param followUp the id of the pack for the next step, or {@code null} (a step pack's simple way
 *     to make a procedure)
 * @param stepDir the folder this pack's documents go to in a procedure, such as {@code role}
 * @param steps for a procedure, its steps in order; empty for a step pack
 * @param idFrom parameters an inventory entry's id is derived from when it has none, after the
 *     account and Region; the first that has a value is used
 * @param index the parameters the site index shows for a runbook of this pack, in this order; empty
 *     for every parameter that declares {@code index:}, in the order declared
 * @param requires what the values must have beyond each parameter's rules ({@code requires:})
 * @param parameters the parameters, in the order the manifest declares them
 * @param documents the documents, in the order they are rendered
 * @param source where the manifest was read from, for messages
 */
public record PackManifest(
    String id,
    String title,
    String description,
    String stepTitle,
    String procedureTitle,
    String followUp,
    String stepDir,
    List<StepRef> steps,
    List<String> idFrom,
    List<String> index,
    List<Requirement> requires,
    Map<String, ParameterSpec> parameters,
    List<DocumentSpec> documents,
    String source) {

  public PackManifest {
    steps = List.copyOf(steps);
    idFrom = List.copyOf(idFrom);
    index = List.copyOf(index);
    requires = List.copyOf(requires);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    documents = List.copyOf(documents);
  }

  /**
   * A rule across parameters: when {@code when} holds, at least one of {@code anyOf} has a value.
   *
   * @param when when the rule applies
   * @param anyOf parameters at least one of which must be given
   * @param message what to tell the user, such as "give buckets, keys or both"
   */
  public record Requirement(Condition when, List<String> anyOf, String message) {
    public Requirement {
      anyOf = List.copyOf(anyOf);
    }
  }

  /** One step of a procedure: a pack, and when it applies. */
  public record StepRef(String pack, Condition when) {}

  /** Whether this pack is a procedure of other packs rather than a step of its own. */
  public boolean isProcedure() {
    return !steps.isEmpty();
  }

  /** The document with this id, or {@code null}. */
  public DocumentSpec document(String docId) {
    return documents.stream().filter(d -> d.id().equals(docId)).findFirst().orElse(null);
  }
}
