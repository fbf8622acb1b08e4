package dev.runwright.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The key a page's checklist and record are kept under in the operator's browser: a 64-bit hash
 * (CRC-32C and CRC-32, 16 hex digits) of the runbook's input and of the page's HTML. Generating the
 * runbook again with any other value gives another key, so the checklist starts fresh; the same
 * input gives the same key, so ticks survive a rebuild. Twelve-digit numbers (account IDs, also in
 * the console's {@code 1111-2222-3333} form) enter the hash by their last four digits only: the key
 * is published in the page, and {@code --redact-accounts} masks the rest, which the key must not
 * let anyone recover by trying every account. Nothing else depends on the hash being hard to
 * invert, and both checksums are an instruction per few bytes on every JIT tier, where SHA-256 cost
 * a sixth of a whole-procedure site build under C1.
 */
public final class PageKey {
  private PageKey() {}

  private static final byte[] SEPARATOR = {'\n', 0, '\n'};

  /** The key for a page showing {@code body} of a runbook read from {@code input}. */
  public static String of(String input, String body) {
    // The checksums of the UTF-8 of mask(input) + "\n\0\n" + mask(body), fed slice by slice of
    // the encoded texts as they are masked: no masked copy, no joined string. A digit is one
    // byte in UTF-8 and no byte of a longer character is a digit, so masking the bytes masks
    // the text.
    CRC32C c = new CRC32C();
    CRC32 d = new CRC32();
    Sink both =
        (t, from, len) -> {
          c.update(t, from, len);
          d.update(t, from, len);
        };
    mask(input.getBytes(StandardCharsets.UTF_8), both);
    both.append(SEPARATOR, 0, SEPARATOR.length);
    mask(body.getBytes(StandardCharsets.UTF_8), both);
    String hex = Long.toHexString(c.getValue() << 32 | d.getValue());
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** Where masked text goes: a contiguous run of its bytes at a time. */
  private interface Sink {
    void append(byte[] t, int from, int len);
  }

  /**
   * {@code text} with every twelve-digit number, and every {@code 1111-2222-3333}, cut to its last
   * four digits. One pass, no regular expression: it runs on every page of a site.
   */
  static String mask(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    mask(text.getBytes(StandardCharsets.UTF_8), out::write);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void mask(byte[] t, Sink out) {
    int n = t.length;
    int kept = 0; // text before this is out
    int i = 0;
    while (i < n) {
      byte c = t[i];
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
      out.append(t, kept, i - kept);
      out.append(t, end - 4, 4);
      kept = end;
      i = end;
    }
    out.append(t, kept, n - kept);
  }

  private static boolean digit(byte[] s, int i) {
    return i < s.length && s[i] >= '0' && s[i] <= '9';
  }

  /** The end of the run of digits that starts at {@code i}. */
  private static int run(byte[] s, int i) {
    while (digit(s, i)) {
      i++;
    }
    return i;
  }

  /** Whether {@code 1111-2222-3333} starts at {@code i}, itself a run of four digits. */
  private static boolean grouped(byte[] s, int i) {
    return i + 14 <= s.length
        && s[i + 4] == '-'
        && run(s, i + 5) == i + 9
        && s[i + 9] == '-'
        && run(s, i + 10) == i + 14;
  }
}
