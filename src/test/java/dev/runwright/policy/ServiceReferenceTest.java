package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.YamlReader;
import dev.runwright.policy.rules.BuiltInRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Looking up services, actions and ARN formats in the shipped service reference. */
class ServiceReferenceTest {
  private static final ServiceReference REF = ServiceReference.builtIn();
  private static final Service KMS = REF.service("kms").orElseThrow();

  @Test
  void theSourceAndDateAreKnown() {
    assertTrue(REF.source().startsWith("udondan/iam-floyd"), REF.source());
    assertTrue(REF.source().contains("50d8b534ec4653717dd004ab83bedea80851828b"), REF.source());
    assertEquals("2026-08-22", REF.date());
    assertEquals(455, REF.prefixes().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"kms", "KMS", "s3", "lambda", "sts", "iam", "rds", "ec2"})
  void servicesAreFoundByPrefixInAnyCase(String prefix) {
    assertTrue(REF.service(prefix).isPresent(), prefix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s33", "../kms", "kms/../s3", "index", "action-resources", "k*s"})
  void nothingElseIsAService(String prefix) {
    assertEquals(Optional.empty(), REF.service(prefix));
  }

  @ParameterizedTest
  @CsvSource({
    "Decrypt, Decrypt",
    "decrypt, Decrypt",
    "DECRYPT, Decrypt",
    "generatedatakeypairwithoutplaintext, GenerateDataKeyPairWithoutPlaintext"
  })
  void actionsAreFoundInAnyCaseAndGivenInAwssCapitalisation(String typed, String name) {
    assertEquals(name, KMS.action(typed).orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Decrpyt", "kms:Decrypt", "Decrypt ", "*", "AssumeRole"})
  void noOtherActionIsFound(String typed) {
    assertEquals(Optional.empty(), KMS.action(typed));
  }

  @Test
  void actionsHaveTheirAccessLevelsAndConditionKeys() {
    assertEquals("Write", KMS.action("Decrypt").orElseThrow().accessLevel());
    assertEquals(
        "Permissions management, Write", KMS.action("CreateGrant").orElseThrow().accessLevel());
    assertEquals("List", KMS.action("ListKeys").orElseThrow().accessLevel());
    assertTrue(KMS.action("Decrypt").orElseThrow().conditionKeys().contains("kms:ViaService"));
    assertEquals("String", KMS.conditionKeys().get("kms:ViaService"));
  }

  private static List<String> matching(String pattern) {
    return KMS.matching(pattern).stream().map(Service.Action::name).sorted().toList();
  }

  @Test
  void matchingExpandsIamWildcards() {
    assertEquals(
        List.of(
            "GenerateDataKey",
            "GenerateDataKeyPair",
            "GenerateDataKeyPairWithoutPlaintext",
            "GenerateDataKeyWithoutPlaintext",
            "GenerateMac",
            "GenerateRandom"),
        matching("Generate*"));
    assertEquals(List.of("Decrypt", "Encrypt"), matching("*crypt"));
    assertEquals(List.of("Encrypt"), matching("?ncrypt"));
    assertEquals(List.of("ReEncryptFrom", "ReEncryptTo"), matching("reencrypt*"));
    assertEquals(KMS.actions().size(), matching("*").size());
    assertEquals(List.of(), matching("Launch*"));
    assertEquals(List.of("Decrypt"), matching("Decrypt"));
  }

  @Test
  void matchingIsAnchoredAtBothEnds() {
    assertEquals(List.of("Verify"), matching("Verif?"));
    assertEquals(List.of("Verify", "VerifyMac"), matching("Verify*"));
    assertTrue(matching("erify*").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CreateKey", "GenerateRandom", "ListAliases", "ListKeys"})
  void resourcelessKmsActionsTakeNoResource(String name) {
    assertEquals(Optional.of(Set.of()), KMS.action(name).orElseThrow().resourceTypes());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "CreateGrant", "Sign"})
  void kmsKeyActionsActOnKeys(String name) {
    assertEquals(Optional.of(Set.of("key")), KMS.action(name).orElseThrow().resourceTypes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CreateAlias", "DeleteAlias", "UpdateAlias"})
  void kmsAliasActionsActOnAliasesAndKeys(String name) {
    assertEquals(
        Optional.of(Set.of("alias", "key")), KMS.action(name).orElseThrow().resourceTypes());
  }

  @Test
  void otherServicesResourceTypesAreUnknown() {
    Service s3 = REF.service("s3").orElseThrow();
    assertEquals(Optional.empty(), s3.action("GetObject").orElseThrow().resourceTypes());
  }

  @Test
  void arnServicesComeFromTheFormats() {
    assertEquals(Set.of("iam", "sts"), REF.arnServices("sts"));
    assertEquals(Set.of("s3", "s3-object-lambda"), REF.arnServices("s3"));
    assertEquals(Set.of(), REF.arnServices("a2c"));
    assertTrue(REF.allArnServices().contains("lambda"));
    List<String> iamFormatsOwners =
        REF.formatsFor("iam").stream().map(ArnFormat::prefix).distinct().toList();
    assertTrue(iamFormatsOwners.containsAll(List.of("iam", "sts")), iamFormatsOwners::toString);
  }

  @Test
  void checkingAKmsPolicyReadsOnlyTheKmsData() {
    // generate checks every policy it writes; reading 455 services would slow every run.
    ServiceReference fresh = new ServiceReference();
    PolicyLinter linter = new PolicyLinter(new YamlReader(), BuiltInRules.all(), fresh);
    String policy =
        LintTestSupport.allow(
            "[\"kms:Decrypt\", \"kms:GenerateDataKey\"]", "\"" + LintTestSupport.KEY + "\"");
    assertEquals(List.of(), linter.lint(policy, "p.json", PolicyLinter.Options.DEFAULT));
    assertEquals(Set.of("kms"), fresh.loaded());
    String trust =
        LintTestSupport.statement(
            "\"Effect\": \"Allow\"",
            "\"Principal\": {\"Service\": \"rds.amazonaws.com\"}",
            "\"Action\": \"sts:AssumeRole\"");
    assertEquals(List.of(), linter.lint(trust, "t.json", PolicyLinter.Options.DEFAULT));
    assertEquals(Set.of("kms", "sts"), fresh.loaded());
  }
}
