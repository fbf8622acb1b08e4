package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintRule;

/** Version {@code 2012-10-17}: without it IAM uses the 2008 grammar, without policy variables. */
final class VersionRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    Node.Mapping top = policy.top().orElse(null);
    if (top == null) {
      return;
    }
    Node v = top.get("Version");
    if (v == null) {
      policy.report(
          FindingCode.MISSING_VERSION,
          "$",
          top,
          "the policy has no Version; without \"2012-10-17\" IAM uses the 2008 grammar, in which"
              + " policy variables do not work");
      return;
    }
    String text = v instanceof Node.Scalar s ? s.text() : "";
    if (text.equals("2012-10-17")) {
      return;
    }
    if (text.equals("2008-10-17")) {
      policy.report(
          FindingCode.OLD_VERSION,
          "$.Version",
          v,
          "Version 2008-10-17 is the legacy grammar; use \"2012-10-17\"");
    } else {
      policy.report(
          FindingCode.INVALID_VERSION,
          "$.Version",
          v,
          "Version must be \"2012-10-17\" (or the legacy \"2008-10-17\")");
    }
  }
}
