package dev.runwright.kind;

import dev.runwright.aws.AwsContext;
import dev.runwright.config.Position;
import dev.runwright.pack.DocumentSpec;
import java.util.Map;

/**
 * What a kind knows while it finishes one document.
 *
 * @param doc the document as the manifest declares it
 * @param where the template that rendered it, as messages name it
 * @param label how messages name the runbook ("" for a single runbook)
 * @param at where the runbook was given, for messages about the input
 * @param params the runbook's typed values
 * @param aws the runbook's account and Region, or {@code null}
 * @param tools the parsers and checkers kinds share
 * @param policies the canonical text of every policy document rendered before this one that it may
 *     hold: the step's own (for the overview, every step's)
 */
public record KindContext(
    DocumentSpec doc,
    String where,
    String label,
    Position at,
    Map<String, Object> params,
    AwsContext aws,
    KindTools tools,
    java.util.List<String> policies) {

  /** "label: path" for messages, or the path alone for a single runbook. */
  public String subject() {
    return (label.isEmpty() ? "" : label + ": ") + doc.path();
  }
}
