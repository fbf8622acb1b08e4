package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written word splitter splits as the page's script does, a regular expression. */
class SearchTextWordsTest {
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static List<String> byRegex(String text) {
    List<String> out = new ArrayList<>();
    for (String w : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  @Test
  void splitsAsTheRegularExpression() {
    List<String> cases =
        List.of(
            "",
            "   ",
            "Reboot payments-prod now!",
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab",
            "Ünïcödé ÉTÉ straße İstanbul ½ Ⅻ ٣ 😀 𝐀𝐁 x",
            "tab\there\nnew_line·dot—dash");
    for (String c : cases) {
      assertEquals(byRegex(c), SearchText.words(c), c);
    }
    Random r = new Random(17);
    int[] pool = {
      'a', 'Z', '9', ' ', '-', '_', 0xE9, 0x2167, 0x0663, 0xBD, 0x1F600, 0x1D400, 0x300
    };
    for (int k = 0; k < 500; k++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        sb.appendCodePoint(pool[r.nextInt(pool.length)]);
      }
      assertEquals(byRegex(sb.toString()), SearchText.words(sb.toString()), sb.toString());
    }
  }
}
