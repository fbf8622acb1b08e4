package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.policy.Finding.Type;
import dev.runwright.policy.PolicyLinter.Options;
import dev.runwright.policy.PolicyLinter.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyLinterTest {
  private static final PolicyLinter LINTER = new PolicyLinter(new YamlReader());
  private static final String KEY =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String KEY2 =
      "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";
  private static final Options IDENTITY = new Options(PolicyType.IDENTITY, null, null);
  private static final Options TRUST = new Options(PolicyType.TRUST, null, null);

  private static List<Finding> lint(String json) {
    return LINTER.lint(json, "p.json", Options.DEFAULT);
  }

  private static List<Finding> lint(String json, Options options) {
    return LINTER.lint(json, "p.json", options);
  }

  /**
   * A policy with one statement whose body lines are {@code lines}: line 4 is the statement's brace
   * (column 5) and the body starts on line 5, each line indented six spaces.
   */
  private static String statement(String... lines) {
    return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      "
        + String.join(",\n      ", lines)
        + "\n    }\n  ]\n}\n";
  }

  private static String allow(String action, String resource) {
    return statement("\"Effect\": \"Allow\"", "\"Action\": " + action, "\"Resource\": " + resource);
  }

  private static Finding only(List<Finding> findings, String code) {
    List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
    assertEquals(1, matching.size(), () -> code + " in " + findings);
    return matching.get(0);
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  private static void assertFinding(
      Finding f, Type type, String path, int line, int column, String message) {
    assertEquals(type, f.type(), f::toString);
    assertEquals(path, f.path(), f::toString);
    assertEquals(new Position("p.json", line, column), f.at(), f::toString);
    assertEquals(message, f.message());
  }

  // ---------------------------------------------------------------- clean policies

  @Test
  void theSeedPolicyFixedIsClean() {
    assertEquals(List.of(), lint(allow("[\"kms:Decrypt\"]", "\"" + KEY + "\"")));
  }

  @Test
  void aTypicalGeneratedPolicyIsClean() {
    String json =
        statement(
            "\"Sid\": \"AuroraKmsAccess\"",
            "\"Effect\": \"Allow\"",
            "\"Action\": [\"kms:Decrypt\", \"kms:GenerateDataKey\"]",
            "\"Resource\": [\"" + KEY + "\", \"" + KEY2 + "\"]",
            "\"Condition\": {\"StringEquals\": {\"kms:ViaService\": \"rds.us-east-1.amazonaws.com\"}}");
    assertEquals(List.of(), lint(json, new Options(PolicyType.IDENTITY, "111122223333", "aws")));
  }

  @Test
  void aCleanTrustPolicy() {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Principal\": {\"Service\": \"rds.amazonaws.com\"}",
            "\"Action\": \"sts:AssumeRole\"",
            "\"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}");
    assertEquals(List.of(), lint(json, TRUST));
    assertEquals(List.of(), lint(json)); // a Principal makes AUTO read it as a trust policy
  }

  // ---------------------------------------------------------------- grammar

  @Test
  void aRegionWildcardForAMultiRegionKeyIsOnlyASuggestion() {
    String mrk = "arn:aws:kms:*:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + mrk + "\"")), "WILDCARD_RESOURCE");
    assertEquals(Type.SUGGESTION, f.type());
    assertTrue(f.message().contains("every replica"), f.message());
    String plain = "arn:aws:kms:*:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    Finding g = only(lint(allow("\"kms:Decrypt\"", "\"" + plain + "\"")), "WILDCARD_RESOURCE");
    assertEquals(Type.SECURITY_WARNING, g.type());
  }

  @Test
  void invalidJson() {
    List<Finding> fs = lint(PolicyJsonTest.SEED_POLICY);
    assertEquals(1, fs.size());
    Finding f = fs.get(0);
    assertEquals("INVALID_JSON", f.code());
    assertEquals(Type.ERROR, f.type());
    assertEquals("$", f.path());
    assertEquals(new Position("p.json", 7, 30), f.at(), "at the seed's trailing comma");
    assertEquals(
        "a trailing comma; JSON allows no comma after the last item of a list or object (remove"
            + " it)",
        f.message());

    Finding other = lint("{\"Version\": \"2012-10-17\" \"Statement\": []}").get(0);
    assertEquals("INVALID_JSON", other.code());
    assertEquals(new Position("p.json", 1, 26), other.at());
    assertTrue(
        other.message().startsWith("Unexpected character ('\"' (code 34))"), other.message());
  }

  @Test
  void duplicateKey() {
    List<Finding> fs =
        lint(
            statement(
                "\"Effect\": \"Allow\"",
                "\"Effect\": \"Deny\"",
                "\"Action\": \"kms:Decrypt\"",
                "\"Resource\": \"*\""));
    Finding f = only(fs, "DUPLICATE_KEY");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Effect",
        6,
        7,
        "the key \"Effect\" appears again (first at 5:7); IAM keeps only one of them");
    // The later value is the one checked: a Deny on "*" is no wildcard warning.
    assertEquals(List.of("DUPLICATE_KEY"), codes(fs));
  }

  @Test
  void aDuplicateKeyInsideAReplacedValueKeepsTheRootPath() {
    // The first Statement, with its repeated Sid, is dropped for the second: no path leads to it.
    String json =
        "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"A\", \"Sid\": \"B\"},"
            + " \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\","
            + " \"Resource\": \""
            + KEY
            + "\"}}";
    List<Finding> fs = lint(json).stream().filter(f -> f.code().equals("DUPLICATE_KEY")).toList();
    assertEquals(List.of("$", "$.Statement"), fs.stream().map(Finding::path).toList());
  }

  @Test
  void duplicateKeyPathNamesTheKey() {
    Finding f =
        only(
            lint(
                statement(
                    "\"Effect\": \"Allow\"",
                    "\"Effect\": \"Deny\"",
                    "\"Action\": \"kms:Decrypt\"",
                    "\"Resource\": \"*\"")),
            "DUPLICATE_KEY");
    assertEquals("$.Statement[0].Effect", f.path());
  }

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

  @Test
  void missingStatement() {
    Finding absent = only(lint("{\"Version\": \"2012-10-17\"}"), "MISSING_STATEMENT");
    assertFinding(absent, Type.ERROR, "$", 1, 1, "the policy has no Statement");
    Finding empty =
        only(lint("{\"Version\": \"2012-10-17\", \"Statement\": []}"), "MISSING_STATEMENT");
    assertFinding(empty, Type.ERROR, "$.Statement", 1, 40, "Statement is an empty list");
  }

  @Test
  void unknownTopLevelElement() {
    Finding f =
        only(lint("{\n  \"Version\": \"2012-10-17\",\n  \"Statements\": []\n}"), "UNKNOWN_ELEMENT");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statements",
        3,
        3,
        "\"Statements\" is not a policy element; did you mean Statement?; expected Version, Id"
            + " and Statement");
  }

  @Test
  void unknownStatementElement() {
    List<Finding> fs =
        lint(
            statement(
                "\"Effect\": \"Allow\"",
                "\"Action\": \"kms:Decrypt\"",
                "\"Resources\": \"" + KEY + "\""));
    Finding f = only(fs, "UNKNOWN_ELEMENT");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resources",
        7,
        7,
        "\"Resources\" is not a statement element; did you mean Resource?");
    only(fs, "MISSING_RESOURCE");
  }

  @Test
  void invalidPolicyAndStatementShapes() {
    assertFinding(
        only(lint("[]"), "INVALID_POLICY"), Type.ERROR, "$", 1, 1, "a policy is a JSON object");
    assertFinding(
        only(lint("{\"Version\": \"2012-10-17\", \"Statement\": [\"x\"]}"), "INVALID_STATEMENT"),
        Type.ERROR,
        "$.Statement[0]",
        1,
        41,
        "a statement is a JSON object");
  }

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

  // ---------------------------------------------------------------- principals

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

  // ---------------------------------------------------------------- actions

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"Action\": \"kms:Decrypt\"|\"NotAction\": \"kms:Encrypt\"|$.Statement[0].NotAction|a"
            + " statement has Action or NotAction, not both; IAM rejects it",
        "\"NotAction\": \"kms:Encrypt\"|\"Action\": \"kms:Decrypt\"|$.Statement[0].Action|a"
            + " statement has Action or NotAction, not both; IAM rejects it",
        "\"Resource\": \"*\"|\"NotResource\": \"*\"|$.Statement[0].NotResource|a statement"
            + " has Resource or NotResource, not both; IAM rejects it"
      })
  void elementAndNotElementConflict(String first, String second, String path, String message) {
    List<String> lines = new java.util.ArrayList<>(List.of("\"Effect\": \"Deny\""));
    if (!first.contains("Action") && !second.contains("Action")) {
      lines.add("\"Action\": \"kms:Decrypt\"");
    }
    if (!first.contains("Resource") && !second.contains("Resource")) {
      lines.add("\"Resource\": \"" + KEY + "\"");
    }
    lines.add(first);
    lines.add(second);
    Finding f = only(lint(statement(lines.toArray(String[]::new))), "CONFLICTING_ELEMENTS");
    assertEquals(Type.ERROR, f.type());
    assertEquals(path, f.path());
    assertEquals(message, f.message());
    assertEquals(5 + lines.size() - 1, f.at().line());
    assertEquals(7, f.at().column());
  }

  @Test
  void principalAndNotPrincipalConflict() {
    String json =
        statement(
            "\"Effect\": \"Deny\"",
            "\"Principal\": {\"Service\": \"rds.amazonaws.com\"}",
            "\"NotPrincipal\": {\"Service\": \"ec2.amazonaws.com\"}",
            "\"Action\": \"sts:AssumeRole\"");
    Finding f = only(lint(json, TRUST), "CONFLICTING_ELEMENTS");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].NotPrincipal",
        7,
        7,
        "a statement has Principal or NotPrincipal, not both; IAM rejects it");
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

  // ---------------------------------------------------------------- resources

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
  void wildcardPrincipalInADenyIsNotAWarning() {
    String json =
        statement(
            "\"Effect\": \"Deny\"",
            "\"Principal\": {\"AWS\": \"*\"}",
            "\"Action\": \"sts:AssumeRole\"");
    assertEquals(List.of(), lint(json));
  }

  @Test
  void denyEverythingIsClean() {
    assertEquals(
        List.of(),
        lint(statement("\"Effect\": \"Deny\"", "\"Action\": \"*\"", "\"Resource\": \"*\"")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:kms:*:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab|the Region is a"
            + " wildcard; name the Region",
        "arn:aws:kms:us-east-1:*:key/1234abcd-12ab-34cd-56ef-1234567890ab|the account is a"
            + " wildcard; name the account",
        "arn:aws:kms:us-east-1:111122223333:key/*|the key ID is a wildcard, so the statement"
            + " covers every key that matches; name each key",
        "arn:*:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab|the partition"
            + " is a wildcard"
      })
  void wildcardsInsideAnArn(String arn, String message) {
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + arn + "\"")), "WILDCARD_RESOURCE");
    assertFinding(f, Type.SECURITY_WARNING, "$.Statement[0].Resource", 7, 19, message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1234abcd-12ab-34cd-56ef-1234567890ab", "alias/my-key", "arn:aws:kms:us-east-1"})
  void invalidArn(String resource) {
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + resource + "\"")), "INVALID_ARN");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        7,
        19,
        "\"" + resource + "\" is not an ARN (arn:partition:service:region:account:resource)");
  }

  @Test
  void invalidArnPartition() {
    Finding f =
        only(
            lint(allow("\"kms:Decrypt\"", "\"" + KEY.replace("arn:aws:", "arn:aws-xn:") + "\"")),
            "INVALID_ARN_PARTITION");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        7,
        19,
        "\"aws-xn\" is not an AWS partition; did you mean aws-cn?");
  }

  @Test
  void invalidArnPartitionForThePolicysPartition() {
    Finding f =
        only(
            lint(
                allow("\"kms:Decrypt\"", "\"" + KEY + "\""),
                new Options(PolicyType.IDENTITY, null, "aws-cn")),
            "INVALID_ARN_PARTITION");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        7,
        19,
        "the ARN is in partition aws, but the policy is for aws-cn");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:kms:virginia:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab|\"virginia\""
            + " is not a Region code",
        "arn:aws:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab|Region"
            + " cn-north-1 is in partition aws-cn, not aws",
        "arn:aws-us-gov:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab|Region"
            + " us-east-1 is in partition aws, not aws-us-gov"
      })
  void invalidArnRegion(String arn, String message) {
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + arn + "\"")), "INVALID_ARN_REGION");
    assertFinding(f, Type.ERROR, "$.Statement[0].Resource", 7, 19, message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"11112222333", "1111-2222-3333", "acct"})
  void invalidArnAccount(String account) {
    String arn = KEY.replace("111122223333", account);
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + arn + "\"")), "INVALID_ARN_ACCOUNT");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        7,
        19,
        "\"" + account + "\" is not a 12-digit account ID");
  }

  @Test
  void mixedPartitions() {
    String cn = "arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    Finding f =
        only(
            lint(allow("\"kms:Decrypt\"", "[\"" + KEY + "\", \"" + cn + "\"]")),
            "MIXED_PARTITIONS");
    assertFinding(
        f,
        Type.ERROR,
        "$",
        1,
        1,
        "the policy names resources in partitions aws, aws-cn; a policy lives in one partition"
            + " and can name only its resources");
  }

  @Test
  void crossAccountResource() {
    Options forAccount = new Options(PolicyType.IDENTITY, "444455556666", "aws");
    Finding f =
        only(
            lint(allow("\"kms:Decrypt\"", "\"" + KEY + "\""), forAccount),
            "CROSS_ACCOUNT_RESOURCE");
    assertFinding(
        f,
        Type.WARNING,
        "$.Statement[0].Resource",
        7,
        19,
        "the resource is in account 111122223333, not 444455556666; the resource's own policy"
            + " must also allow access");
    assertEquals(
        List.of(),
        lint(
            allow("\"kms:Decrypt\"", "\"" + KEY + "\""),
            new Options(PolicyType.IDENTITY, "111122223333", "aws")));
    assertEquals(List.of(), lint(allow("\"kms:Decrypt\"", "\"" + KEY + "\""), IDENTITY));
  }

  @Test
  void aliasArnForKeyAction() {
    String alias = "arn:aws:kms:us-east-1:111122223333:alias/my-key";
    Finding f =
        only(lint(allow("\"kms:Decrypt\"", "\"" + alias + "\"")), "ALIAS_ARN_FOR_KEY_ACTION");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        7,
        19,
        "an alias ARN in Resource names the alias, not its key, so key actions such as"
            + " kms:Decrypt are not granted; use the key ARN");
  }

  @Test
  void aliasArnForAliasActionsIsFine() {
    String alias = "arn:aws:kms:us-east-1:111122223333:alias/my-key";
    assertEquals(
        List.of(),
        lint(
            allow(
                "[\"kms:CreateAlias\", \"kms:UpdateAlias\"]",
                "[\"" + alias + "\", \"" + KEY + "\"]")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:kms:us-east-1:111122223333:grant/abc|a KMS ARN names a key/ or an alias/, not"
            + " \"grant/abc\"",
        "arn:aws:kms:us-east-1:111122223333:key/1234ABCD-12AB-34CD-56EF-1234567890AB|"
            + "\"1234ABCD-12AB-34CD-56EF-1234567890AB\" is not a KMS key ID (a UUID or mrk- and 32"
            + " hex digits)",
        "arn:aws:kms:us-east-1:111122223333:key/|\"\" is not a KMS key ID (a UUID or mrk- and 32"
            + " hex digits)"
      })
  void invalidArnResource(String arn, String message) {
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + arn + "\"")), "INVALID_ARN_RESOURCE");
    assertFinding(f, Type.ERROR, "$.Statement[0].Resource", 7, 19, message);
  }

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:kms::111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab|INVALID_ARN_REGION|the"
            + " Region is empty; a KMS key ARN names the key's Region",
        "arn:aws:kms:us-east-1::key/1234abcd-12ab-34cd-56ef-1234567890ab|INVALID_ARN_ACCOUNT|the"
            + " account is empty; a KMS key ARN names the key's account",
        "arn:aws:kms::111122223333:alias/my-key|INVALID_ARN_REGION|the Region is empty; a KMS"
            + " alias ARN names the alias's Region"
      })
  void kmsArnNeedsRegionAndAccount(String arn, String code, String message) {
    Finding f = only(lint(allow("\"kms:CreateAlias\"", "\"" + arn + "\"")), code);
    assertFinding(f, Type.ERROR, "$.Statement[0].Resource", 7, 19, message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:s3:::my-bucket/home/${aws:username}/*",
        "arn:aws:iam::${aws:PrincipalAccount}:role/admin",
        "arn:aws:kms:${aws:RequestedRegion}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-1:${aws:PrincipalAccount}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-1:111122223333:key/${aws:PrincipalTag/key-id}"
      })
  void policyVariablesInArnsAreNotErrors(String arn) {
    assertEquals(List.of(), lint(allow("[\"kms:Decrypt\", \"s3:GetObject\"]", "\"" + arn + "\"")));
  }

  @Test
  void policyVariablesDoNotHideTheOtherParts() {
    String arn = "arn:aws:kms:virginia:111122223333:key/${aws:PrincipalTag/key-id}";
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + arn + "\"")), "INVALID_ARN_REGION");
    assertEquals("\"virginia\" is not a Region code", f.message());
  }

  // ---------------------------------------------------------------- conditions

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"x\"|$.Statement[0].Condition|Condition maps operators to keys and values, such as"
            + " {\"StringEquals\": {...}}",
        "{}|$.Statement[0].Condition|Condition maps operators to keys and values, such as"
            + " {\"StringEquals\": {...}}",
        "{\"StringEquals\": \"x\"}|$.Statement[0].Condition.StringEquals|StringEquals must map"
            + " condition keys to values",
        "{\"StringEquals\": {}}|$.Statement[0].Condition.StringEquals|StringEquals must map"
            + " condition keys to values",
        "{\"StringEquals\": {\"k\": null}}|$.Statement[0].Condition.StringEquals.k|a condition"
            + " value must be text",
        "{\"StringEquals\": {\"k\": [\"a\", {}]}}|$.Statement[0].Condition.StringEquals.k|a"
            + " condition value must be text"
      })
  void invalidCondition(String condition, String path, String message) {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\": " + condition);
    Finding f = only(lint(json), "INVALID_CONDITION");
    assertEquals(Type.ERROR, f.type());
    assertEquals(path, f.path());
    assertEquals(message, f.message());
    assertEquals(8, f.at().line());
  }

  @Test
  void conditionValuesMayBeNumbersOrBooleans() {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": true}, \"NumericLessThan\":"
                + " {\"kms:x\": [1, \"2\"]}}");
    assertEquals(List.of(), lint(json));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "StringEqualz|\"StringEqualz\" is not a condition operator; did you mean StringEquals?",
        "stringequals|\"stringequals\" is not a condition operator; did you mean StringEquals?",
        "ForAnyValue:StringLikeIfExist|\"ForAnyValue:StringLikeIfExist\" is not a condition"
            + " operator; did you mean ForAnyValue:StringLikeIfExists?",
        "NullIfExists|\"NullIfExists\" is not a condition operator; Null has no IfExists form",
        "Launch|\"Launch\" is not a condition operator"
      })
  void unknownConditionOperator(String operator, String message) {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\": {\"" + operator + "\": {\"aws:username\": \"x\"}}");
    Finding f = only(lint(json), "UNKNOWN_CONDITION_OPERATOR");
    assertFinding(f, Type.ERROR, "$.Statement[0].Condition." + operator, 8, 21, message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "StringEquals",
        "StringNotEqualsIgnoreCase",
        "StringLikeIfExists",
        "ForAllValues:StringEquals",
        "ForAnyValue:StringNotLikeIfExists",
        "ArnNotLike",
        "BinaryEquals",
        "Null",
        "ForAnyValue:Null",
        "BoolIfExists"
      })
  void knownConditionOperators(String operator) {
    String value = operator.contains("Null") || operator.startsWith("Bool") ? "true" : "\"x\"";
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\": {\"" + operator + "\": {\"aws:k\": " + value + "}}");
    assertEquals(List.of(), lint(json));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bool|\"yes\"|\"yes\" is not a Bool value; use true or false",
        "BoolIfExists|1|\"1\" is not a Bool value; use true or false",
        "Null|\"maybe\"|\"maybe\" is not a Null value; use true or false",
        "IpAddress|\"203.0.113.300\"|\"203.0.113.300\" is not an IP address or CIDR range, such"
            + " as 203.0.113.0/24 or 2001:db8::/32",
        "NotIpAddress|[\"10.0.0.0/8\", \"10.0.0.0/33\"]|\"10.0.0.0/33\" is not an IP address or"
            + " CIDR range, such as 203.0.113.0/24 or 2001:db8::/32",
        "IpAddressIfExists|\"2001:db8:::1\"|\"2001:db8:::1\" is not an IP address or CIDR range,"
            + " such as 203.0.113.0/24 or 2001:db8::/32",
        "DateGreaterThan|\"yesterday\"|\"yesterday\" is not a date; use ISO 8601, such as"
            + " 2025-01-31T00:00:00Z, or epoch seconds",
        "ForAnyValue:DateLessThanEquals|\"31/01/2025\"|\"31/01/2025\" is not a date; use ISO"
            + " 8601, such as 2025-01-31T00:00:00Z, or epoch seconds",
        "NumericLessThan|\"ten\"|\"ten\" is not a number",
        "NumericEqualsIfExists|true|\"true\" is not a number"
      })
  void invalidConditionValue(String operator, String value, String message) {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\": {\"" + operator + "\": {\"aws:k\": " + value + "}}");
    Finding f = only(lint(json), "INVALID_CONDITION_VALUE");
    assertEquals(Type.ERROR, f.type(), f::toString);
    assertEquals("$.Statement[0].Condition." + operator + ".aws:k", f.path());
    assertEquals(message, f.message());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bool|true",
        "Bool|\"false\"",
        "Null|false",
        "IpAddress|[\"203.0.113.0/24\", \"198.51.100.7\", \"0.0.0.0/0\"]",
        "NotIpAddress|[\"2001:db8::/32\", \"::1\", \"::ffff:192.0.2.1\", \"1:2:3:4:5:6:7:8\"]",
        "DateGreaterThan|\"2025-01-31T00:00:00Z\"",
        "DateLessThan|[\"2025-01-31\", \"2025-01-31T12:30:00.000+01:00\", \"1738281600\"]",
        "DateEquals|1738281600",
        "NumericLessThan|[10, \"2.5\", \"-3\"]",
        "Bool|\"${aws:MultiFactorAuthPresent}\"",
        "IpAddress|\"${aws:SourceIp}\"",
        "DateGreaterThan|\"${aws:TokenIssueTime}\"",
        "NumericLessThan|\"${aws:MultiFactorAuthAge}\""
      })
  void validConditionValues(String operator, String value) {
    String json =
        statement(
            "\"Effect\": \"Allow\"",
            "\"Action\": \"kms:Decrypt\"",
            "\"Resource\": \"" + KEY + "\"",
            "\"Condition\": {\"" + operator + "\": {\"aws:k\": " + value + "}}");
    assertEquals(List.of(), lint(json));
  }

  // ---------------------------------------------------------------- Sids

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

  // ---------------------------------------------------------------- size and characters

  /** A compact identity policy of exactly {@code size} characters, padded in its Sid. */
  private static String compactPolicyOfSize(int size, String extra) {
    String template =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Allow\","
            + "\"Action\":\"kms:Decrypt\",\"Resource\":\""
            + KEY
            + "\""
            + extra
            + "}]}";
    String json = template.replace("%s", "S".repeat(size - (template.length() - 2)));
    assertEquals(size, json.length());
    return json;
  }

  @Test
  void countedSizeIgnoresWhitespaceOutsideStrings() {
    assertEquals(9, PolicyLinter.countedSize("{ \"a b\" :\n\t1 }"));
    assertEquals(11, PolicyLinter.countedSize("{\"a\\\" b\": 1}")); // escaped quote stays inside
    assertEquals(8, PolicyLinter.countedSize("{\"\\\\\":1}"));
    assertEquals(0, PolicyLinter.countedSize(" \n\r\t"));
  }

  @Test
  void managedPolicyOf6144CharactersIsFine() {
    assertEquals(List.of(), lint(compactPolicyOfSize(6144, ""), IDENTITY));
  }

  @Test
  void managedPolicyOf6145CharactersIsTooLarge() {
    Finding f = only(lint(compactPolicyOfSize(6145, ""), IDENTITY), "POLICY_SIZE_EXCEEDED");
    assertFinding(
        f,
        Type.ERROR,
        "$",
        1,
        1,
        "the policy has 6145 characters without whitespace; a managed policy may have at most"
            + " 6144 (split the keys over several policies)");
  }

  @Test
  void whitespaceIsNotCounted() throws Exception {
    PolicyJson json = new PolicyJson(new YamlReader());
    String pretty = json.writePolicy(json.parse(compactPolicyOfSize(6144, "")));
    assertTrue(pretty.length() > 6144 + 50, "indentation adds characters");
    assertEquals(List.of(), lint(pretty, IDENTITY));
    String prettyTooLarge = json.writePolicy(json.parse(compactPolicyOfSize(6145, "")));
    only(lint(prettyTooLarge, IDENTITY), "POLICY_SIZE_EXCEEDED");
  }

  private static String compactTrustPolicyOfSize(int size) {
    String template =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"rds.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String json = template.replace("%s", "S".repeat(size - (template.length() - 2)));
    assertEquals(size, json.length());
    return json;
  }

  @Test
  void trustPolicySizeQuota() {
    assertEquals(List.of(), lint(compactTrustPolicyOfSize(2048), TRUST));
    Finding quota = only(lint(compactTrustPolicyOfSize(2049), TRUST), "POLICY_SIZE_QUOTA");
    assertFinding(
        quota,
        Type.WARNING,
        "$",
        1,
        1,
        "the trust policy has 2049 characters without whitespace; the default quota is 2048 (it"
            + " can be raised to 4096)");
    assertEquals(List.of("POLICY_SIZE_QUOTA"), codes(lint(compactTrustPolicyOfSize(4096), TRUST)));
    Finding max = only(lint(compactTrustPolicyOfSize(4097), TRUST), "POLICY_SIZE_EXCEEDED");
    assertFinding(
        max,
        Type.ERROR,
        "$",
        1,
        1,
        "the trust policy has 4097 characters without whitespace; IAM allows at most 4096");
  }

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

  // ---------------------------------------------------------------- reporting

  @Test
  void findingsAreSortedByPosition() {
    String json =
        "{\n  \"Statement\": [\n    {\"Sid\": \"a-b\", \"Effect\": \"allow\", \"Action\": \"kms:Decrpyt\","
            + " \"Resource\": \"*\"}\n  ]\n}\n";
    List<Finding> fs = lint(json);
    assertEquals(
        List.of("MISSING_VERSION", "INVALID_SID", "INVALID_EFFECT", "UNKNOWN_ACTION"), codes(fs));
    for (int i = 1; i < fs.size(); i++) {
      Position a = fs.get(i - 1).at();
      Position b = fs.get(i).at();
      assertTrue(a.line() < b.line() || (a.line() == b.line() && a.column() <= b.column()));
    }
  }

  @Test
  void findingToStringIsOneLine() {
    Finding f = only(lint(allow("\"kms:Decrpyt\"", "\"" + KEY + "\"")), "UNKNOWN_ACTION");
    assertEquals(
        "p.json:6:17: ERROR UNKNOWN_ACTION at $.Statement[0].Action: \"kms:Decrpyt\" is not a KMS"
            + " action; did you mean Decrypt?",
        f.toString());
    assertTrue(f.blocksGeneration());
  }

  @Test
  void onlyErrorsAndSecurityWarningsBlockGeneration() {
    Position at = new Position("p.json", 1, 1);
    for (FindingCode code : FindingCode.values()) {
      Finding f = new Finding(code, "m", "$", at);
      boolean blocks = code.type() == Type.ERROR || code.type() == Type.SECURITY_WARNING;
      assertEquals(blocks, f.blocksGeneration(), code::toString);
      assertEquals(code.type(), f.type());
      assertEquals(code.id(), f.code());
    }
  }

  @Test
  void emptyPolicyIsNamedAsAPolicy() {
    Finding f = only(lint(""), "INVALID_JSON");
    assertFalse(f.message().contains("settings"), f.message());
  }
}
