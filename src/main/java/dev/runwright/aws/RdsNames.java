package dev.runwright.aws;

import java.util.Locale;
import java.util.regex.Pattern;

/** RDS's rules for DB cluster identifiers and parameter group names. */
public final class RdsNames {
  private RdsNames() {}

  private static final Pattern CLUSTER_ID = Pattern.compile("[a-z](?:[a-z0-9]|-(?!-))*");
  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|-(?!-))*");
  private static final String GROUP_EXPECTED =
      "1 to 255 lower-case letters, digits or hyphens, starting with a letter, with no two hyphens"
          + " in a row and no hyphen at the end";
  private static final String EXPECTED =
      "1 to 63 lower-case letters, digits or hyphens, starting with a letter, with no two hyphens"
          + " in a row and no hyphen at the end";

  /**
   * A DB cluster identifier. RDS stores it in lower case, and the cluster ARN in a trust policy
   * must match it exactly, so upper case is refused rather than silently changed.
   */
  public static void checkClusterId(String id) {
    if (id.isEmpty() || id.length() > 63) {
      throw new InvalidValueException(
          id.isEmpty() ? "is empty" : "is " + id.length() + " characters long", EXPECTED);
    }
    String lower = id.toLowerCase(Locale.ROOT);
    if (!lower.equals(id) && CLUSTER_ID.matcher(lower).matches() && !lower.endsWith("-")) {
      throw new InvalidValueException(
          "has upper-case letters; RDS stores cluster identifiers in lower case",
          "\"" + lower + "\"");
    }
    if (!CLUSTER_ID.matcher(id).matches() || id.endsWith("-")) {
      throw new InvalidValueException("is not a DB cluster identifier", EXPECTED);
    }
  }

  /**
   * A DB (cluster) parameter group name. RDS stores it in lower case, so a name with upper-case
   * letters would not read the same in the console; it is refused with the lower-case form.
   */
  public static void checkParameterGroupName(String name) {
    if (name.isEmpty() || name.length() > 255) {
      throw new InvalidValueException(
          name.isEmpty() ? "is empty" : "is " + name.length() + " characters long", GROUP_EXPECTED);
    }
    if (!GROUP_NAME.matcher(name).matches() || name.endsWith("-")) {
      throw new InvalidValueException("is not a parameter group name", GROUP_EXPECTED);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.equals(name)) {
      throw new InvalidValueException(
          "has upper-case letters; RDS stores parameter group names in lower case",
          "\"" + lower + "\"");
    }
  }
}
