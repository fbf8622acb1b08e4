package dev.runwright.policy.rules;

import static dev.runwright.policy.LintTestSupport.IDENTITY;
import static dev.runwright.policy.LintTestSupport.KEY;
import static dev.runwright.policy.LintTestSupport.allow;
import static dev.runwright.policy.LintTestSupport.assertFinding;
import static dev.runwright.policy.LintTestSupport.codes;
import static dev.runwright.policy.LintTestSupport.lint;
import static dev.runwright.policy.LintTestSupport.only;
import static dev.runwright.policy.LintTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.policy.Finding;
import dev.runwright.policy.Finding.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ArnFormatRule}: ARNs against the resource formats of the service reference. */
class ArnFormatRuleTest {
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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s3:GetObject|arn:aws:s3:::my-bucket/*",
        "s3:GetObject|arn:aws:s3:::my-bucket/home/${aws:username}/*",
        "s3:ListBucket|arn:aws:s3:::my-bucket",
        "s3:GetObject|arn:aws:s3:us-east-1:111122223333:accesspoint/ap/object/key",
        "s3:GetObject|arn:aws-cn:s3:::amzn-s3-demo-bucket/*",
        "lambda:InvokeFunction|arn:aws:lambda:us-east-1:111122223333:function:example_function",
        "lambda:InvokeFunction|arn:aws:lambda:us-east-1:111122223333:function:f:prod",
        "lambda:InvokeFunction|arn:aws:lambda:us-east-1:111122223333:function:f:7",
        "lambda:InvokeFunction|arn:aws:lambda:us-east-1:111122223333:function:f:*",
        "iam:PassRole|arn:aws:iam::111122223333:role/RDSLoadFromS3",
        "iam:AttachRolePolicy|arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        "sts:AssumeRole|arn:aws:iam::111122223333:role/admin",
        "rds:AddRoleToDBCluster|arn:aws:rds:us-east-1:111122223333:cluster:payments-prod",
        "logs:PutLogEvents|arn:aws:logs:us-east-1:111122223333:log-group:/aws/rds/x:*"
      })
  void arnsThatFitAFormatAreClean(String action, String arn) {
    List<Finding> fs = lint(allow("\"" + action + "\"", "\"" + arn + "\""), IDENTITY);
    assertEquals(List.of(), fs, fs::toString);
  }

  @Test
  void anS3BucketArnHasNoRegionOrAccount() {
    String arn = "arn:aws:s3:us-east-1:111122223333:my-bucket";
    Finding f = only(lint(allow("\"s3:ListBucket\"", "\"" + arn + "\"")), "UNKNOWN_ARN_FORMAT");
    assertFinding(
        f,
        Type.WARNING,
        "$.Statement[0].Resource",
        7,
        19,
        "the ARN fits none of the 13 s3 resource formats in AWS's service reference of"
            + " 2026-08-22; a bucket ARN is arn:${Partition}:s3:::${BucketName}");
  }

  @Test
  void aLambdaFunctionArnNamesItsRegionAndAccount() {
    // The Aurora guide's own example, AWS-FACTS-INTEGRATIONS.md D-B1.
    String arn = "arn:aws:lambda:::function:example_function";
    Finding f =
        only(lint(allow("\"lambda:InvokeFunction\"", "\"" + arn + "\"")), "UNKNOWN_ARN_FORMAT");
    assertTrue(
        f.message()
            .endsWith(
                "; a function ARN is"
                    + " arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}"),
        f.message());
  }

  @Test
  void aMisspelledResourceTypeSuggestsTheNearest() {
    String arn = "arn:aws:lambda:us-east-1:111122223333:functoin:f";
    Finding f =
        only(lint(allow("\"lambda:InvokeFunction\"", "\"" + arn + "\"")), "UNKNOWN_ARN_FORMAT");
    assertTrue(
        f.message()
            .endsWith(
                "; did you mean function, as in"
                    + " arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}?"),
        f.message());
  }

  @Test
  void anArnOfNoKnownServiceSuggestsTheNearest() {
    Finding f =
        only(lint(allow("\"s3:GetObject\"", "\"arn:aws:s4:::bucket/*\"")), "UNKNOWN_ARN_SERVICE");
    assertFinding(
        f,
        Type.WARNING,
        "$.Statement[0].Resource",
        7,
        19,
        "no resource format in AWS's service reference of 2026-08-22 has the service \"s4\"; did"
            + " you mean s3?");
  }

  @Test
  void theActionsOfOneServiceOnAnotherServicesArn() {
    String arn = "arn:aws:lambda:us-east-1:111122223333:function:f";
    Finding f =
        only(
            lint(allow("[\"s3:GetObject\", \"s3:PutObject\"]", "\"" + arn + "\"")),
            "RESOURCE_SERVICE_MISMATCH");
    assertFinding(
        f,
        Type.ERROR,
        "$.Statement[0].Resource",
        7,
        19,
        "the statement's actions are S3 actions, but this is a lambda ARN");
  }

  @Test
  void aWildcardInTheArnIsMatchedAsAPattern() {
    assertEquals(
        List.of(),
        codes(lint(allow("\"s3:GetObject\"", "\"arn:aws:s3:::*\""))).stream()
            .filter(c -> c.startsWith("UNKNOWN_ARN"))
            .toList());
    String wrongType = "arn:aws:lambda:us-east-1:111122223333:functoin:*";
    only(lint(allow("\"lambda:InvokeFunction\"", "\"" + wrongType + "\"")), "UNKNOWN_ARN_FORMAT");
  }

  @Test
  void notResourceArnsAreCheckedForTheirFormatOnly() {
    String json =
        statement(
            "\"Effect\": \"Deny\"",
            "\"Action\": \"s3:GetObject\"",
            "\"NotResource\": [\"arn:aws:lambda:us-east-1:111122223333:function:f\","
                + " \"arn:aws:s3:us-east-1:111122223333:b\"]");
    assertEquals(List.of("UNKNOWN_ARN_FORMAT"), codes(lint(json)));
  }
}
