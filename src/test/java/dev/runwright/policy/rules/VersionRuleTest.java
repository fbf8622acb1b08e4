package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.allow;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link VersionRule}. */
class VersionRuleTest {
  @Test
  void missingVersion() {
    Finding f =
        only(
            lint(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", \"Resource\": \""
                    + KEY
                    + "\"}}"),
            "MISSING_VERSION");
    assertFinding(
        f,
        Type.WARNING,
        "$",
        1,
        1,
        "the policy has no Version; without \"2012-10-17\" IAM uses the 2008 grammar, in which"
            + " policy variables do not work");
  }

  @Test
  void oldVersion() {
    String json = allow("\"kms:Decrypt\"", "\"" + KEY + "\"").replace("2012-10-17", "2008-10-17");
    Finding f = only(lint(json), "OLD_VERSION");
    assertFinding(
        f,
        Type.WARNING,
        "$.Version",
        2,
        14,
        "Version 2008-10-17 is the legacy grammar; use \"2012-10-17\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"2012-10-18\"", "\"2012-10-17 \"", "2012", "null", "[\"2012-10-17\"]"})
  void invalidVersion(String version) {
    String json = allow("\"kms:Decrypt\"", "\"" + KEY + "\"").replace("\"2012-10-17\"", version);
    Finding f = only(lint(json), "INVALID_VERSION");
    assertFinding(
        f,
        Type.ERROR,
        "$.Version",
        2,
        14,
        "Version must be \"2012-10-17\" (or the legacy \"2008-10-17\")");
  }
}
