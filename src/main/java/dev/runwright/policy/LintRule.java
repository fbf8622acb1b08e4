package dev.runwright.policy;

/**
 * One family of policy checks, such as the Sid rules or the action names. A rule reads the policy
 * from its {@link LintContext} and reports what it finds there; it keeps no state between policies
 * and so is thread-safe. The built-in rules are listed once, in {@code rules.BuiltInRules}; a new
 * rule is one class there plus its codes in {@link FindingCode}.
 */
@FunctionalInterface
public interface LintRule {
  /** Checks one policy. */
  void check(LintContext policy);
}
