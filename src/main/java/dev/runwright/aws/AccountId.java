package dev.runwright.aws;

/**
 * AWS account IDs: exactly twelve digits, kept as text because they may start with zero
 * (AWS-FACTS.md section 5).
 */
public final class AccountId {
  private AccountId() {}

  public static boolean isValid(String text) {
    if (text.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks {@code text}.
   *
   * @throws InvalidValueException when it is not twelve digits
   */
  public static void check(String text) {
    if (isValid(text)) {
      return;
    }
    String digits = text.replaceAll("[\\s-]", "");
    if (!digits.equals(text) && isValid(digits)) {
      throw new InvalidValueException(
          "contains spaces or dashes", "exactly 12 digits with nothing between them: " + digits);
    }
    if (text.length() > 2
        && (text.startsWith("<") && text.endsWith(">")
            || text.startsWith("{") && text.endsWith("}")
            || text.startsWith("[") && text.endsWith("]"))
        && isValid(text.substring(1, text.length() - 1).strip())) {
      // AWS pages write placeholders as <123456789012>; the brackets are not part of the ID.
      throw new InvalidValueException(
          "is in brackets, as a placeholder is written",
          "the 12 digits alone: " + text.substring(1, text.length() - 1).strip());
    }
    String problem =
        // ASCII digits only, as in isValid: Character.isDigit also accepts Arabic-Indic digits.
        text.chars().allMatch(c -> c >= '0' && c <= '9')
            ? "has " + text.length() + (text.length() == 1 ? " digit" : " digits")
            : "is not a number of 12 digits";
    throw new InvalidValueException(
        problem, "exactly 12 digits, quoted in YAML when it starts with 0 (\"012345678901\")");
  }

  private static final java.util.regex.Pattern PLACEHOLDER =
      java.util.regex.Pattern.compile("<account-[0-9]{4}(-[0-9]+)?>");

  /**
   * The placeholder {@code --redact-accounts} writes for the {@code n}th account (1 first) whose
   * last four digits are {@code lastFour}: {@code <account-3333>}, {@code <account-3333-2>}. It is
   * not an account ID and not a wildcard, so IAM refuses a policy that holds it.
   */
  public static String placeholder(String lastFour, int n) {
    return "<account-" + lastFour + (n > 1 ? "-" + n : "") + ">";
  }

  /** Whether {@code text} is a placeholder of {@link #placeholder}. */
  public static boolean isPlaceholder(String text) {
    return PLACEHOLDER.matcher(text).matches();
  }

  /** {@code 111122223333} becomes {@code ********3333}, for output that leaves the company. */
  public static String redact(String account, char mask) {
    return String.valueOf(mask).repeat(8) + account.substring(8);
  }
}
