package dev.runwright.policy;

import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.KEY2;
import static dev.runwright.policy.LintTestSupport.TRUST;
import static dev.runwright.policy.LintTestSupport.allow;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.codes;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static dev.runwright.policy.LintTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Position;
import dev.runwright.policy.Finding.Type;
import dev.runwright.policy.PolicyLinter.Options;
import dev.runwright.policy.PolicyLinter.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linter as a whole: clean policies, JSON syntax and duplicate keys, and how findings are
 * reported.
 */
class PolicyLinterTest {
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
