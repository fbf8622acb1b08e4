package dev.runwright.pack;

import dev.runwright.kind.DocumentKind;
import java.util.List;

/**
 * One document a pack produces.
 *
 * @param id how templates and other documents refer to it, such as {@code policy}
 * @param path its file name inside the step's folder, such as {@code policy.json}
 * @param template the template that renders it, relative to the template folders
 * @param kind what it is, which decides how it is escaped, checked and written
 * @param from for a page, the id of the Markdown document it shows
 * @param expect for a policy, what it must contain
 * @param when when the document is written at all
 * @param form the way of applying the step it is ("Terraform", "CloudFormation"), shown as a tab on
 *     pages and chosen with {@code forms:}; {@code null} for documents every runbook has
 * @param creates the named AWS resources it defines, whose names must be unique in an account
 */
public record DocumentSpec(
    String id,
    String path,
    String template,
    DocumentKind kind,
    String from,
    Expect expect,
    Condition when,
    String form,
    List<Creates> creates) {

  /**
   * The forms every runbook has in its Markdown, which no document declares: {@code forms:} may
   * name them ({@code --forms console,cli} leaves out every declared form).
   */
  public static final List<String> MARKDOWN_FORMS = List.of("console", "cli");

  public DocumentSpec {
    creates = List.copyOf(creates);
  }

  /** A document with no condition, no form and nothing it creates, for tests and simple packs. */
  public DocumentSpec(
      String id, String path, String template, DocumentKind kind, String from, Expect expect) {
    this(id, path, template, kind, from, expect, Condition.ALWAYS, null, List.of());
  }

  /**
   * What a policy must contain, beyond the linter's rules.
   *
   * @param policyType {@code identity} (no Principal) or {@code trust} (a role trust policy)
   * @param actions actions that an Allow statement must grant
   * @param allowOnly when not empty, the only actions Allow statements may grant (so that a
   *     template cannot grant more than the runbook describes)
   * @param resourcesFrom a parameter whose values' ARNs must be exactly the Allow statements'
   *     resources, or {@code null}
   * @param principalService the service principal a trust policy must name, or {@code null}
   */
  public record Expect(
      String policyType,
      List<String> actions,
      List<String> allowOnly,
      String resourcesFrom,
      String principalService) {
    public Expect {
      actions = List.copyOf(actions);
      allowOnly = List.copyOf(allowOnly);
    }

    public static final Expect NONE = new Expect("identity", List.of(), List.of(), null, null);
  }

  /**
   * A named resource the document defines: IAM names are unique in an account, so two runbooks of
   * one account that would create the same name from different documents cannot both be followed.
   *
   * @param type what is created: {@code iam-policy} or {@code iam-role}
   * @param name the parameter that holds the name
   * @param with parameters whose values are part of what the resource is beyond this document (the
   *     policies a role has attached)
   * @param when when this document creates it
   */
  public record Creates(String type, String name, List<String> with, Condition when) {
    public Creates {
      with = List.copyOf(with);
    }
  }
}
