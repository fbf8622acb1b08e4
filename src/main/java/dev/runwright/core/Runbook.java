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
 * @param input the pack id and the values as given, as compact JSON, for the input hash
 * @param at where the runbook was given, for messages about it as a whole
 * @param notes things the user should know, such as a placeholder left in a runbook
 */
public record Runbook(
    String id,
    String label,
    List<PackManifest> chain,
    ParameterResolver.Resolved params,
    String input,
    Position at,
    List<String> notes) {

  public Runbook {
    chain = List.copyOf(chain);
    notes = List.copyOf(notes);
  }

  /** The same runbook with another id. */
  public Runbook withId(String newId) {
    return new Runbook(newId, label, chain, params, input, at, notes);
  }

  /**
   * {@code sha256:} and the hex digest of the input as {@code redact} leaves it, so that a
   * published hash cannot be used to guess a masked account ID.
   */
  public String inputHash(java.util.function.UnaryOperator<String> redact) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(redact.apply(input).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "sha256:" + java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
