package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KmsKeyTest {
  private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String MRK_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";
  private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID;
  private static final String EXPECTED =
      "a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), a multi-Region key ID (mrk- and 32 hex"
          + " digits) or a key ARN (arn:aws:kms:us-east-1:111122223333:key/<key ID>)";

  private static Region region(String code) {
    return Region.of(code).orElseThrow();
  }

  private static InvalidValueException refused(String input) {
    return assertThrows(InvalidValueException.class, () -> KmsKey.checkForm(input));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        KEY_ID,
        MRK_ID,
        KEY_ARN,
        "arn:aws:kms:eu-west-1:012345678901:key/" + MRK_ID,
        "arn:aws-cn:kms:cn-north-1:111122223333:key/" + KEY_ID,
        "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/" + KEY_ID,
        "arn:aws-eusc:kms:eusc-de-east-1:111122223333:key/" + KEY_ID,
        "arn:aws:kms:us-east-9:111122223333:key/" + KEY_ID // a Region botocore does not list yet
      })
  void acceptsKeyIdsMultiRegionKeyIdsAndKeyArns(String input) {
    KmsKey.checkForm(input); // does not throw
  }

  @Test
  void isKeyIdKnowsBothForms() {
    assertTrue(KmsKey.isKeyId(KEY_ID));
    assertTrue(KmsKey.isKeyId(MRK_ID));
    assertFalse(KmsKey.isKeyId(KEY_ID.toUpperCase()));
    assertFalse(KmsKey.isKeyId("mrk-1234abcd12ab34cd56ef1234567890abc")); // 33 hex digits
    assertFalse(KmsKey.isKeyId("mrk-1234abcd12ab34cd56ef1234567890a")); // 31
    assertFalse(KmsKey.isKeyId("1234abcd12ab34cd56ef1234567890ab")); // a UUID without dashes
    assertFalse(KmsKey.isKeyId("1234abcd-12ab-34cd-56ef-1234567890ag")); // g is not hex
    assertFalse(KmsKey.isKeyId(KEY_ARN));
  }

  @Test
  void emptyIsRefused() {
    InvalidValueException e = refused("");
    assertEquals("is empty", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "arn:aws:kms:us-east-1:111122223333:key/*",
        "arn:aws:kms:*:111122223333:key/" + MRK_ID,
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890a?"
      })
  void wildcardsAreRefused(String input) {
    InvalidValueException e = refused(input);
    assertEquals("contains a wildcard; Runwright names each key exactly", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alias/my-key",
        "alias/aws/rds",
        "arn:aws:kms:us-east-1:111122223333:alias/my-key",
        "arn:aws-cn:kms:cn-north-1:111122223333:alias/my-key"
      })
  void aliasesAreRefusedWithTheReasonAndHowToFindTheKey(String input) {
    InvalidValueException e = refused(input);
    assertEquals(
        "is an alias; an alias in an IAM policy's Resource names the alias, not the key, so it"
            + " does not grant use of the key",
        e.getMessage());
    assertEquals(
        "the key ID or key ARN that the alias points to (aws kms describe-key --key-id "
            + input
            + ")",
        e.expected());
  }

  @Test
  void upperCaseKeyIdIsRefusedWithTheLowerCaseId() {
    InvalidValueException e = refused(KEY_ID.toUpperCase());
    assertEquals(
        "has upper-case letters; KMS key IDs are lower case and ARNs match exactly",
        e.getMessage());
    assertEquals("\"" + KEY_ID + "\"", e.expected());
  }

  @Test
  void upperCaseMultiRegionKeyIdIsRefusedWithTheLowerCaseId() {
    InvalidValueException e = refused(MRK_ID.toUpperCase());
    assertEquals(
        "has upper-case letters; KMS key IDs are lower case and ARNs match exactly",
        e.getMessage());
    assertEquals("\"" + MRK_ID + "\"", e.expected());
  }

  @Test
  void upperCaseKeyIdInsideAnArnIsRefused() {
    InvalidValueException e =
        refused("arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID.toUpperCase());
    assertEquals(
        "has upper-case letters; KMS key IDs are lower case and ARNs match exactly",
        e.getMessage());
  }

  @Test
  void upperCaseKeyArnSuggestsTheWholeArnInLowerCase() {
    InvalidValueException e =
        refused("arn:aws:kms:eu-west-1:444455556666:key/" + KEY_ID.toUpperCase());
    assertEquals("\"arn:aws:kms:eu-west-1:444455556666:key/" + KEY_ID + "\"", e.expected());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mrk-1234abcd12ab34cd56ef1234567890abc",
        "mrk-1234abcd12ab34cd56ef1234567890a",
        "mrk-"
      })
  void malformedMultiRegionKeyIdsSaySo(String input) {
    InvalidValueException e = refused(input);
    assertEquals("is not a multi-Region key ID", e.getMessage());
    assertEquals("mrk- followed by 32 lower-case hex digits", e.expected());
  }

  @ParameterizedTest
  @ValueSource(strings = {"my-key", "1234abcd", "ALIAS/x", " " + KEY_ID, KEY_ID + "\n"})
  void otherTextIsNotAKey(String input) {
    InvalidValueException e = refused(input);
    assertEquals("is not a KMS key ID or key ARN", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:s3:::my-bucket",
        "arn:aws:iam::111122223333:role/x",
        "arn:aws:kms:us-east-1:111122223333",
        "arn:aws:kms:us-east-1:111122223333:grant/abc",
        "arn:aws:kms:us-east-1:111122223333:key:" + KEY_ID
      })
  void arnsThatDoNotNameAKeyAreRefused(String input) {
    InvalidValueException e = refused(input);
    assertEquals("is not a KMS key ARN", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @Test
  void keyArnWithAnUnknownPartition() {
    InvalidValueException e = refused("arn:aws-xx:kms:us-east-1:111122223333:key/" + KEY_ID);
    assertEquals("has an unknown partition \"aws-xx\"", e.getMessage());
  }

  @Test
  void keyArnWithAMalformedRegion() {
    InvalidValueException e = refused("arn:aws:kms:virginia:111122223333:key/" + KEY_ID);
    assertEquals("has a malformed Region \"virginia\"", e.getMessage());
    assertEquals("a Region code such as us-east-1", e.expected());
  }

  @Test
  void keyArnWhoseRegionIsInAnotherPartitionThanTheArnSays() {
    InvalidValueException e = refused("arn:aws:kms:cn-north-1:111122223333:key/" + KEY_ID);
    assertEquals("names Region cn-north-1, which is in partition aws-cn, not aws", e.getMessage());
    assertEquals("arn:aws-cn:kms:cn-north-1:...", e.expected());
  }

  @Test
  void govCloudRegionInAnAwsArn() {
    InvalidValueException e = refused("arn:aws:kms:us-gov-west-1:111122223333:key/" + KEY_ID);
    assertEquals(
        "names Region us-gov-west-1, which is in partition aws-us-gov, not aws", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"11112222333", "1111222233334", "", "1111-2222-3333"})
  void keyArnWithABadAccount(String account) {
    String input = "arn:aws:kms:us-east-1:" + account + ":key/" + KEY_ID;
    InvalidValueException e = refused(input);
    assertEquals("has account \"" + account + "\", which is not 12 digits", e.getMessage());
    assertEquals("a 12-digit account ID in the ARN", e.expected());
  }

  @Test
  void keyArnWithABadKeyId() {
    InvalidValueException e = refused("arn:aws:kms:us-east-1:111122223333:key/not-a-key");
    assertEquals("is not a KMS key ID or key ARN", e.getMessage());
  }

  @Test
  void resolveBuildsTheArnFromAKeyIdInThePolicysRegionAndAccount() {
    KmsKey k = KmsKey.resolve(KEY_ID, region("eu-west-1"), "012345678901");
    assertEquals("arn:aws:kms:eu-west-1:012345678901:key/" + KEY_ID, k.arn());
    assertEquals(KEY_ID, k.input());
    assertEquals(KEY_ID, k.keyId());
    assertEquals("eu-west-1", k.region());
    assertEquals("012345678901", k.account());
    assertFalse(k.multiRegion());
    assertEquals(k.arn(), k.toString());
  }

  @Test
  void resolveUsesThePartitionOfTheRegion() {
    assertEquals(
        "arn:aws-cn:kms:cn-north-1:111122223333:key/" + MRK_ID,
        KmsKey.resolve(MRK_ID, region("cn-north-1"), "111122223333").arn());
    assertEquals(
        "arn:aws-us-gov:kms:us-gov-east-1:111122223333:key/" + KEY_ID,
        KmsKey.resolve(KEY_ID, region("us-gov-east-1"), "111122223333").arn());
    assertEquals(
        "arn:aws-iso-b:kms:us-isob-east-1:111122223333:key/" + KEY_ID,
        KmsKey.resolve(KEY_ID, region("us-isob-east-1"), "111122223333").arn());
  }

  @Test
  void resolveMarksMultiRegionKeys() {
    assertTrue(KmsKey.resolve(MRK_ID, region("us-east-1"), "111122223333").multiRegion());
    assertTrue(
        KmsKey.resolve(
                "arn:aws:kms:us-west-2:111122223333:key/" + MRK_ID,
                region("us-east-1"),
                "111122223333")
            .multiRegion());
  }

  @Test
  void aKeyArnIsUsedExactlyAsGivenEvenInAnotherRegionAndAccount() {
    String arn = "arn:aws:kms:eu-central-1:444455556666:key/" + KEY_ID;
    KmsKey k = KmsKey.resolve(arn, region("us-east-1"), "111122223333");
    assertEquals(arn, k.arn());
    assertEquals(arn, k.input());
    assertEquals(KEY_ID, k.keyId());
    assertEquals("eu-central-1", k.region());
    assertEquals("444455556666", k.account());
  }

  @Test
  void resolveRefusesAKeyArnInAnotherPartitionThanTheRegion() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () ->
                KmsKey.resolve(
                    "arn:aws-cn:kms:cn-north-1:111122223333:key/" + KEY_ID,
                    region("us-east-1"),
                    "111122223333"));
    assertEquals(
        "is in partition aws-cn, but Region us-east-1 is in partition aws; an IAM policy cannot"
            + " name a key in another partition",
        e.getMessage());
    assertEquals("a key ARN that starts with arn:aws:kms:", e.expected());
  }

  @Test
  void resolveRefusesAnAwsKeyArnForAGovCloudPolicy() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> KmsKey.resolve(KEY_ARN, region("us-gov-west-1"), "111122223333"));
    assertEquals("a key ARN that starts with arn:aws-us-gov:kms:", e.expected());
  }

  @Test
  void resolveChecksTheFormFirst() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> KmsKey.resolve("alias/x", region("us-east-1"), "111122223333"));
    assertTrue(e.getMessage().startsWith("is an alias"));
  }
}
