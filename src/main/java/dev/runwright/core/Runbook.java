package dev.runwright.core;

import dev.runwright.config.Position;
import dev.runwright.kind.MarkdownKind;
import dev.runwright.kind.PageKind;
import dev.runwright.pack.Condition;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import dev.runwright.pack.ParameterResolver;
import java.util.List;

/**
 * A validated runbook, ready to render: the steps that apply to its values, each with the documents
 * that apply, and the overview when there are several steps.
 *
 * @param id its id in an inventory, or {@code null} for a single runbook
 * @param label how messages name it
 * @param head the pack the runbook names (a procedure, or the first step)
 * @param steps the steps that apply, in order
 * @param overview the overview's documents, or an empty list for a single step
 * @param params the typed values
 * @param input the pack id and the values as given, as compact JSON, for the input hash
 * @param at where the runbook was given, for messages about it as a whole
 * @param notes things the user should know, such as a placeholder left in a runbook
 * @param shared for each parameter naming an IAM resource this runbook creates, the other runbooks
 *     of the inventory that create the same resource from the same definition
 * @param forms the forms it gets beside the console and the CLI (terraform, cloudformation, ssm, or
 *     a pack's own), in the packs' order: what {@code forms:} chose, or every form the packs have
 */
public record Runbook(
    String id,
    String label,
    PackManifest head,
    List<Step> steps,
    List<DocumentSpec> overview,
    ParameterResolver.Resolved params,
    String input,
    Position at,
    List<String> notes,
    java.util.Map<String, List<String>> shared,
    List<String> forms) {

  public Runbook {
    steps = List.copyOf(steps);
    forms = List.copyOf(forms);
    overview = List.copyOf(overview);
    notes = List.copyOf(notes);
    shared = java.util.Map.copyOf(shared);
  }

  /**
   * One step of a runbook.
   *
   * @param number 1 for the first step
   * @param pack its pack
   * @param documents the pack's documents that apply to the runbook's values
   */
  public record Step(int number, PackManifest pack, List<DocumentSpec> documents) {
    public Step {
      documents = List.copyOf(documents);
    }

    /** The document with this id, or {@code null}. */
    public DocumentSpec document(String docId) {
      return documents.stream().filter(d -> d.id().equals(docId)).findFirst().orElse(null);
    }
  }

  /** The overview a procedure gets when its pack declares none: procedure.md and its page. */
  static final List<DocumentSpec> DEFAULT_OVERVIEW =
      List.of(
          new DocumentSpec(
              "runbook",
              "procedure.md",
              "common/procedure.md.ftl",
              new MarkdownKind(),
              null,
              DocumentSpec.Expect.NONE,
              Condition.ALWAYS,
              null,
              List.of()),
          new DocumentSpec(
              "page",
              "procedure.html",
              PageKind.DEFAULT_TEMPLATE,
              new PageKind(),
              "runbook",
              DocumentSpec.Expect.NONE,
              Condition.ALWAYS,
              null,
              List.of()));

  /** The same runbook with another id. */
  public Runbook withId(String newId) {
    return new Runbook(
        newId, label, head, steps, overview, params, input, at, notes, shared, forms);
  }

  /** The same runbook, knowing which others share the IAM resources it creates. */
  public Runbook withShared(java.util.Map<String, List<String>> others) {
    return new Runbook(id, label, head, steps, overview, params, input, at, notes, others, forms);
  }

  /** Whether the runbook is a procedure of several steps, with an overview. */
  public boolean hasOverview() {
    return !overview.isEmpty();
  }

  /**
   * {@code sha256:} and the hex digest of the input as {@code redact} leaves it, so that a
   * published hash cannot be used to guess a masked account ID.
   */
  public String inputHash(java.util.function.UnaryOperator<String> redact) {
    return sha256(redact.apply(input));
  }

  /** {@code sha256:} and the hex digest of {@code text}'s UTF-8 bytes. */
  public static String sha256(String text) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "sha256:" + java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
