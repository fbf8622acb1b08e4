package dev.runwright.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How YAML 1.1 tools (PyYAML, Ruby's Psych, SnakeYAML 1.x, Ansible) read an unquoted scalar, so
 * that a file Runwright reads as text is not silently another value for them: PyYAML turns {@code
 * account: 012345670123} into the number 1402433619, {@code yes} into {@code True}, {@code 1_000}
 * into 1000 and {@code 1:20} into 80. The rules are PyYAML's resolver (the YAML 1.1 types bool,
 * int, float, null and timestamp). Pure; thread-safe.
 */
public final class Yaml11 {
  private Yaml11() {}

  private static final Pattern BOOL =
      Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern INT =
      Pattern.compile(
          "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN)");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
              + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");

  /** A leading 0 followed by digits that are not all octal: YAML 1.1 tools disagree on these. */
  private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]*[89][0-9_]*");

  /**
   * Why YAML 1.1 tools read the unquoted scalar {@code plain} otherwise than Runwright, which read
   * it as {@code runwright} (an {@link Integer}, a {@link Boolean}, or anything else for the text
   * as written); empty when they read the same. The text says what they read and what to write.
   */
  public static Optional<String> difference(String plain, Object runwright) {
    if (runwright instanceof Integer n) {
      return differenceFromNumber(plain, n);
    }
    if (runwright instanceof Boolean) {
      return Optional.empty(); // Runwright takes only true and false, which every tool reads alike
    }
    String quote = "; quote it (\"" + plain + "\") so that every YAML tool reads the text";
    return readingOfText(plain).map(reading -> "is unquoted, and " + reading + quote);
  }

  /** What YAML 1.1 tools make of text that Runwright keeps as written, or empty when the same. */
  private static Optional<String> readingOfText(String plain) {
    if (BOOL.matcher(plain).matches()) {
      return Optional.of(
          "YAML 1.1 tools such as PyYAML read it as the boolean "
              + (isTrue(plain) ? "true" : "false")
              + ", not as text");
    }
    if (INT.matcher(plain).matches()) {
      BigInteger value = integer(plain);
      if (value.toString().equals(plain)) {
        return Optional.empty(); // 111122223333: a number, but the same digits for every tool
      }
      return Optional.of(
          "YAML 1.1 tools such as PyYAML read it as the number " + value + why(plain));
    }
    if (LEADING_ZERO.matcher(plain).matches()) {
      return Optional.of(
          "YAML 1.1 reads a leading 0 as base 8, which 8 and 9 are not, so YAML 1.1 tools"
              + " disagree on it (PyYAML keeps the text, others read a number without the 0)");
    }
    if (FLOAT.matcher(plain).matches()) {
      String value = floatText(plain);
      if (value.equals(plain)) {
        return Optional.empty();
      }
      return Optional.of(
          "YAML 1.1 tools such as PyYAML read it as the number " + value + why(plain));
    }
    if (TIMESTAMP.matcher(plain).matches()) {
      return Optional.of("YAML 1.1 tools such as PyYAML read it as a date and time, not as text");
    }
    return Optional.empty(); // a plain date reads back as the same text; anything else is text
  }

  /** For a parameter Runwright reads as a whole number {@code n} ({@code 010} is 10). */
  private static Optional<String> differenceFromNumber(String plain, int n) {
    String reading;
    if (INT.matcher(plain).matches()) {
      BigInteger value = integer(plain);
      if (value.equals(BigInteger.valueOf(n))) {
        return Optional.empty();
      }
      reading = "the number " + value + why(plain);
    } else {
      reading = "the text \"" + plain + "\" (a leading 0 makes it base 8, which 8 and 9 are not)";
    }
    return Optional.of(
        "is read by Runwright as "
            + n
            + ", but YAML 1.1 tools such as PyYAML read it as "
            + reading
            + "; write "
            + n);
  }

  private static boolean isTrue(String plain) {
    return java.util.Set.of("yes", "true", "on").contains(plain.toLowerCase(Locale.ROOT));
  }

  /** Why the number is not the digits as written. */
  private static String why(String plain) {
    String p = plain.replaceFirst("^[-+]", "");
    if (p.startsWith("0x")) {
      return " (0x makes it base 16)";
    }
    if (p.startsWith("0b")) {
      return " (0b makes it base 2)";
    }
    if (p.contains(":")) {
      return " (YAML 1.1 reads numbers with colons as base 60, like times)";
    }
    if (p.length() > 1 && p.startsWith("0") && !p.startsWith("0.")) {
      return " (a leading 0 makes it base 8)";
    }
    if (p.contains("_")) {
      return " (YAML 1.1 leaves out the underscores)";
    }
    if (plain.startsWith("+")) {
      return " (without the +)";
    }
    return "";
  }

  /** PyYAML's value of an int scalar. */
  static BigInteger integer(String plain) {
    String v = plain.replace("_", "");
    int sign = 1;
    if (v.startsWith("-") || v.startsWith("+")) {
      sign = v.charAt(0) == '-' ? -1 : 1;
      v = v.substring(1);
    }
    BigInteger value;
    if (v.equals("0") || v.isEmpty()) {
      value = BigInteger.ZERO;
    } else if (v.startsWith("0b")) {
      value = new BigInteger(v.substring(2).isEmpty() ? "0" : v.substring(2), 2);
    } else if (v.startsWith("0x")) {
      value = new BigInteger(v.substring(2).isEmpty() ? "0" : v.substring(2), 16);
    } else if (v.startsWith("0")) {
      value = new BigInteger(v, 8);
    } else if (v.contains(":")) {
      value = BigInteger.ZERO;
      for (String part : v.split(":")) {
        value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
      }
    } else {
      value = new BigInteger(v);
    }
    return sign < 0 ? value.negate() : value;
  }

  /** How Python prints PyYAML's value of a float scalar (repr). */
  static String floatText(String plain) {
    String v = plain.replace("_", "").toLowerCase(Locale.ROOT);
    boolean negative = v.startsWith("-");
    if (v.startsWith("-") || v.startsWith("+")) {
      v = v.substring(1);
    }
    if (v.equals(".inf")) {
      return negative ? "-inf" : "inf";
    }
    if (v.equals(".nan")) {
      return "nan";
    }
    double d;
    if (v.contains(":")) {
      d = 0;
      for (String part : v.split(":")) {
        d = d * 60 + Double.parseDouble(part);
      }
    } else {
      d = Double.parseDouble(v);
    }
    return (negative ? "-" : "") + repr(d);
  }

  /** Python's repr of a finite, non-negative double: shortest digits, 1e+16 past 10^16. */
  private static String repr(double d) {
    if (d == 0) {
      return "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (d >= 1e-4 && d < 1e16) {
      String s = bd.toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    String digits = bd.unscaledValue().toString();
    int exponent = digits.length() - 1 - bd.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (Math.abs(exponent) < 10 ? "0" : "")
        + Math.abs(exponent);
  }
}
