package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Statement;
import dev.runwright.policy.LintRule;

/** Every statement has an Effect of exactly {@code Allow} or {@code Deny}. */
final class EffectRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    for (Statement st : policy.statements()) {
      Node e = st.get("Effect");
      if (e == null) {
        policy.report(
            FindingCode.MISSING_EFFECT, st.path(), st.node(), "the statement has no Effect");
        continue;
      }
      String text = e instanceof Node.Scalar s ? s.text() : "";
      if (!text.equals("Allow") && !text.equals("Deny")) {
        policy.report(
            FindingCode.INVALID_EFFECT,
            st.path() + ".Effect",
            e,
            "Effect must be \"Allow\" or \"Deny\" (with that capitalisation)");
      }
    }
  }
}
