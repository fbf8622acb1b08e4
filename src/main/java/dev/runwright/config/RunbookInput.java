package dev.runwright.config;

import java.util.Map;

/**
 * One runbook as the user asked for it, before validation: from a YAML file, an inventory entry
 * merged over the inventory's defaults, or flags over YAML.
 *
 * @param label how messages name it: empty for a single runbook, {@code runbooks[2] (prod-use1)} in
 *     an inventory
 * @param id the entry's id as written, or {@code null}
 * @param idAt where the id was written
 * @param pack the pack id as written, or {@code null} for the default pack
 * @param packAt where the pack was written
 * @param fields the parameter values, by name, with positions
 * @param at where the runbook as a whole is, for "is required" messages
 */
public record RunbookInput(
    String label,
    String id,
    Position idAt,
    String pack,
    Position packAt,
    Map<String, Node.Field> fields,
    Position at) {

  public RunbookInput {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
