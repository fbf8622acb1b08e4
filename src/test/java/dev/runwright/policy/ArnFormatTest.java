package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching ARN parts, wildcards included, against one resource format. */
class ArnFormatTest {
  private static final ArnFormat FUNCTION =
      new ArnFormat(
          "lambda",
          "function",
          "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}");
  private static final ArnFormat BUCKET =
      new ArnFormat("s3", "bucket", "arn:${Partition}:s3:::${BucketName}");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "us-east-1|111122223333|function:f|true",
        "us-east-1|111122223333|function:f:prod|true",
        "*|*|function:*|true",
        "us-*|111122223333|func*|true",
        "us-east-1|111122223333|functoin:f|false",
        "us-east-1|111122223333|function:|false",
        "''|111122223333|function:f|false",
        "us-east-1|''|function:f|false",
        "us-east-1|111122223333|*|true",
        "us-east-1|111122223333|layer:*|false"
      })
  void aFunctionArnNamesItsRegionAccountAndName(
      String region, String account, String resource, boolean fits) {
    assertEquals(fits, FUNCTION.matches(region, account, resource));
  }

  @Test
  void aBucketArnHasNoRegionOrAccount() {
    assertTrue(BUCKET.matches("", "", "my-bucket"));
    assertTrue(BUCKET.matches("*", "", "my-bucket"), "* also matches nothing");
    assertFalse(BUCKET.matches("us-east-1", "", "my-bucket"));
    assertFalse(BUCKET.matches("", "111122223333", "my-bucket"));
    assertFalse(BUCKET.matches("", "", ""));
  }

  @Test
  void theResourceWordIsTheLiteralTypeBeforeTheFirstSeparator() {
    assertEquals("function", FUNCTION.resourceWord());
    assertEquals("", BUCKET.resourceWord());
    assertEquals("lambda", FUNCTION.service());
  }
}
