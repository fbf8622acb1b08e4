package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IamNamesTest {
  private static final String POLICY_NAMES =
      "1 to 128 letters, digits or _+=,.@- (IAM policy names)";
  private static final String ROLE_NAMES = "1 to 64 letters, digits or _+=,.@- (IAM role names)";

  @ParameterizedTest
  @ValueSource(strings = {"AmazonRDSKMSKey", "a", "A_b+c=d,e.f@g-h", "123", "policy.v2"})
  void policyNamesOfAllowedCharacters(String name) {
    IamNames.checkPolicyName(name);
    IamNames.checkRoleName(name);
  }

  @Test
  void policyNamesMayHave128Characters() {
    IamNames.checkPolicyName("p".repeat(128));
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkPolicyName("p".repeat(129)));
    assertEquals("is 129 characters long", e.getMessage());
    assertEquals(POLICY_NAMES, e.expected());
  }

  @Test
  void roleNamesMayHave64Characters() {
    IamNames.checkRoleName("r".repeat(64));
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkRoleName("r".repeat(65)));
    assertEquals("is 65 characters long", e.getMessage());
    assertEquals(ROLE_NAMES, e.expected());
  }

  @Test
  void emptyNamesAreRefused() {
    InvalidValueException p =
        assertThrows(InvalidValueException.class, () -> IamNames.checkPolicyName(""));
    assertEquals("is empty", p.getMessage());
    assertEquals(POLICY_NAMES, p.expected());
    InvalidValueException r =
        assertThrows(InvalidValueException.class, () -> IamNames.checkRoleName(""));
    assertEquals("is empty", r.getMessage());
    assertEquals(ROLE_NAMES, r.expected());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "my policy|contains a space, which IAM does not allow",
        "path/name|contains '/', which IAM does not allow",
        "a:b|contains ':', which IAM does not allow",
        "a*|contains '*', which IAM does not allow",
        "caf\u00e9|contains U+00E9, which IAM does not allow",
        "a\tb|contains U+0009, which IAM does not allow",
        "ok\u007f|contains U+007F, which IAM does not allow"
      })
  void badCharactersAreNamed(String name, String message) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkPolicyName(name));
    assertEquals(message, e.getMessage());
    assertEquals(POLICY_NAMES, e.expected());
  }

  @Test
  void aLongNameWithBadCharactersReportsTheLengthFirst() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkRoleName("a b".repeat(30)));
    assertEquals("is 90 characters long", e.getMessage());
  }

  @Test
  void anEmojiIsNamedByItsCodePoint() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkRoleName("role\uD83D\uDE00"));
    assertEquals("contains U+1F600, which IAM does not allow", e.getMessage());
  }

  @Test
  void policyDescriptionsMayHave1000Characters() {
    IamNames.checkPolicyDescription("");
    IamNames.checkPolicyDescription("d".repeat(1000));
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> IamNames.checkPolicyDescription("d".repeat(1001)));
    assertEquals("is 1001 characters long", e.getMessage());
    assertEquals("at most 1,000 characters (IAM policy descriptions)", e.expected());
  }

  @Test
  void descriptionLengthCountsCharactersNotUtf16Units() {
    IamNames.checkPolicyDescription("\uD83D\uDE00".repeat(1000)); // 1000 emoji, 2000 chars
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> IamNames.checkPolicyDescription("\uD83D\uDE00".repeat(1001)));
    assertEquals("is 1001 characters long", e.getMessage());
  }

  @Test
  void policyDescriptionsMayHoldAnyPrintableText() {
    IamNames.checkPolicyDescription("Lets Aurora decrypt backups — für München, 北京 & <co>");
  }

  @ParameterizedTest
  @CsvSource({
    "'line\none', U+000A",
    "'cr\rhere', U+000D",
    "'tab\there', U+0009",
    "'nul\u0000', U+0000",
    "'del\u007f', U+007F",
    "'c1\u0085', U+0085"
  })
  void policyDescriptionsRefuseControlCharacters(String text, String code) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkPolicyDescription(text));
    String want =
        code.equals("U+000A") || code.equals("U+000D")
            ? "contains a line break (a YAML block scalar, | or >, keeps one)"
            : "contains the control character " + code;
    assertEquals(want, e.getMessage());
    assertEquals("one line of printable text, at most 1,000 characters", e.expected());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Aurora role", "caf\u00e9 \u00a1\u00ff", "~!@#$%^&*()_+{}|:\"<>?"})
  void roleDescriptionsOfPrintableLatin1(String text) {
    IamNames.checkRoleDescription(text);
  }

  @ParameterizedTest
  @CsvSource({"'a\u00a0b', U+00A0", "'\u20ac5', U+20AC", "'\u5317\u4eac', U+5317"})
  void roleDescriptionsRefuseWhatBotocoresPatternRefuses(String text, String code) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkRoleDescription(text));
    assertEquals(
        "contains " + code + ", which IAM does not allow in a role description", e.getMessage());
    assertEquals("printable Latin-1 text, at most 1,000 characters", e.expected());
  }

  @Test
  void roleDescriptionsRefuseControlCharacters() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> IamNames.checkRoleDescription("a\nb"));
    assertEquals("contains a line break (a YAML block scalar, | or >, keeps one)", e.getMessage());
  }

  @Test
  void roleDescriptionsMayHave1000Characters() {
    IamNames.checkRoleDescription("d".repeat(1000));
    assertThrows(
        InvalidValueException.class, () -> IamNames.checkRoleDescription("d".repeat(1001)));
  }

  @Test
  void aTooLongRoleDescriptionNamesRoleDescriptions() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> IamNames.checkRoleDescription("d".repeat(1001)));
    assertEquals("at most 1,000 characters (IAM role descriptions)", e.expected());
  }
}
