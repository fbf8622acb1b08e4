package dev.runwright.core;

import dev.runwright.config.Position;
import dev.runwright.pack.PackManifest;
import dev.runwright.pack.ParameterResolver;
import java.util.List;

/**
 * A validated runbook, ready to render.
 *
 * @param id its id in an inventory, or {@code null} for a single runbook
 * @param label how messages name it
 * @param chain the pack and its follow-ups, in order
 * @param params the typed values
 * @param inputHash {@code sha256:} and the hex digest of the pack id and the values as given
 * @param at where the runbook was given, for messages about it as a whole
 * @param notes things the user should know, such as a placeholder left in a runbook
 */
public record Runbook(
    String id,
    String label,
    List<PackManifest> chain,
    ParameterResolver.Resolved params,
    String inputHash,
    Position at,
    List<String> notes) {

  public Runbook {
    chain = List.copyOf(chain);
    notes = List.copyOf(notes);
  }

  /** The same runbook with another id. */
  public Runbook withId(String newId) {
    return new Runbook(newId, label, chain, params, inputHash, at, notes);
  }
}
