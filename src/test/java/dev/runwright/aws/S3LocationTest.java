package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3LocationTest {
  @Test
  void aBucketAndPrefixGiveTheirArnsInThePartition() {
    S3Location l = S3Location.parse("s3://payments-imports/daily/", "aws-cn");
    assertAll(
        () -> assertEquals("payments-imports", l.bucket()),
        () -> assertEquals("daily/", l.prefix()),
        () -> assertEquals("s3://payments-imports/daily/", l.uri()),
        () -> assertEquals("arn:aws-cn:s3:::payments-imports", l.bucketArn()),
        () -> assertEquals("arn:aws-cn:s3:::payments-imports/daily/*", l.objectsArn()),
        () -> assertEquals("daily/*", l.listPrefix()),
        () -> assertTrue(l.folder()));
  }

  @Test
  void aWholeBucketHasNoPrefixAndABucketArnIsReducedToTheBucket() {
    S3Location whole = S3Location.parse("s3://payments-imports/", "aws");
    assertEquals("", whole.prefix());
    assertEquals("arn:aws:s3:::payments-imports/*", whole.objectsArn());
    assertEquals("", whole.listPrefix());
    S3Location arn = S3Location.parse("arn:aws-us-gov:s3:::gov-data", "aws-us-gov");
    assertEquals("gov-data", arn.bucket());
    assertEquals("s3://gov-data", arn.uri());
  }

  @Test
  void aPrefixThatIsNotAFolderIsSaidSo() {
    assertFalse(S3Location.parse("s3://b-1/data", "aws").folder());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "payments-imports",
        "s3://Payments/x",
        "s3://ab/x",
        "s3://b-1/da*ta/",
        "s3://b-1/da?ta/",
        "s3://b-1/${aws:username}/",
        "s3://b-1//x",
        "s3://b-1/a\u0001b",
        "https://b-1.s3.amazonaws.com/x",
        "arn:aws:s3:us-east-1:111122223333:b-1",
        "arn:aws:iam::111122223333:role/x"
      })
  void whatCouldGrantMoreThanItNamesOrIsNoS3LocationIsRefused(String input) {
    assertThrows(InvalidValueException.class, () -> S3Location.parse(input, "aws"));
  }

  @Test
  void aBucketArnOfAnotherPartitionIsRefused() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> S3Location.parse("arn:aws:s3:::b-1", "aws-cn"));
    assertTrue(e.getMessage().contains("partition aws"), e.getMessage());
  }

  @Test
  void aPrefixOfMoreThan1024BytesIsRefused() {
    assertThrows(
        InvalidValueException.class,
        () -> S3Location.parse("s3://b-1/" + "\u00e9".repeat(513), "aws"));
  }

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
