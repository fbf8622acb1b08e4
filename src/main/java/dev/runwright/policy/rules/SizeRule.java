package dev.runwright.policy.rules;

import static dev.runwright.policy.PolicyLinter.MANAGED_POLICY_LIMIT;
import static dev.runwright.policy.PolicyLinter.TRUST_POLICY_DEFAULT_LIMIT;
import static dev.runwright.policy.PolicyLinter.TRUST_POLICY_MAX_LIMIT;

import dev.runwright.config.Node;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintRule;
import dev.runwright.policy.PolicyLinter;
import dev.runwright.policy.PolicyLinter.PolicyType;

/**
 * IAM's size limits, whitespace not counted: 6,144 characters for a managed policy; 2,048 for a
 * trust policy by default, which can be raised to 4,096. Too many keys, not the template, is what
 * makes a generated policy too large, so these codes blame the input.
 */
final class SizeRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    Node.Mapping top = policy.top().orElse(null);
    if (top == null) {
      return;
    }
    int size = PolicyLinter.countedSize(policy.text());
    if (policy.type() != PolicyType.TRUST) {
      if (size > MANAGED_POLICY_LIMIT) {
        policy.report(
            FindingCode.POLICY_SIZE_EXCEEDED,
            "$",
            top,
            "the policy has "
                + size
                + " characters without whitespace; a managed policy may have at most "
                + MANAGED_POLICY_LIMIT
                + " (split the keys over several policies)");
      }
    } else if (size > TRUST_POLICY_MAX_LIMIT) {
      policy.report(
          FindingCode.POLICY_SIZE_EXCEEDED,
          "$",
          top,
          "the trust policy has "
              + size
              + " characters without whitespace; IAM allows at most "
              + TRUST_POLICY_MAX_LIMIT);
    } else if (size > TRUST_POLICY_DEFAULT_LIMIT) {
      policy.report(
          FindingCode.POLICY_SIZE_QUOTA,
          "$",
          top,
          "the trust policy has "
              + size
              + " characters without whitespace; the default quota is "
              + TRUST_POLICY_DEFAULT_LIMIT
              + " (it can be raised to "
              + TRUST_POLICY_MAX_LIMIT
              + ")");
    }
  }
}
