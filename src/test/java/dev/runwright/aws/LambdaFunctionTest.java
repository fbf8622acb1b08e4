package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LambdaFunctionTest {
  private static final AwsContext AWS =
      new AwsContext("111122223333", Region.of("us-gov-west-1").orElseThrow());

  @Test
  void aNameIsInTheRunbooksAccountAndRegion() {
    LambdaFunction f = LambdaFunction.resolve("notify-settlement", AWS);
    assertEquals(
        "arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:notify-settlement", f.arn());
    assertEquals("", f.qualifier());
  }

  @Test
  void anArnIsUsedAsGivenWithItsQualifier() {
    String arn = "arn:aws-us-gov:lambda:us-gov-east-1:444455556666:function:enrich:prod";
    LambdaFunction f = LambdaFunction.resolve(arn, AWS);
    assertEquals(arn, f.arn());
    assertEquals("enrich", f.name());
    assertEquals("prod", f.qualifier());
    assertEquals("444455556666", f.account());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:lambda:::function:example_function",
        "arn:aws:lambda:us-east-1:111122223333:function:*",
        "arn:aws:lambda:us-east-1:111122223333:layer:x",
        "my function",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
      })
  void aFunctionThatIsNotNamedExactlyIsRefused(String input) {
    assertThrows(InvalidValueException.class, () -> LambdaFunction.resolve(input, AWS));
  }

  @Test
  void aFunctionInAnotherPartitionIsRefused() {
    assertThrows(
        InvalidValueException.class,
        () -> LambdaFunction.resolve("arn:aws:lambda:us-east-1:111122223333:function:f", AWS));
  }
}
