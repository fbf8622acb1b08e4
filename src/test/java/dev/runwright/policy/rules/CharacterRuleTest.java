package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.allow;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static dev.runwright.policy.LintTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CharacterRule}. */
class CharacterRuleTest {
  @ParameterizedTest
  @CsvSource({"\u20ac, U+20AC", "\u0100, U+0100", "\u2028, U+2028"})
  void invalidCharacter(String c, String code) {
    String json =
        statement(
            "\"Sid\": \"A\"",
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"pay" + c + "\"}}");
    Finding f = only(lint(json), "INVALID_CHARACTER");
    assertFinding(
        f,
        Type.ERROR,
        "$",
        9,
        67,
        code
            + " is outside the characters IAM accepts in a policy (tab, line breaks and U+0020 to"
            + " U+00FF)");
  }

  @Test
  void latin1IsAccepted() {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\":\t{\"StringEquals\": {\"aws:PrincipalTag/team\": \"caf\u00e9\u00ff \u00a0\"}}");
    assertEquals(List.of(), lint(json));
  }

  @Test
  void invalidCharacterNamesTheCodePoint() {
    String json =
        allow("\"kms:Decrypt\"", "\"" + KEY + "\\ud83d\"").replace("\\ud83d", "\uD83D\uDE00");
    assertTrue(only(lint(json), "INVALID_CHARACTER").message().startsWith("U+1F600 "));
  }
}
