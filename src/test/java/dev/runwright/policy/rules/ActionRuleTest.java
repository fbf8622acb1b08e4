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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  // ---------------------------------------------------------------- every service (issue 20)

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s3:GetObjects|\"s3:GetObjects\" is not an S3 action; did you mean GetObject?",
        "s3:ListBuckett|\"s3:ListBuckett\" is not an S3 action; did you mean ListBucket?",
        "lambda:InvokeFunctoin|\"lambda:InvokeFunctoin\" is not a lambda action; did you mean"
            + " InvokeFunction?",
        "iam:CreateRoles|\"iam:CreateRoles\" is not an IAM action; did you mean CreateRole?",
        "sts:AssumeRoel|\"sts:AssumeRoel\" is not an STS action; did you mean AssumeRole?",
        "ec2:LaunchRocket|\"ec2:LaunchRocket\" is not an EC2 action"
      })
  void unknownActionsOfAnyServiceSuggestTheNearest(String action, String message) {
    Finding f = only(lint(allow("\"" + action + "\"", "\"*\"")), "UNKNOWN_ACTION");
    assertFinding(f, Type.ERROR, "$.Statement[0].Action", 6, 17, message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3:GetObject",
        "s3:ListBucket",
        "lambda:InvokeFunction",
        "rds:AddRoleToDBCluster",
        "iam:PassRole",
        "sts:AssumeRole",
        "s3-object-lambda:GetObject",
        "elasticloadbalancing:DescribeLoadBalancers"
      })
  void knownActionsOfOtherServicesAreFine(String action) {
    List<Finding> fs = lint(allow("\"" + action + "\"", "\"*\""));
    assertEquals(List.of("WILDCARD_RESOURCE"), codes(fs), fs::toString);
  }

  @Test
  void unknownServicePrefixSuggestsTheNearest() {
    Finding f = only(lint(allow("\"s33:GetObject\"", "\"*\"")), "UNKNOWN_SERVICE");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Action",
        6,
        17,
        "\"s33\" is not a service prefix in AWS's service reference of 2026-08-22; did you mean"
            + " s3?");
    assertFalse(codes(lint(allow("\"s33:GetObject\"", "\"*\""))).contains("UNKNOWN_ACTION"));
  }

  @Test
  void unknownServicePrefixWithAWildcardIsStillUnknown() {
    List<Finding> fs = lint(allow("\"lamda:*\"", "\"*\""));
    assertTrue(only(fs, "UNKNOWN_SERVICE").message().endsWith("; did you mean lambda?"));
    assertEquals(Type.SECURITY_WARNING, only(fs, "WILDCARD_ACTION").type());
  }

  @Test
  void aPatternThatMatchesSomeActionsIsOnlyAWildcardWarning() {
    Finding f = only(lint(allow("\"s3:Get*\"", "\"arn:aws:s3:::b/*\"")), "WILDCARD_ACTION");
    assertEquals(Type.WARNING, f.type());
    assertTrue(f.message().startsWith("\"s3:Get*\" matches "), f.message());
    assertTrue(f.message().contains(" S3 actions, including any AWS adds later"), f.message());
    assertEquals(
        List.of("WILDCARD_ACTION"), codes(lint(allow("\"s3:Get*\"", "\"arn:aws:s3:::b/*\""))));
  }

  @Test
  void aPatternThatMatchesNoActionIsUnknown() {
    Finding f = only(lint(allow("\"s3:Gett*\"", "\"arn:aws:s3:::b/*\"")), "UNKNOWN_ACTION");
    assertFinding(
        f, Type.ERROR, "$.Statement[0].Action", 6, 17, "\"s3:Gett*\" matches no S3 action");
  }

  @Test
  void aPatternInADenyIsFineWhenItMatches() {
    String json =
        statement("\"Effect\": \"Deny\"", "\"Action\": \"s3:Delete*\"", "\"Resource\": \"*\"");
    assertEquals(List.of(), lint(json));
  }

  @Test
  void anyServicesActionIsReportedInAwsCapitalisation() {
    Finding f = only(lint(allow("\"s3:getobject\"", "\"arn:aws:s3:::b/*\"")), "ACTION_CASE");
    assertFinding(
        f,
        Type.SUGGESTION,
        "$.Statement[0].Action",
        6,
        17,
        "IAM ignores case in action names, but AWS writes it s3:GetObject");
  }

  @Test
  void unknownActionsInNotActionAndDenyAreStillReported() {
    String json =
        statement(
            "\"Effect\": \"Deny\"", "\"NotAction\": [\"s3:GetObjects\"]", "\"Resource\": \"*\"");
    assertEquals("$.Statement[0].NotAction[0]", only(lint(json), "UNKNOWN_ACTION").path());
  }
}
