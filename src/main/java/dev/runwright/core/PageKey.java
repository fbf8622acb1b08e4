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
    // On a char[]: String.charAt on a page with any non-Latin-1 character costs a range check
    // and a call per character under C1, a tenth of a site build's time.
    char[] t = text.toCharArray();
    StringBuilder sb = null;
    int n = t.length;
    int kept = 0; // text before this is in sb
    int i = 0;
    while (i < n) {
      char c = t[i];
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int end = run(t, i);
      if (end - i == 4 && grouped(t, i)) {
        end = i + 14;
      } else if (end - i != 12) {
        i = end;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(n);
      }
      sb.append(t, kept, i - kept).append(t, end - 4, 4);
      kept = end;
      i = end;
    }
    return sb == null ? text : sb.append(t, kept, n - kept).toString();
  }

  private static boolean digit(char[] s, int i) {
    return i < s.length && s[i] >= '0' && s[i] <= '9';
  }

  /** The end of the run of digits that starts at {@code i}. */
  private static int run(char[] s, int i) {
    while (digit(s, i)) {
      i++;
    }
    return i;
  }

  /** Whether {@code 1111-2222-3333} starts at {@code i}, itself a run of four digits. */
  private static boolean grouped(char[] s, int i) {
    return i + 14 <= s.length
        && s[i + 4] == '-'
        && run(s, i + 5) == i + 9
        && s[i + 9] == '-'
        && run(s, i + 10) == i + 14;
  }
}
