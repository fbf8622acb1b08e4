package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.allow;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.codes;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static dev.runwright.policy.LintTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ResourceRule}: Resource and NotResource as elements. */
class ResourceRuleTest {
  @Test
  void resourceInTrustPolicy() {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Principal\": {\"Service\": \"rds.amazonaws.com\"}",
            "\"Action\": \"sts:AssumeRole\"",
            "\"Resource\": \"" + KEY + "\"");
    Finding f = only(lint(json), "RESOURCE_IN_TRUST_POLICY");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        8,
        19,
        "a trust policy names no Resource; the role itself is the resource");
  }

  @Test
  void allowWithNotResource() {
    String json =
        statement("\"Effect\": \"Allow\"", "\"Action\": \"kms:Decrypt\"", "\"NotResource\": \"*\"");
    Finding f = only(lint(json), "ALLOW_WITH_NOT_RESOURCE");
    assertFinding(
        f,
        Type.SECURITY_WARNING,
        "$.Statement[0].NotResource",
        7,
        22,
        "Allow with NotResource applies the actions to every resource except those listed; name"
            + " the ARNs in Resource");
    assertFalse(codes(lint(json)).contains("WILDCARD_RESOURCE"), () -> lint(json).toString());
  }

  @Test
  void denyWithNotActionAndNotResourceIsFine() {
    String json =
        statement(
            "\"Effect\": \"Deny\"",
            "\"NotAction\": [\"kms:Decrypt\", \"kms:Encrypt\"]",
            "\"NotResource\": \"" + KEY + "\"");
    assertEquals(List.of(), lint(json));
  }

  @Test
  void missingResourceInIdentityPolicy() {
    Finding f =
        only(
            lint(statement("\"Effect\": \"Allow\"", "\"Action\": \"kms:Decrypt\"")),
            "MISSING_RESOURCE");
    assertFinding(f, Type.ERROR, "$.Statement[0]", 4, 5, "the statement has no Resource");
  }

  @Test
  void wildcardResourceForKeyActions() {
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"*\"")), "WILDCARD_RESOURCE");
    assertFinding(
        f,
        Type.SECURITY_WARNING,
        "$.Statement[0].Resource",
        7,
        19,
        "Resource \"*\" applies the actions to every resource; name the ARNs");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"kms:ListKeys\"",
        "[\"kms:ListKeys\", \"kms:ListAliases\"]",
        "\"kms:CreateKey\"",
        "\"kms:GenerateRandom\"",
        "\"kms:listkeys\""
      })
  void resourceStarIsFineForResourcelessActions(String actions) {
    assertEquals(
        List.of(),
        lint(allow(actions, "\"*\"")).stream()
            .filter(f -> f.code().equals("WILDCARD_RESOURCE"))
            .toList());
  }

  @Test
  void resourceStarWithAResourcelessAndAKeyActionIsAWildcard() {
    only(lint(allow("[\"kms:ListKeys\", \"kms:Decrypt\"]", "\"*\"")), "WILDCARD_RESOURCE");
  }

  @Test
  void resourceStarInADenyIsNotAWarning() {
    String json =
        statement(
            "\"Effect\": \"Deny\"",
            "\"Action\": \"kms:ScheduleKeyDeletion\"",
            "\"Resource\": \"*\"");
    assertEquals(List.of(), lint(json));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"*\"|\"*\"",
        "\"kms:*\"|\"*\"",
        "\"kms:Describe*\"|\"*\"",
        "\"kms:Decrypt\"|\"arn:aws:kms:*:*:key/*\"",
        "\"kms:Decrypt\"|\"arn:*:kms:us-east-1:111122223333:key/*\""
      })
  void wildcardsInADenyAreNotWarnings(String action, String resource) {
    String json =
        statement("\"Effect\": \"Deny\"", "\"Action\": " + action, "\"Resource\": " + resource);
    assertEquals(List.of(), lint(json));
  }

  @Test
  void denyEverythingIsClean() {
    assertEquals(
        List.of(),
        lint(statement("\"Effect\": \"Deny\"", "\"Action\": \"*\"", "\"Resource\": \"*\"")));
  }

  @Test
  void redundantResource() {
    Finding f =
        only(
            lint(allow("\"kms:Decrypt\"", "[\"" + KEY + "\", \"" + KEY + "\"]")),
            "REDUNDANT_RESOURCE");
    assertEquals(Type.SUGGESTION, f.type());
    assertEquals("$.Statement[0].Resource[1]", f.path());
    assertEquals(KEY + " is listed twice", f.message());
  }
}
