package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KmsActionsTest {

  /** AWS-FACTS.md section 3c: access level, then the actions at that level. */
  private static final String FACTS =
      """
      Write: CancelKeyDeletion, ConnectCustomKeyStore, CreateAlias, CreateCustomKeyStore, CreateKey,\
       Decrypt, DeleteAlias, DeleteCustomKeyStore, DeleteImportedKeyMaterial, DeriveSharedSecret,\
       DisableKey, DisableKeyRotation, DisconnectCustomKeyStore, EnableKey, EnableKeyRotation,\
       Encrypt, GenerateDataKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext,\
       GenerateDataKeyWithoutPlaintext, GenerateMac, GenerateRandom, ImportKeyMaterial,\
       ReEncryptFrom, ReEncryptTo, ReplicateKey, RotateKeyOnDemand, ScheduleKeyDeletion, Sign,\
       UpdateAlias, UpdateCustomKeyStore, UpdateKeyDescription, UpdatePrimaryRegion, Verify,\
       VerifyMac
      Permissions management: CreateGrant, PutKeyPolicy, RetireGrant, RevokeGrant
      Tagging: TagResource, UntagResource
      Read: DescribeCustomKeyStores, DescribeKey, GetKeyLastUsage, GetKeyPolicy,\
       GetKeyRotationStatus, GetParametersForImport, GetPublicKey
      List: ListAliases, ListGrants, ListKeyPolicies, ListKeyRotations, ListKeys,\
       ListResourceTags, ListRetirableGrants
      """;

  private static Map<String, String> factLevels() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : FACTS.strip().split("\n")) {
      String level = line.substring(0, line.indexOf(':'));
      for (String a : line.substring(line.indexOf(':') + 1).split(",")) {
        out.put(a.strip(), level);
      }
    }
    return out;
  }

  @Test
  void theActionsAreExactlyThoseOfTheFactSheet() {
    Map<String, String> facts = factLevels();
    assertEquals(55, facts.size());
    assertEquals(new TreeSet<>(facts.keySet()), new TreeSet<>(KmsActions.names()));
    assertEquals(KmsActions.names().size(), new HashSet<>(KmsActions.names()).size());
  }

  @Test
  void eachActionHasTheFactSheetsAccessLevel() {
    factLevels()
        .forEach(
            (name, level) ->
                assertEquals(level, KmsActions.find(name).orElseThrow().accessLevel(), name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CreateKey", "GenerateRandom", "ListAliases", "ListKeys"})
  void resourcelessActionsFromTheKmsGuideTakeNoResource(String name) {
    assertEquals(Set.of(), KmsActions.find(name).orElseThrow().resourceTypes());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "CreateGrant", "Sign"})
  void keyActionsActOnKeys(String name) {
    assertEquals(Set.of("key"), KmsActions.find(name).orElseThrow().resourceTypes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CreateAlias", "DeleteAlias", "UpdateAlias"})
  void aliasActionsActOnAliasesAndKeys(String name) {
    assertEquals(Set.of("alias", "key"), KmsActions.find(name).orElseThrow().resourceTypes());
  }

  @ParameterizedTest
  @CsvSource({
    "Decrypt, Decrypt",
    "decrypt, Decrypt",
    "DECRYPT, Decrypt",
    "generatedatakeypairwithoutplaintext, GenerateDataKeyPairWithoutPlaintext"
  })
  void findIgnoresCaseAndGivesAwssCapitalisation(String typed, String name) {
    assertEquals(name, KmsActions.find(typed).orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Decrpyt", "kms:Decrypt", "Decrypt ", "*", "AssumeRole"})
  void findFindsNothingElse(String typed) {
    assertEquals(Optional.empty(), KmsActions.find(typed));
  }

  private static List<String> matching(String pattern) {
    return KmsActions.matching(pattern).stream().map(KmsActions.Action::name).sorted().toList();
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
    assertEquals(55, matching("*").size());
    assertEquals(List.of(), matching("Launch*"));
    assertEquals(List.of("Decrypt"), matching("Decrypt"));
  }

  @Test
  void matchingIsAnchoredAtBothEnds() {
    assertEquals(List.of("Verify"), matching("Verif?"));
    assertEquals(List.of("Verify", "VerifyMac"), matching("Verify*"));
    assertTrue(matching("erify*").isEmpty());
  }
}
