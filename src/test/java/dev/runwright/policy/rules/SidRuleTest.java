package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static dev.runwright.policy.LintTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SidRule}. */
class SidRuleTest {
  @ParameterizedTest
  @ValueSource(strings = {"my-sid", "Sid 1", "S\u00e9", "a_b"})
  void invalidSid(String sid) {
    Finding f =
        only(
            lint(
                statement(
                    "\"Sid\": \"" + sid + "\"",
                    "\"Effect\": \"Allow\"",
                    "\"Action\": \"kms:Decrypt\"",
                    "\"Resource\": \"" + KEY + "\"")),
            "INVALID_SID");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Sid",
        5,
        14,
        "Sid \"" + sid + "\" may hold only ASCII letters and digits");
  }

  @Test
  void nullSidIsInvalid() {
    Finding f =
        only(
            lint(
                statement(
                    "\"Sid\": null",
                    "\"Effect\": \"Allow\"",
                    "\"Action\": \"kms:Decrypt\"",
                    "\"Resource\": \"" + KEY + "\"")),
            "INVALID_SID");
    assertEquals("Sid must be text", f.message());
  }

  @Test
  void numberSidIsInvalid() {
    Finding f =
        only(
            lint(
                statement(
                    "\"Sid\": 123",
                    "\"Effect\": \"Allow\"",
                    "\"Action\": \"kms:Decrypt\"",
                    "\"Resource\": \"" + KEY + "\"")),
            "INVALID_SID");
    assertEquals(Type.ERROR, f.type());
  }

  @Test
  void duplicateSid() {
    String json =
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
            + "    {\"Sid\": \"Kms\", \"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", \"Resource\": \""
            + KEY
            + "\"},\n"
            + "    {\"Sid\": \"Kms\", \"Effect\": \"Allow\", \"Action\": \"kms:Encrypt\", \"Resource\": \""
            + KEY
            + "\"}\n  ]\n}\n";
    Finding f = only(lint(json), "DUPLICATE_SID");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[1].Sid",
        5,
        13,
        "Sid \"Kms\" is used again (first at 4:13); Sids must be unique in a policy");
  }
}
