package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.IDENTITY;
import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.TRUST;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.codes;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.YamlReader;
import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import dev.runwright.policy.PolicyJson;
import dev.runwright.policy.PolicyLinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SizeRule}. */
class SizeRuleTest {
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
}
