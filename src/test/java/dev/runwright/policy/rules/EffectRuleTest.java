package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static dev.runwright.policy.LintTestSupport.statement;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EffectRule}. */
class EffectRuleTest {
  @Test
  void missingEffect() {
    Finding f =
        only(
            lint(statement("\"Action\": \"kms:Decrypt\"", "\"Resource\": \"" + KEY + "\"")),
            "MISSING_EFFECT");
    assertFinding(f, Type.ERROR, "$.Statement[0]", 4, 5, "the statement has no Effect");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"allow\"", "\"ALLOW\"", "\"Permit\"", "true", "[\"Allow\"]"})
  void invalidEffect(String effect) {
    Finding f =
        only(
            lint(
                statement(
                    "\"Effect\": " + effect,
                    "\"Action\": \"kms:Decrypt\"",
                    "\"Resource\": \"" + KEY + "\"")),
            "INVALID_EFFECT");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Effect",
        5,
        17,
        "Effect must be \"Allow\" or \"Deny\" (with that capitalisation)");
  }
}
