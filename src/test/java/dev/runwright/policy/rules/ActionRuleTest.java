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
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ActionRule}: action grammar, wildcards and the actions of every service. */
class ActionRuleTest {
  @Test
  void missingAction() {
    Finding f =
        only(
            lint(statement("\"Effect\": \"Allow\"", "\"Resource\": \"" + KEY + "\"")),
            "MISSING_ACTION");
    assertFinding(f, Type.ERROR, "$.Statement[0]", 4, 5, "the statement has no Action");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Decrypt", "kms Decrypt", "kms:Decrypt:x", "kms:", ":Decrypt", "kms:De-crypt"})
  void invalidAction(String action) {
    Finding f =
        only(
            lint(allow("[\"kms:Encrypt\", \"" + action + "\"]", "\"" + KEY + "\"")),
            "INVALID_ACTION");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Action[1]",
        6,
        33,
        "\"" + action + "\" is not an action; expected service:Action, such as kms:Decrypt");
  }

  @Test
  void unknownActionWithSuggestion() {
    Finding f = only(lint(allow("\"kms:Decrpyt\"", "\"" + KEY + "\"")), "UNKNOWN_ACTION");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Action",
        6,
        17,
        "\"kms:Decrpyt\" is not a KMS action; did you mean Decrypt?");
  }

  @Test
  void unknownActionWithoutSuggestion() {
    Finding f = only(lint(allow("\"kms:LaunchRocket\"", "\"" + KEY + "\"")), "UNKNOWN_ACTION");
    assertEquals("\"kms:LaunchRocket\" is not a KMS action", f.message());
  }

  @Test
  void unknownWildcardAction() {
    Finding f = only(lint(allow("\"kms:Launch*\"", "\"" + KEY + "\"")), "UNKNOWN_ACTION");
    assertFinding(
        f, Type.ERROR, "$.Statement[0].Action", 6, 17, "\"kms:Launch*\" matches no KMS action");
  }

  @Test
  void otherServicesActionsAreLookedUpToo() {
    // Issue 20: lint knew only KMS actions, so s3:GetObjectt passed.
    Finding f =
        only(
            lint(
                allow(
                    "[\"kms:Decrypt\", \"s3:GetObjectt\"]",
                    "[\"" + KEY + "\", \"arn:aws:s3:::b/*\"]")),
            "UNKNOWN_ACTION");
    assertEquals("\"s3:GetObjectt\" is not an S3 action; did you mean GetObject?", f.message());
  }

  @Test
  void wildcardActionEverything() {
    Finding f = only(lint(allow("\"*\"", "\"" + KEY + "\"")), "WILDCARD_ACTION");
    assertFinding(
        f,
        Type.SECURITY_WARNING,
        "$.Statement[0].Action",
        6,
        17,
        "Action \"*\" grants every action of every service; list the actions needed");
  }

  @Test
  void wildcardActionEveryKmsAction() {
    Finding f = only(lint(allow("[\"kms:*\"]", "\"" + KEY + "\"")), "WILDCARD_ACTION");
    assertFinding(
        f,
        Type.SECURITY_WARNING,
        "$.Statement[0].Action[0]",
        6,
        18,
        "\"kms:*\" grants every kms action; list the actions needed");
  }

  @Test
  void wildcardActionPattern() {
    Finding f = only(lint(allow("\"kms:Generate*\"", "\"" + KEY + "\"")), "WILDCARD_ACTION");
    assertFinding(
        f,
        Type.WARNING,
        "$.Statement[0].Action",
        6,
        17,
        "\"kms:Generate*\" matches 6 KMS actions, including any AWS adds later; list the ones"
            + " needed");
  }

  @Test
  void serviceCaseAndActionCase() {
    List<Finding> fs = lint(allow("[\"KMS:Decrypt\", \"kms:generatedatakey\"]", "\"" + KEY + "\""));
    assertFinding(
        only(fs, "SERVICE_CASE"),
        Type.WARNING,
        "$.Statement[0].Action[0]",
        6,
        18,
        "service prefixes are lower case: kms");
    assertFinding(
        only(fs, "ACTION_CASE"),
        Type.SUGGESTION,
        "$.Statement[0].Action[1]",
        6,
        33,
        "IAM ignores case in action names, but AWS writes it kms:GenerateDataKey");
  }

  @Test
  void redundantAction() {
    Finding f =
        only(
            lint(allow("[\"kms:Decrypt\", \"kms:DECRYPT\"]", "\"" + KEY + "\"")),
            "REDUNDANT_ACTION");
    assertFinding(
        f, Type.SUGGESTION, "$.Statement[0].Action[1]", 6, 33, "kms:DECRYPT is listed twice");
  }

  @Test
  void emptyActionList() {
    Finding f = only(lint(allow("[]", "\"" + KEY + "\"")), "EMPTY_LIST");
    assertFinding(f, Type.ERROR, "$.Statement[0].Action", 6, 17, "Action is an empty list");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "true", "null", "{\"a\": \"kms:Decrypt\"}"})
  void actionsMustBeStrings(String action) {
    Finding f = only(lint(allow(action, "\"" + KEY + "\"")), "INVALID_VALUE");
    assertFinding(f, Type.ERROR, "$.Statement[0].Action", 6, 17, "Action must be a JSON string");
  }

  @Test
  void pathIndexesCountEveryItem() {
    List<Finding> fs = lint(allow("[\"kms:Decrypt\", 5, \"kms:Decrpyt\"]", "\"" + KEY + "\""));
    assertEquals("$.Statement[0].Action[1]", only(fs, "INVALID_VALUE").path());
    assertEquals("$.Statement[0].Action[2]", only(fs, "UNKNOWN_ACTION").path());
  }

  @Test
  void allowWithNotAction() {
    String json =
        statement(
            "\"Effect\": \"Allow\"", "\"NotAction\": \"iam:*\"", "\"Resource\": \"" + KEY + "\"");
    Finding f = only(lint(json), "ALLOW_WITH_NOT_ACTION");
    assertFinding(
        f,
        Type.SECURITY_WARNING,
        "$.Statement[0].NotAction",
        6,
        20,
        "Allow with NotAction grants every action of every service except those listed; list"
            + " the actions needed in Action");
    assertFalse(codes(lint(json)).contains("WILDCARD_ACTION"), () -> lint(json).toString());
  }
}
