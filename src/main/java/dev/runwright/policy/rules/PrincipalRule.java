package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Statement;
import dev.runwright.policy.LintRule;
import dev.runwright.policy.PolicyLinter.PolicyType;
import java.util.List;

/** Principals: none in an identity policy, one in each trust statement, and not everyone. */
final class PrincipalRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    for (Statement st : policy.statements()) {
      statement(policy, st);
    }
  }

  private static void statement(LintContext policy, Statement st) {
    String key = st.get("Principal") != null ? "Principal" : "NotPrincipal";
    Node p = st.get(key);
    if (policy.type() == PolicyType.IDENTITY && p != null) {
      policy.report(
          FindingCode.PRINCIPAL_IN_IDENTITY_POLICY,
          st.path() + "." + key,
          p,
          "an identity policy cannot name a " + key + "; the principal is who it is attached to");
    }
    if (policy.type() == PolicyType.TRUST && p == null) {
      policy.report(
          FindingCode.MISSING_PRINCIPAL,
          st.path(),
          st.node(),
          "a trust policy statement must name a Principal");
    }
    // A wildcard in NotPrincipal excludes everyone, which grants nothing, and one in a Deny
    // denies everyone; only a Principal that allows is checked.
    if (key.equals("Principal") && st.allow()) {
      wildcard(policy, p, st.path() + ".Principal");
    }
  }

  private static void wildcard(LintContext policy, Node p, String path) {
    if (p instanceof Node.Scalar s && s.text().equals("*")) {
      policy.report(
          FindingCode.WILDCARD_PRINCIPAL,
          path,
          p,
          "Principal \"*\" lets anyone assume the role; name the service or account");
    } else if (p instanceof Node.Mapping m && m.get("AWS") != null) {
      // {"AWS": "*"} is the same as "*": every AWS account and everyone in it.
      Node aws = m.get("AWS");
      List<Node> items = aws instanceof Node.Sequence seq ? seq.items() : List.of(aws);
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof Node.Scalar s && s.text().equals("*")) {
          policy.report(
              FindingCode.WILDCARD_PRINCIPAL,
              path + ".AWS" + (aws instanceof Node.Sequence ? "[" + i + "]" : ""),
              s,
              "Principal {\"AWS\": \"*\"} lets anyone assume the role, as \"*\" does; name the"
                  + " service or account");
        }
      }
    }
  }
}
