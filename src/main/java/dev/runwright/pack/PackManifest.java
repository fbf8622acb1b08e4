package dev.runwright.pack;

import java.util.List;
import java.util.Map;

/**
 * A pack: a runbook kind defined as data, in {@code templates/<id>/pack.yaml}.
 *
 * @param id the folder name, such as {@code kms-policy}
 * @param title what the pack produces, in a few words
 * @param description one or two sentences for {@code runwright packs}
 * @param stepTitle how the procedure overview names this step, such as "Create the IAM policy"
 * @param procedureTitle the title of the whole procedure when this pack comes first
 * @param followUp the id of the pack for the next step, or {@code null}
 * @param stepDir the folder this pack's documents go to when it is a follow-up, such as {@code
 *     role}
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
    Map<String, ParameterSpec> parameters,
    List<DocumentSpec> documents,
    String source) {

  public PackManifest {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    documents = List.copyOf(documents);
  }

  /** The document with this id, or {@code null}. */
  public DocumentSpec document(String docId) {
    return documents.stream().filter(d -> d.id().equals(docId)).findFirst().orElse(null);
  }
}
