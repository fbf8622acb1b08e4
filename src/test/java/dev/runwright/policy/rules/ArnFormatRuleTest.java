package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.allow;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ArnFormatRule}: ARNs against the resource formats of the service reference. */
class ArnFormatRuleTest {
  @Test
  void resourceServiceMismatch() {
    Finding f =
        only(
            lint(allow("\"kms:Decrypt\"", "\"arn:aws:s3:::my-bucket\"")),
            "RESOURCE_SERVICE_MISMATCH");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        7,
        19,
        "the statement's actions are KMS actions, but this is a s3 ARN");
    assertEquals(
        List.of(),
        lint(
            allow(
                "[\"kms:Decrypt\", \"s3:GetObject\"]",
                "[\"arn:aws:s3:::my-bucket/*\", \"" + KEY + "\"]")));
  }
}
