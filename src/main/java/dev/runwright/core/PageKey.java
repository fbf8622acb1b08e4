package dev.runwright.core;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The key a page's checklist and record are kept under in the operator's browser: a 64-bit hash
 * (CRC-32C and CRC-32, 16 hex digits) of the runbook's input and of the page's HTML. It tells one
 * page's state from another's; nothing depends on it being hard to invert, since account IDs are
 * masked before they enter it, and both checksums run as one instruction per few bytes on every JIT
 * tier, where SHA-256 cost a sixth of a whole-procedure site build under C1. Generating the runbook
 * again with any other value gives another key, so the checklist starts fresh; the same input gives
 * the same key, so ticks survive a rebuild. Twelve-digit numbers (account IDs, also in the
 * console's {@code 1111-2222-3333} form) enter the hash by their last four digits only: the key is
 * published in the page, and {@code --redact-accounts} masks the rest, which the hash must not let
 * anyone recover by trying every account.
 */
public final class PageKey {
  private PageKey() {}

  /** The key for a page showing {@code body} of a runbook read from {@code input}. */
  public static String of(String input, String body) {
    // The digest of the UTF-8 of mask(input) + "\n\0\n" + mask(body), fed as it is masked: a
    // site hashes every page, and building, joining and encoding the masked copies cost as much
    // as the hash under C1.
    Utf8Digest d = new Utf8Digest();
    mask(input.toCharArray(), d);
    d.append("\n\u0000\n".toCharArray(), 0, 3);
    mask(body.toCharArray(), d);
    return d.digest();
  }

  /** Where masked text goes: a contiguous run of the text at a time. */
  private interface Sink {
    void append(char[] t, int from, int len);
  }

  /**
   * {@code text} with every twelve-digit number, and every {@code 1111-2222-3333}, cut to its last
   * four digits. One pass, no regular expression: it runs on every page of a site.
   */
  static String mask(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    mask(text.toCharArray(), sb::append);
    return sb.toString();
  }

  // On a char[]: String.charAt on a page with any non-Latin-1 character costs a range check and a
  // call per character under C1.
  private static void mask(char[] t, Sink out) {
    int n = t.length;
    int kept = 0; // text before this is out
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
      out.append(t, kept, i - kept);
      out.append(t, end - 4, 4);
      kept = end;
      i = end;
    }
    out.append(t, kept, n - kept);
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

  /**
   * CRC-32C and CRC-32 of text's UTF-8, as {@code String.getBytes(UTF_8)} encodes it (an unpaired
   * surrogate as {@code ?}), fed through a small buffer.
   */
  private static final class Utf8Digest implements Sink {
    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32 = new CRC32();
    private final byte[] buf = new byte[8192];
    private int len;
    private char high; // a high surrogate waiting for its pair, or 0

    private void flush() {
      crc32c.update(buf, 0, len);
      crc32.update(buf, 0, len);
      len = 0;
    }

    @Override
    public void append(char[] t, int from, int count) {
      for (int i = from; i < from + count; i++) {
        if (len > buf.length - 4) {
          flush();
        }
        char c = t[i];
        if (high != 0) {
          if (Character.isLowSurrogate(c)) {
            int cp = Character.toCodePoint(high, c);
            high = 0;
            buf[len++] = (byte) (0xF0 | (cp >> 18));
            buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (cp & 0x3F));
            continue;
          }
          high = 0;
          buf[len++] = '?';
        }
        if (c < 0x80) {
          buf[len++] = (byte) c;
        } else if (c < 0x800) {
          buf[len++] = (byte) (0xC0 | (c >> 6));
          buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
          high = c;
        } else if (Character.isLowSurrogate(c)) {
          buf[len++] = '?';
        } else {
          buf[len++] = (byte) (0xE0 | (c >> 12));
          buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }

    /** The 16 hex digits: CRC-32C, then CRC-32, each as eight. */
    String digest() {
      if (high != 0) {
        buf[len++] = '?';
        high = 0;
      }
      flush();
      String hex = Long.toHexString(crc32c.getValue() << 32 | crc32.getValue());
      return "0".repeat(16 - hex.length()) + hex;
    }
  }
}
