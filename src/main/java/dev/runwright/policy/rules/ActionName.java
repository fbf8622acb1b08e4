package dev.runwright.policy.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An action as IAM writes it, {@code service:Action}, where the action may hold the wildcards
 * {@code *} and {@code ?}.
 *
 * @param service the prefix as written
 * @param name the action as written
 */
record ActionName(String service, String name) {
  private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");

  /** The action {@code text} names, or empty when it is not of the form service:Action. */
  static Optional<ActionName> parse(String text) {
    if (!ACTION.matcher(text).matches()) {
      return Optional.empty();
    }
    int colon = text.indexOf(':');
    return Optional.of(new ActionName(text.substring(0, colon), text.substring(colon + 1)));
  }

  /** The prefix in lower case, as AWS writes it. */
  String prefix() {
    return service.toLowerCase(Locale.ROOT);
  }

  boolean isPattern() {
    return name.contains("*") || name.contains("?");
  }

  /**
   * How messages name a service: short prefixes are read as letters ({@code KMS}, {@code S3}),
   * longer ones as words ({@code lambda}).
   */
  static String label(String prefix) {
    return prefix.length() <= 3 ? prefix.toUpperCase(Locale.ROOT) : prefix;
  }

  /** The label with its article: "a KMS", "an S3", "a lambda". */
  static String withArticle(String prefix) {
    char first = prefix.isEmpty() ? 'x' : prefix.toLowerCase(Locale.ROOT).charAt(0);
    // Spelled out, A, E, F, H, I, L, M, N, O, R, S and X begin with a vowel sound.
    String vowels = prefix.length() <= 3 ? "aefhilmnorsx" : "aeiou";
    return (vowels.indexOf(first) >= 0 ? "an " : "a ") + label(prefix);
  }
}
