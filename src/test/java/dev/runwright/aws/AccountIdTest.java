package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {
  private static final String EXPECTED =
      "exactly 12 digits, quoted in YAML when it starts with 0 (\"012345678901\")";

  @ParameterizedTest
  @ValueSource(strings = {"111122223333", "012345678901", "000000000000", "999999999999"})
  void twelveDigitsAreValidIncludingLeadingZeros(String account) {
    assertTrue(AccountId.isValid(account));
    AccountId.check(account); // does not throw
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12345678901",
        "1234567890123",
        "12345678901a",
        "1234567890.1",
        "+12345678901"
      })
  void otherTextIsNotValid(String account) {
    assertFalse(AccountId.isValid(account));
    assertThrows(InvalidValueException.class, () -> AccountId.check(account));
  }

  @Test
  void tooFewDigitsSaysHowMany() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> AccountId.check("12345"));
    assertEquals("has 5 digits", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @Test
  void thirteenDigitsSaysHowMany() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> AccountId.check("1234567890123"));
    assertEquals("has 13 digits", e.getMessage());
  }

  @Test
  void elevenDigitsIsTheLostLeadingZeroCase() {
    // What a YAML reader that turns 012345678901 into a number would leave.
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> AccountId.check("12345678901"));
    assertEquals("has 11 digits", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @Test
  void lettersAreNotANumber() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> AccountId.check("my-account"));
    assertEquals("is not a number of 12 digits", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1111-2222-3333", "1111 2222 3333", " 111122223333", "111122223333\t"})
  void spacesOrDashesAreNamedWithTheDigitsToUse(String account) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> AccountId.check(account));
    assertEquals("contains spaces or dashes", e.getMessage());
    assertEquals("exactly 12 digits with nothing between them: 111122223333", e.expected());
  }

  @Test
  void dashesAroundTheWrongNumberOfDigitsAreNotCalledJustDashes() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> AccountId.check("1111-2222-333"));
    assertEquals("is not a number of 12 digits", e.getMessage());
  }

  @Test
  void nonAsciiDigitsAreNotCalledDigits() {
    String arabicIndic = "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662";
    assertFalse(AccountId.isValid(arabicIndic));
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> AccountId.check(arabicIndic));
    assertEquals("is not a number of 12 digits", e.getMessage());
  }

  @Test
  void redactKeepsTheLastFourDigits() {
    assertEquals("********3333", AccountId.redact("111122223333", '*'));
    assertEquals("xxxxxxxx8901", AccountId.redact("012345678901", 'x'));
  }

  @Test
  void aPlaceholderInBracketsAsAwsPagesWriteItNamesTheDigitsAlone() {
    for (String text : new String[] {"<123456789012>", "{123456789012}", "< 123456789012 >"}) {
      InvalidValueException e =
          assertThrows(InvalidValueException.class, () -> AccountId.check(text));
      assertEquals("is in brackets, as a placeholder is written", e.getMessage());
      assertEquals("the 12 digits alone: 123456789012", e.expected());
    }
  }
}
