package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.IDENTITY;
import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.allow;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import dev.runwright.policy.PolicyLinter.Options;
import dev.runwright.policy.PolicyLinter.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ArnRule}: partition, Region and account of every ARN. */
class ArnRuleTest {
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

  // ---------------------------------------------------------------- Regions Runwright does not
  // know

  @Test
  void aRegionTypoSuggestsTheNearestRegion() {
    // Issue 20: this was "No findings".
    String arn = KEY.replace("us-east-1", "eu-centrl-1");
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + arn + "\"")), "UNKNOWN_ARN_REGION");
    assertFinding(
        f,
        Type.WARNING,
        "$.Statement[0].Resource",
        7,
        19,
        "\"eu-centrl-1\" is not a Region Runwright knows (botocore, 2026-01-15); did you mean"
            + " eu-central-1?");
    assertFalse(f.blocksGeneration());
  }

  @ParameterizedTest
  @CsvSource({"us-gov-wset-1, us-gov-west-1", "eu-wset-2, eu-west-2", "us-est-1, us-east-1"})
  void everyPartitionsRegionsAreSuggested(String typo, String suggestion) {
    String arn = "arn:aws:lambda:" + typo + ":111122223333:function:f";
    String json =
        allow(
            "\"lambda:InvokeFunction\"",
            "\""
                + arn.replace(
                    "arn:aws:", typo.startsWith("us-gov") ? "arn:aws-us-gov:" : "arn:aws:")
                + "\"");
    Finding f = only(lint(json), "UNKNOWN_ARN_REGION");
    assertTrue(f.message().endsWith("; did you mean " + suggestion + "?"), f.message());
  }

  @Test
  void awsOwnsTheResourcesOfAccountAws() {
    // AWS managed policies: a 12-digit account is expected everywhere else.
    String arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    List<Finding> fs =
        lint(
            allow("\"iam:GetPolicy\"", "\"" + arn + "\""),
            new Options(PolicyType.IDENTITY, "111122223333", "aws"));
    assertEquals(List.of(), fs, fs::toString);
  }

  @Test
  void aWellFormedRegionWithNoNearOneIsStillAWarning() {
    String arn = KEY.replace("us-east-1", "eu-nowhere-7");
    Finding f = only(lint(allow("\"kms:Decrypt\"", "\"" + arn + "\"")), "UNKNOWN_ARN_REGION");
    assertEquals(
        "\"eu-nowhere-7\" is not a Region Runwright knows (botocore, 2026-01-15); if AWS opened"
            + " it after that, the ARN is fine",
        f.message());
  }
}
