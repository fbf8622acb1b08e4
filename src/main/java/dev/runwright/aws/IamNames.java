package dev.runwright.aws;

import java.util.regex.Pattern;

/**
 * IAM's rules for names and descriptions (AWS-FACTS.md sections 1b and 5, botocore's iam model).
 */
public final class IamNames {
  private IamNames() {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+=,.@-]+");

  /** A managed policy name: 1 to 128 of letters, digits and {@code _+=,.@-}. */
  public static void checkPolicyName(String name) {
    checkName(name, 128, "policy");
  }

  /** A role name: 1 to 64 of letters, digits and {@code _+=,.@-}. */
  public static void checkRoleName(String name) {
    checkName(name, 64, "role");
  }

  private static void checkName(String name, int max, String what) {
    String expected = "1 to " + max + " letters, digits or _+=,.@- (IAM " + what + " names)";
    if (name.isEmpty()) {
      throw new InvalidValueException("is empty", expected);
    }
    // IAM counts characters, so an emoji is one, not the two UTF-16 units Java stores.
    int length = name.codePointCount(0, name.length());
    if (length > max) {
      throw new InvalidValueException("is " + length + " characters long", expected);
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidValueException(
          "contains " + describe(firstBad(name, NAME)) + ", which IAM does not allow", expected);
    }
  }

  /**
   * A policy description: at most 1,000 characters. IAM sets no pattern, but Runwright refuses
   * control characters such as line breaks, which no console field or runbook table can show.
   */
  public static void checkPolicyDescription(String text) {
    checkDescription(text, "policy descriptions");
  }

  /** A role description: a policy description that also keeps to printable Latin-1. */
  public static void checkRoleDescription(String text) {
    checkDescription(text, "role descriptions");
    for (int c : text.codePoints().toArray()) {
      if (c > 0xff || (c > 0x7e && c < 0xa1)) {
        throw new InvalidValueException(
            "contains " + describe(c) + ", which IAM does not allow in a role description",
            "printable Latin-1 text, at most 1,000 characters");
      }
    }
  }

  private static void checkDescription(String text, String what) {
    int length = text.codePointCount(0, text.length());
    if (length > 1000) {
      throw new InvalidValueException(
          "is " + length + " characters long", "at most 1,000 characters (IAM " + what + ")");
    }
    for (int c : text.codePoints().toArray()) {
      if (c == '\n' || c == '\r') {
        throw new InvalidValueException(
            "contains a line break (a YAML block scalar, | or >, keeps one)",
            "one line of printable text, at most 1,000 characters");
      }
      if (Character.isISOControl(c)) {
        throw new InvalidValueException(
            "contains the control character " + describe(c),
            "one line of printable text, at most 1,000 characters");
      }
      if (Character.isSurrogate((char) c)) { // codePoints() leaves unpaired halves as they are
        throw new InvalidValueException(
            "contains an unpaired surrogate, which is not a character",
            "valid Unicode text, at most 1,000 characters");
      }
    }
  }

  /** The first code point of {@code s} that {@code allowedChar} does not match. */
  private static int firstBad(String s, Pattern allowedChar) {
    return s.codePoints()
        .filter(c -> !allowedChar.matcher(Character.toString(c)).matches())
        .findFirst()
        .orElse('?');
  }

  private static String describe(int c) {
    if (c == ' ') {
      return "a space";
    }
    // A code point, not a char, so an emoji is U+1F600 rather than its high surrogate.
    if (Character.isISOControl(c) || c > 0x7e) {
      return String.format("U+%04X", c);
    }
    return "'" + Character.toString(c) + "'";
  }
}
