package dev.runwright.core;

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

  /** The key for a page showing {@code body} of a runbook read from {@code input}. */
  public static String of(String input, String body) {
    String digest = Runbook.sha256(mask(input) + "\n\u0000\n" + mask(body));
    return digest.substring("sha256:".length(), "sha256:".length() + 32);
  }

  /**
   * {@code text} with every twelve-digit number, and every {@code 1111-2222-3333}, cut to its last
   * four digits. One pass, no regular expression: it runs on every page of a site.
   */
  static String mask(String text) {
    StringBuilder sb = null;
    int n = text.length();
    int kept = 0; // text before this is in sb
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int end = run(text, i);
      if (end - i == 4 && grouped(text, i)) {
        end = i + 14;
      } else if (end - i != 12) {
        i = end;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(n);
      }
      sb.append(text, kept, i).append(text, end - 4, end);
      kept = end;
      i = end;
    }
    return sb == null ? text : sb.append(text, kept, n).toString();
  }

  private static boolean digit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  /** The end of the run of digits that starts at {@code i}. */
  private static int run(String s, int i) {
    while (digit(s, i)) {
      i++;
    }
    return i;
  }

  /** Whether {@code 1111-2222-3333} starts at {@code i}, itself a run of four digits. */
  private static boolean grouped(String s, int i) {
    return i + 14 <= s.length()
        && s.charAt(i + 4) == '-'
        && run(s, i + 5) == i + 9
        && s.charAt(i + 9) == '-'
        && run(s, i + 10) == i + 14;
  }
}
