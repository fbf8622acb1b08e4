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
 * @param files the overview's documents that apply the whole procedure in one form (a Terraform
 *     configuration, a CloudFormation template, an SSM Automation document: any document of the
 *     overview with a {@code form:}) that the target publishes, in the pack's order
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
    List<StepLink> steps,
    List<FormFile> files) {

  public IndexEntry {
    fields = List.copyOf(fields);
    steps = List.copyOf(steps);
    files = List.copyOf(files);
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

  /**
   * The whole procedure as one document of a form.
   *
   * @param form the form's name ({@code terraform})
   * @param label what readers call it ("Terraform")
   * @param name its file name ({@code procedure.tf})
   * @param href a link to it from the index
   */
  public record FormFile(String form, String label, String name, String href) {}
}
