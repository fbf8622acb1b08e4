package dev.runwright.site;

import java.util.Set;

/**
 * Masks account IDs in published text, keeping the last four digits: {@code 111122223333} becomes
 * {@code ********3333}, and {@code 1111-2222-3333} (as the console shows it) {@code
 * ****-****-3333}. Only the twelve-digit runs that are known account IDs are masked, so key IDs and
 * other numbers stay as they are. Thread-safe.
 */
public final class Redactor {
  /** A redactor that changes nothing. */
  public static final Redactor NONE = new Redactor(Set.of());

  private final Set<String> accounts;

  public Redactor(Set<String> accounts) {
    this.accounts = Set.copyOf(accounts);
  }

  public boolean active() {
    return !accounts.isEmpty();
  }

  /** {@code text} with every known account ID masked. */
  public String text(String text) {
    return mask(text, '*');
  }

  /** An account ID as a URL slug part: {@code xxxxxxxx3333}. */
  public String slug(String text) {
    return mask(text, 'x');
  }

  private String mask(String text, char with) {
    if (accounts.isEmpty()) {
      return text;
    }
    StringBuilder sb = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        if (i - start == 4 && isGrouped(text, start)) {
          // 1111-2222-3333, as the console shows account IDs
          if (sb == null) {
            sb = new StringBuilder(n).append(text, 0, start);
          }
          String m = String.valueOf(with).repeat(4);
          sb.append(m).append('-').append(m).append('-').append(text, start + 10, start + 14);
          i = start + 14;
        } else if (i - start == 12 && accounts.contains(text.substring(start, i))) {
          if (sb == null) {
            sb = new StringBuilder(n).append(text, 0, start);
          }
          sb.append(String.valueOf(with).repeat(8)).append(text, start + 8, i);
        } else if (sb != null) {
          sb.append(text, start, i);
        }
      } else {
        if (sb != null) {
          sb.append(c);
        }
        i++;
      }
    }
    return sb == null ? text : sb.toString();
  }

  /** Whether a known account ID starts at {@code start} written as {@code 1111-2222-3333}. */
  private boolean isGrouped(String text, int start) {
    int end = start + 14;
    if (end > text.length()
        || text.charAt(start + 4) != '-'
        || text.charAt(start + 9) != '-'
        || (start > 0 && isWordOrHyphen(text.charAt(start - 1)))
        || (end < text.length() && isWordOrHyphen(text.charAt(end)))) {
      return false;
    }
    StringBuilder digits = new StringBuilder(12);
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (k == start + 4 || k == start + 9) {
        continue;
      }
      if (c < '0' || c > '9') {
        return false;
      }
      digits.append(c);
    }
    return accounts.contains(digits.toString());
  }

  private static boolean isWordOrHyphen(char c) {
    return Character.isLetterOrDigit(c) || c == '-';
  }
}
