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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link KmsArnRule}. */
class KmsArnRuleTest {
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
}
