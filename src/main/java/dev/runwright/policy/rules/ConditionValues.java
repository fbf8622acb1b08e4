package dev.runwright.policy.rules;

import java.util.regex.Pattern;

/** The value types of condition operators: Bool, IP address or CIDR range, date, number. */
final class ConditionValues {
  private ConditionValues() {}

  private static final Pattern BOOLEAN = Pattern.compile("true|false", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Epoch seconds, or an ISO 8601 date with an optional time and zone, extended or basic. */
  private static final Pattern DATE =
      Pattern.compile(
          "\\d+"
              + "|\\d{4}-\\d{2}-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2}([.,]\\d+)?)?)?"
              + "(Z|[+-]\\d{2}(:?\\d{2})?)?)?"
              + "|\\d{8}(T\\d{2}(\\d{2}(\\d{2}([.,]\\d+)?)?)?(Z|[+-]\\d{2}(\\d{2})?)?)?");

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

  /** What is wrong with {@code value} for the base {@code operator}, or null. */
  static String problem(String operator, String value) {
    if (operator.equals("Bool") || operator.equals("Null")) {
      return BOOLEAN.matcher(value).matches()
          ? null
          : "\"" + value + "\" is not a " + operator + " value; use true or false";
    }
    if (operator.equals("IpAddress") || operator.equals("NotIpAddress")) {
      return isIpOrCidr(value)
          ? null
          : "\""
              + value
              + "\" is not an IP address or CIDR range, such as 203.0.113.0/24 or 2001:db8::/32";
    }
    if (operator.startsWith("Date")) {
      return DATE.matcher(value).matches()
          ? null
          : "\""
              + value
              + "\" is not a date; use ISO 8601, such as 2025-01-31T00:00:00Z, or epoch seconds";
    }
    if (operator.startsWith("Numeric")) {
      return NUMBER.matcher(value).matches() ? null : "\"" + value + "\" is not a number";
    }
    return null;
  }

  /** An IPv4 or IPv6 address, alone or as a CIDR range such as 10.0.0.0/8. */
  static boolean isIpOrCidr(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    int maxBits;
    if (IPV4.matcher(address).matches()) {
      maxBits = 32;
    } else if (isIpv6(address)) {
      maxBits = 128;
    } else {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    String bits = text.substring(slash + 1);
    return bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= maxBits;
  }

  private static boolean isIpv6(String text) {
    int lastColon = text.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    String last = text.substring(lastColon + 1);
    if (last.contains(".")) {
      // An embedded IPv4 address, as in ::ffff:192.0.2.1, takes the place of two groups.
      if (!IPV4.matcher(last).matches()) {
        return false;
      }
      text = text.substring(0, lastColon + 1) + "0:0";
    }
    int gap = text.indexOf("::");
    if (gap < 0) {
      return hexGroups(text) == 8;
    }
    if (text.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int left = hexGroups(text.substring(0, gap));
    int right = hexGroups(text.substring(gap + 2));
    return left >= 0 && right >= 0 && left + right <= 7;
  }

  /** How many colon-separated groups of 1 to 4 hex digits {@code text} is, or -1. */
  private static int hexGroups(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    String[] groups = text.split(":", -1);
    for (String g : groups) {
      if (!HEX_GROUP.matcher(g).matches()) {
        return -1;
      }
    }
    return groups.length;
  }
}
