package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class S3LocationTest {
  @Test
  void aFolderGivesItsBucketObjectsAndListingArnsInThePartition() {
    S3Location l = S3Location.parse("s3://payments-cn-imports/daily/", "aws-cn");
    assertEquals("arn:aws-cn:s3:::payments-cn-imports", l.bucketArn());
    assertEquals("arn:aws-cn:s3:::payments-cn-imports/daily/*", l.objectsArn());
    assertEquals("daily/*", l.listPrefix());
    assertEquals(true, l.folder());
  }

  @Test
  void latin1CharactersArePolicyTextButOthersAreRefusedByName() {
    assertEquals(
        "arn:aws:s3:::bkt/caf\u00e9 d'\u00e9t\u00e9/*",
        S3Location.parse("s3://bkt/caf\u00e9 d'\u00e9t\u00e9/", "aws").objectsArn());
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> S3Location.parse("s3://bkt/\u65e5/", "aws"));
    assertEquals(
        "has the character U+65E5 in its prefix, which IAM does not accept in a policy",
        e.getMessage());
    InvalidValueException emoji =
        assertThrows(
            InvalidValueException.class, () -> S3Location.parse("s3://bkt/x\ud83d\ude00/", "aws"));
    assertEquals(
        "has the character U+1F600 in its prefix, which IAM does not accept in a policy",
        emoji.getMessage());
  }
}
