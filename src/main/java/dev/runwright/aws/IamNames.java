package dev.runwright.aws;

import java.util.regex.Pattern;

/** IAM's rules for names and descriptions (AWS-FACTS.md sections 1b and 5, botocore's iam model). */
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
    if (name.length() > max) {
      throw new InvalidValueException("is " + name.length() + " characters long", expected);
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
    checkLength(text, "policy descriptions");
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new InvalidValueException(
            "contains the control character " + describe(text.charAt(i)),
            "one line of printable text, at most 1,000 characters");
      }
    }
  }

  /** A role description: a policy description that also keeps to printable Latin-1. */
  public static void checkRoleDescription(String text) {
    checkPolicyDescription(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xff || (c > 0x7e && c < 0xa1)) {
        throw new InvalidValueException(
            "contains " + describe(c) + ", which IAM does not allow in a role description",
            "printable Latin-1 text, at most 1,000 characters");
      }
    }
  }

  private static void checkLength(String text, String what) {
    int length = text.codePointCount(0, text.length());
    if (length > 1000) {
      throw new InvalidValueException(
          "is " + length + " characters long", "at most 1,000 characters (IAM " + what + ")");
    }
  }

  private static char firstBad(String s, Pattern allowedChar) {
    for (int i = 0; i < s.length(); i++) {
      if (!allowedChar.matcher(String.valueOf(s.charAt(i))).matches()) {
        return s.charAt(i);
      }
    }
    return '?';
  }

  private static String describe(char c) {
    if (c == ' ') {
      return "a space";
    }
    if (Character.isISOControl(c) || Character.isSurrogate(c) || c > 0x7e) {
      return String.format("U+%04X", (int) c);
    }
    return "'" + c + "'";
  }
}
