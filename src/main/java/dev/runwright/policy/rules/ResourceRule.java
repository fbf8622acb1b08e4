package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Item;
import dev.runwright.policy.LintContext.Statement;
import dev.runwright.policy.LintRule;
import dev.runwright.policy.PolicyLinter.PolicyType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resource and NotResource as elements: present in identity policies, absent from trust policies,
 * no Allow with NotResource, no Resource "*" in an Allow unless its actions take no resource. The
 * ARNs themselves are {@link ArnRule}'s, {@link KmsArnRule}'s and {@link ArnFormatRule}'s.
 */
final class ResourceRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    for (Statement st : policy.statements()) {
      if (st.get("Resource") == null && st.get("NotResource") == null) {
        if (policy.type() == PolicyType.IDENTITY) {
          policy.report(
              FindingCode.MISSING_RESOURCE, st.path(), st.node(), "the statement has no Resource");
        }
        continue;
      }
      for (String key : List.of("Resource", "NotResource")) {
        if (st.get(key) != null) {
          element(policy, st, key);
        }
      }
    }
  }

  private static void element(LintContext policy, Statement st, String key) {
    Node r = st.get(key);
    String path = st.path() + "." + key;
    if (policy.type() == PolicyType.TRUST) {
      policy.report(
          FindingCode.RESOURCE_IN_TRUST_POLICY,
          path,
          r,
          "a trust policy names no Resource; the role itself is the resource");
    }
    if (key.equals("NotResource") && st.allow()) {
      policy.report(
          FindingCode.ALLOW_WITH_NOT_RESOURCE,
          path,
          r,
          "Allow with NotResource applies the actions to every resource except those listed;"
              + " name the ARNs in Resource");
    }
    // The ARNs NotResource excludes narrow the grant, so wildcards there are fine.
    boolean grants = st.allow() && key.equals("Resource");
    boolean resourceless = grants && StatementActions.onlyResourceless(policy, st);
    Set<String> seen = new HashSet<>();
    for (Item item : Values.strings(policy, st, key, "Resource")) {
      if (!seen.add(item.text())) {
        policy.report(
            FindingCode.REDUNDANT_RESOURCE,
            item.path(),
            item.value(),
            item.text() + " is listed twice");
      }
      if (item.text().equals("*") && grants && !resourceless) {
        policy.report(
            FindingCode.WILDCARD_RESOURCE,
            item.path(),
            item.value(),
            "Resource \"*\" applies the actions to every resource; name the ARNs");
      }
    }
  }
}
