package dev.runwright.policy.rules;

import dev.runwright.policy.LintRule;
import java.util.List;

/** The rules {@code lint} and {@code generate} run, in the order they run. */
public final class BuiltInRules {
  private BuiltInRules() {}

  // Findings at one place and of one type keep this order, so the grammar comes first and the
  // size last, as a reader would check a policy.
  private static final List<LintRule> ALL =
      List.of(
          new CharacterRule(),
          new StructureRule(),
          new VersionRule(),
          new SidRule(),
          new EffectRule(),
          new PrincipalRule(),
          new ActionRule(),
          new ResourceRule(),
          new ArnRule(),
          new KmsArnRule(),
          new ArnFormatRule(),
          new ConditionRule(),
          new SizeRule());

  /** Every built-in rule, in order. */
  public static List<LintRule> all() {
    return ALL;
  }
}
