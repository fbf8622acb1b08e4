package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules from the S3 user guide's "General purpose bucket naming rules". */
class S3NamesTest {
  private static final String EXPECTED =
      "3 to 63 lower-case letters, digits, dots or hyphens, starting and ending with a letter or"
          + " digit";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "my-bucket",
        "my.bucket.example",
        "1bucket",
        "bucket-1",
        "docexamplebucket1",
        "a23456789012345678901234567890123456789012345678901234567890123", // 63
        "192.168.5.4x",
        "xn-abc",
        "s3alias"
      })
  void validBucketNames(String name) {
    S3Names.checkBucket(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ab|is not an S3 bucket name",
        "a234567890123456789012345678901234567890123456789012345678901234|is not an S3 bucket name",
        "My-Bucket|is not an S3 bucket name",
        "-bucket|is not an S3 bucket name",
        "bucket-|is not an S3 bucket name",
        ".bucket|is not an S3 bucket name",
        "bucket.|is not an S3 bucket name",
        "my_bucket|is not an S3 bucket name",
        "my bucket|is not an S3 bucket name",
        "my..bucket|has a dot next to a dot or hyphen",
        "my.-bucket|has a dot next to a dot or hyphen",
        "my-.bucket|has a dot next to a dot or hyphen",
        "192.168.5.4|looks like an IP address",
        "xn--bucket|uses a prefix or suffix that S3 reserves",
        "bucket-s3alias|uses a prefix or suffix that S3 reserves",
        "bucket--ol-s3|uses a prefix or suffix that S3 reserves"
      })
  void invalidBucketNames(String name, String message) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> S3Names.checkBucket(name));
    assertEquals(message, e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sthree-bucket",
        "sthree-configurator-x",
        "amzn-s3-demo-bucket",
        "bucket.mrap",
        "bucket--usw2-az1--x-s3",
        "bucket--table-s3"
      })
  void reservedPrefixesAndSuffixesFromTheCurrentRules(String name) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> S3Names.checkBucket(name));
    assertEquals("uses a prefix or suffix that S3 reserves", e.getMessage());
  }
}
