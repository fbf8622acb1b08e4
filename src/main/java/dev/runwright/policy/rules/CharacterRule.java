package dev.runwright.policy.rules;

import dev.runwright.config.Position;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintRule;

/** IAM accepts only tab, line breaks and U+0020 to U+00FF in a policy; names the first other. */
final class CharacterRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    String text = policy.text();
    int line = 1;
    int col = 1;
    // By code point, so that a character outside the BMP is named, not its high surrogate.
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i);
      boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xff);
      if (!ok) {
        policy.report(
            FindingCode.INVALID_CHARACTER,
            "$",
            new Position(policy.source(), line, col),
            String.format(
                "U+%04X is outside the characters IAM accepts in a policy (tab, line"
                    + " breaks and U+0020 to U+00FF)",
                c));
        return;
      }
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
  }
}
