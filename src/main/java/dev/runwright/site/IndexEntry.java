package dev.runwright.site;

import java.util.List;

/**
 * One runbook as the site index and the wiki home page list it.
 *
 * @param id the runbook's id
 * @param title its first step's title
 * @param href a link to its page from the index
 * @param accountKey the account ID the index groups by, or "" when the pack has none
 * @param account the account ID as shown (masked with --redact-accounts), or ""
 * @param region the Region code, or ""
 * @param regionName the Region's name, or ""
 * @param partition the partition id, or ""
 * @param pack the pack id
 * @param policyName the policy name, or {@code null}
 * @param keyCount how many keys, or 0
 * @param description the description, or {@code null}
 * @param search lower-case text the filter box matches
 * @param overview a link to the overview of its steps, or {@code null} (wiki builds only)
 * @param steps a link to each step's runbook, in order (wiki builds only; else empty)
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
    String policyName,
    int keyCount,
    String description,
    String search,
    String overview,
    List<StepLink> steps) {

  /** A step's runbook: its name in the overview ("Create the IAM role") and a link to it. */
  public record StepLink(String title, String href) {}
}
