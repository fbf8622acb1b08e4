package dev.runwright.core;

import java.util.regex.Pattern;

/**
 * The key a page's checklist and record are kept under in the operator's browser: a hash of the
 * runbook's input and of the page's HTML. Generating the runbook again with any other value gives
 * another key, so the checklist starts fresh; the same input gives the same key, so ticks survive a
 * rebuild. Twelve-digit numbers (account IDs, also in the console's {@code 1111-2222-3333} form)
 * enter the hash by their last four digits only: the key is published in the page, and {@code
 * --redact-accounts} masks the rest, which the hash must not let anyone recover by trying every
 * account.
 */
public final class PageKey {
  private PageKey() {}

  private static final Pattern ACCOUNT = Pattern.compile("(?<![0-9])[0-9]{8}([0-9]{4})(?![0-9])");
  private static final Pattern GROUPED =
      Pattern.compile("(?<![0-9])[0-9]{4}-[0-9]{4}-([0-9]{4})(?![0-9])");

  /** The key for a page showing {@code body} of a runbook read from {@code input}. */
  public static String of(String input, String body) {
    String digest = Runbook.sha256(mask(input) + "\n\u0000\n" + mask(body));
    return digest.substring("sha256:".length(), "sha256:".length() + 32);
  }

  /** {@code text} with every twelve-digit number cut to its last four digits. */
  static String mask(String text) {
    return GROUPED.matcher(ACCOUNT.matcher(text).replaceAll("$1")).replaceAll("$1");
  }
}
