package dev.runwright.policy.rules;

import dev.runwright.aws.Arn;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ARN from a policy, split into its parts. A policy variable such as {@code ${aws:username}} may
 * hold colons and slashes, so each is replaced by a mark before the split; a part that holds one is
 * known only when IAM evaluates the policy.
 */
record PolicyArn(Arn arn) {
  /** A policy variable; it may hold colons and slashes. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  /** Stands for a policy variable while an ARN is split; policies cannot hold U+0000. */
  private static final String MARK = "\u0000";

  static Optional<PolicyArn> parse(String text) {
    return Arn.parse(VARIABLE.matcher(text).replaceAll(MARK)).map(PolicyArn::new);
  }

  static boolean hasVariable(String part) {
    return part.contains(MARK);
  }

  static boolean hasWildcard(String part) {
    return part.contains("*") || part.contains("?");
  }

  /** The part as an IAM pattern: a policy variable could be anything, so it is a {@code *}. */
  static String asPattern(String part) {
    return part.replace(MARK, "*");
  }
}
