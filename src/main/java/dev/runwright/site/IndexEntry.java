package dev.runwright.site;

import java.util.List;

/**
 * One runbook as the site index and the wiki home page list it.
 *
 * @param id the runbook's id
 * @param title its overview's title (or its only step's)
 * @param href a link to its first page from the index: the overview, or the only step
 * @param accountKey the account ID the index groups by, or "" when the pack has none
 * @param account the account ID as shown (masked with --redact-accounts), or ""
 * @param region the Region code, or ""
 * @param regionName the Region's name, or ""
 * @param partition the partition id, or ""
 * @param pack the pack id
 * @param summary the one line shown under the title (a parameter declared {@code index: {summary:
 *     true}}), or {@code null}
 * @param fields the values the pack shows in the index ({@code index:} in its manifest)
 * @param search lower-case text the filter box matches
 * @param steps a link to each step's runbook, in order
 */
public record IndexEntry(
    String id,
    String title,
    String href,
    String accountKey,
    String account,
    String region,
    String regionName,
    String partition,
    String pack,
    String summary,
    List<Field> fields,
    String search,
    List<StepLink> steps) {

  public IndexEntry {
    fields = List.copyOf(fields);
    steps = List.copyOf(steps);
  }

  /**
   * A value an index entry shows.
   *
   * @param label what it is, such as "Cluster"
   * @param value the value, or for a list of several, how many
   */
  public record Field(String label, String value) {}

  /** A step's runbook: its name in the overview ("Create the IAM role") and a link to it. */
  public record StepLink(String title, String href) {}
}
