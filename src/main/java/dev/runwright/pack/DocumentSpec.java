package dev.runwright.pack;

import java.util.List;

/**
 * One document a pack produces.
 *
 * @param id how templates and other documents refer to it, such as {@code policy}
 * @param path its file name inside the step's folder, such as {@code policy.json}
 * @param template the template that renders it, relative to the pack folder, or to the template
 *     root when it starts with {@code /}
 * @param kind what it is, which decides how it is checked and written
 * @param from for a page, the id of the Markdown document it shows
 * @param expect for a policy, what it must contain
 */
public record DocumentSpec(
    String id, String path, String template, Kind kind, String from, Expect expect) {

  /** What a document is. */
  public enum Kind {
    /** An IAM policy: parsed, checked by the policy linter and written canonically. */
    POLICY_JSON("policy-json"),
    /** Any other JSON: parsed and written canonically. */
    JSON("json"),
    /** A runbook in Markdown; its user text is Markdown-escaped. */
    MARKDOWN("runbook-markdown"),
    /** A Markdown document rendered to HTML inside the page template. */
    PAGE("page-html");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Kind of(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id)) {
          return k;
        }
      }
      return null;
    }

    public static List<String> ids() {
      return java.util.Arrays.stream(values()).map(Kind::id).toList();
    }
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
}
