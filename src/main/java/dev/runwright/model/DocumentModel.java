package dev.runwright.model;

import java.util.List;
import java.util.Map;

/**
 * What the template of a pack's document sees: these components are its top-level names ({@code p},
 * {@code aws}, ...). {@code runwright templates model} lists them; a test keeps that list and these
 * records in step.
 *
 * @param p the runbook's values by parameter name: text, numbers, lists, and typed AWS values
 *     ({@code p.keys[0].arn}, {@code p.policyName.arn}, {@code p.clusterId.arn})
 * @param aws the account, Region, partition and their console and documentation addresses
 * @param step this step, or {@code null} in the overview
 * @param steps every step of the procedure, in order
 * @param procedure the procedure's title
 * @param links links to the previous and next step and to the overview
 * @param docs this step's documents by id (in the overview: the overview's), with their text once
 *     rendered ({@code docs.policy.text}) and a link to each ({@code docs.policy.href})
 * @param runwright the generator's version
 * @param site the site the runbook is published in, or {@code null}
 * @param entry the inventory entry, or {@code null} for a single runbook
 * @param allDocs in the overview, every step's documents by the step's folder and the document's id
 *     ({@code allDocs.kms.policy.text}); empty in a step
 * @param shared for each parameter naming an IAM resource this runbook creates ({@code creates:} in
 *     the manifest), the ids of the other runbooks of the inventory that create the same resource
 *     from the same definition: {@code shared.policyName}
 * @param forms the forms the runbook gets beside the console and the CLI, as the input chose them
 *     ({@code forms?seq_contains("ssm")}): terraform, cloudformation, ssm, or a pack's own
 */
public record DocumentModel(
    Map<String, Object> p,
    AwsModel aws,
    StepModel step,
    List<StepModel> steps,
    String procedure,
    Links links,
    Map<String, DocModel> docs,
    RunwrightModel runwright,
    SiteModel site,
    EntryModel entry,
    Map<String, Map<String, DocModel>> allDocs,
    Map<String, List<String>> shared,
    List<String> forms) {

  /**
   * Links from the document being rendered.
   *
   * @param prev the previous step's runbook, or {@code null}
   * @param next the next step's runbook, or {@code null}
   * @param overview the procedure's overview, or {@code null}
   */
  public record Links(Link prev, Link next, Link overview) {}

  /**
   * The generator.
   *
   * @param version its version, such as {@code 0.1.0}
   * @param generator "Runwright" and its version
   */
  public record RunwrightModel(String version, String generator) {}

  /**
   * The inventory entry a runbook is.
   *
   * @param id its id
   */
  public record EntryModel(String id) {}
}
