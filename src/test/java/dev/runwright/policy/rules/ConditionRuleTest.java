package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.KEY;
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
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ConditionRule}. */
class ConditionRuleTest {
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
}
