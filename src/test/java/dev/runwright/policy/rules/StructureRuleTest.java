package dev.runwright.policy.rules;

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
import org.junit.jupiter.params.provider.CsvSource;

/** {@link StructureRule}: the policy and statement grammar. */
class StructureRuleTest {
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
}
