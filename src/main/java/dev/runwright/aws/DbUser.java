package dev.runwright.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database account that gets the privilege to use S3 or Lambda: for Aurora MySQL a user and the
 * host it connects from ({@code loader@'10.0.%'}, {@code 'loader'@'%'}); for Aurora PostgreSQL a
 * role name (no host). SQL writes it through the quoting helpers, never as it was typed.
 *
 * @param input what the user wrote
 * @param name the user or role name
 * @param host the MySQL host part, or {@code null} when none was given
 * @param mysqlHost the MySQL host: as given, or {@code %} (any host) when none was
 */
public record DbUser(String input, String name, String host, String mysqlHost) {

  private static final Pattern WITH_HOST =
      Pattern.compile("('([^']*)'|`([^`]*)`|\"([^\"]*)\"|([^@'`\"]+))@('([^']*)'|([^@'`\"]+))");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|`([^`]*)`|\"([^\"]*)\"");
  static final String EXPECTED =
      "a database user, optionally with its host: loader, loader@'10.0.%' or 'loader'@'%'";

  /** Reads {@code input}. */
  public static DbUser parse(String input) {
    String text = input.strip();
    if (!text.equals(input)) {
      throw new InvalidValueException("has spaces at the start or end", EXPECTED);
    }
    String name;
    String host = null;
    Matcher m = WITH_HOST.matcher(text);
    Matcher q = QUOTED.matcher(text);
    if (m.matches()) {
      name = first(m.group(2), m.group(3), m.group(4), m.group(5));
      host = first(m.group(7), m.group(8));
    } else if (q.matches()) {
      name = first(q.group(1), q.group(2), q.group(3));
    } else if (!text.contains("@") && !text.contains("'") && !text.contains("`")) {
      name = text;
    } else {
      throw new InvalidValueException("is not a user, or a user and host", EXPECTED);
    }
    check(name, "user name", 63);
    if (host != null) {
      check(host, "host", 255);
    }
    return new DbUser(input, name, host, host == null ? "%" : host);
  }

  private static void check(String part, String what, int max) {
    if (part.isEmpty()) {
      throw new InvalidValueException("has an empty " + what, EXPECTED);
    }
    if (part.codePointCount(0, part.length()) > max) {
      throw new InvalidValueException(
          "has a " + what + " longer than " + max + " characters", EXPECTED);
    }
    for (int i = 0; i < part.length(); i++) {
      if (Character.isISOControl(part.charAt(i))) {
        throw new InvalidValueException(
            String.format("has the control character U+%04X in its %s", (int) part.charAt(i), what),
            EXPECTED);
      }
    }
  }

  private static String first(String... options) {
    for (String o : options) {
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return host == null ? name : name + "@" + host;
  }
}
