package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArnTest {

  @Test
  void splitsTheSixParts() {
    Arn a = Arn.parse("arn:aws-cn:kms:cn-north-1:111122223333:key/abc").orElseThrow();
    assertEquals(new Arn("aws-cn", "kms", "cn-north-1", "111122223333", "key/abc"), a);
  }

  @Test
  void theResourceKeepsItsColons() {
    Arn a = Arn.parse("arn:aws:rds:us-east-1:111122223333:cluster:payments:v2").orElseThrow();
    assertEquals("cluster:payments:v2", a.resource());
    assertEquals("cluster", a.resourceType());
    assertEquals("payments:v2", a.resourceId());
  }

  @Test
  void emptyRegionAndAccountStayEmpty() {
    Arn s3 = Arn.parse("arn:aws:s3:::my-bucket").orElseThrow();
    assertEquals("", s3.region());
    assertEquals("", s3.account());
    assertEquals("my-bucket", s3.resourceType());
    assertEquals("", s3.resourceId());
    Arn iam = Arn.parse("arn:aws:iam::111122223333:role/path/Name").orElseThrow();
    assertEquals("", iam.region());
    assertEquals("role", iam.resourceType());
    assertEquals("path/Name", iam.resourceId());
  }

  @ParameterizedTest
  @CsvSource({
    "key/1234, key, 1234",
    "alias/aws/rds, alias, aws/rds",
    "alias, alias, ''",
    "cluster:c1, cluster, c1",
    "a:b/c, a, b/c",
    "a/b:c, a, b:c",
    "'', '', ''"
  })
  void resourceTypeIsBeforeTheFirstSlashOrColon(String resource, String type, String id) {
    Arn a = new Arn("aws", "kms", "us-east-1", "111122223333", resource);
    assertEquals(type, a.resourceType());
    assertEquals(id, a.resourceId());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "arn",
        "arn:aws:kms:us-east-1:111122223333",
        "ARN:aws:kms:us-east-1:111122223333:key/x",
        " arn:aws:kms:us-east-1:111122223333:key/x",
        "alias/x",
        "1234abcd-12ab-34cd-56ef-1234567890ab"
      })
  void textWithoutSixPartsIsNotAnArn(String text) {
    assertTrue(Arn.parse(text).isEmpty(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:s3:::bucket/key:with:colons",
        "arn:aws:iam::111122223333:role/Name",
        "arn:::::"
      })
  void toStringGivesBackTheText(String text) {
    assertEquals(text, Arn.parse(text).orElseThrow().toString());
  }
}
