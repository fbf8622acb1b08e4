package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.IDENTITY;
import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.TRUST;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static dev.runwright.policy.LintTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PrincipalRule}. */
class PrincipalRuleTest {
  @Test
  void principalInIdentityPolicy() {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Principal\": {\"AWS\": \"111122223333\"}",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"");
    Finding f = only(lint(json, IDENTITY), "PRINCIPAL_IN_IDENTITY_POLICY");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Principal",
        6,
        20,
        "an identity policy cannot name a Principal; the principal is who it is attached to");
  }

  @Test
  void notPrincipalInIdentityPolicyHasItsOwnPath() {
    String json =
        statement(
            "\"Effect\": \"Deny\"",
            "\"NotPrincipal\": {\"AWS\": \"111122223333\"}",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"");
    assertEquals(
        "$.Statement[0].NotPrincipal",
        only(lint(json, IDENTITY), "PRINCIPAL_IN_IDENTITY_POLICY").path());
  }

  @Test
  void missingPrincipalInTrustPolicy() {
    Finding f =
        only(
            lint(statement("\"Effect\": \"Allow\"", "\"Action\": \"sts:AssumeRole\""), TRUST),
            "MISSING_PRINCIPAL");
    assertFinding(
        f, Type.ERROR, "$.Statement[0]", 4, 5, "a trust policy statement must name a Principal");
  }

  @Test
  void wildcardPrincipal() {
    Finding f =
        only(
            lint(
                statement(
                    "\"Effect\": \"Allow\"",
                    "\"Principal\": \"*\"",
                    "\"Action\": \"sts:AssumeRole\"")),
            "WILDCARD_PRINCIPAL");
    assertFinding(
        f,
        Type.SECURITY_WARNING,
        "$.Statement[0].Principal",
        6,
        20,
        "Principal \"*\" lets anyone assume the role; name the service or account");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"AWS\": \"*\"}", "{\"AWS\": [\"111122223333\", \"*\"]}"})
  void wildcardAwsPrincipal(String principal) {
    List<Finding> fs =
        lint(
            statement(
                "\"Effect\": \"Allow\"",
                "\"Principal\": " + principal,
                "\"Action\": \"sts:AssumeRole\""));
    assertEquals(Type.SECURITY_WARNING, only(fs, "WILDCARD_PRINCIPAL").type());
  }

  @Test
  void wildcardPrincipalInADenyIsNotAWarning() {
    String json =
        statement(
            "\"Effect\": \"Deny\"",
            "\"Principal\": {\"AWS\": \"*\"}",
            "\"Action\": \"sts:AssumeRole\"");
    assertEquals(List.of(), lint(json));
  }
}
