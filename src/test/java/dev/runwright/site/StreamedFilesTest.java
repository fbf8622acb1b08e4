package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The site's large files are written as they are made: masked line by line and written by {@link
 * Target#write(String, Target.Text)}. Whatever the chunks a writer is handed, the bytes must be
 * those of masking and writing the whole text at once.
 */
class StreamedFilesTest {
  private static final Redactor REDACTOR = new Redactor(Set.of("111122223333", "444455556666"));

  private static final String TEXT =
      "<p>Account 111122223333 in us-east-1</p>\n"
          + "<p>arn:aws:iam::444455556666:role/R and 111122223333</p>\n"
          + "no account here ✓\n"
          + "last line without a newline 444455556666";

  @Test
  void maskingLineByLineGivesWhatMaskingTheWholeTextGives() throws IOException {
    Random r = new Random(3);
    for (String path : List.of("index.html", "search-index.js", "notes.md", "policy.json")) {
      for (int round = 0; round < 50; round++) {
        StringWriter out = new StringWriter();
        try (Writer w =
            path.endsWith(".js") ? REDACTOR.masking(out) : REDACTOR.publishing(path, out)) {
          for (int i = 0; i < TEXT.length(); ) {
            int n = Math.min(TEXT.length() - i, 1 + r.nextInt(17)); // chunks split accounts
            w.write(TEXT, i, n);
            i += n;
          }
        }
        String whole = path.endsWith(".js") ? REDACTOR.text(TEXT) : REDACTOR.published(path, TEXT);
        assertEquals(whole, out.toString(), path);
        assertNotEquals(TEXT, whole, "accounts masked");
      }
    }
  }

  @Test
  void nothingToMaskIsTheSameWriter() {
    StringWriter out = new StringWriter();
    assertSame(out, Redactor.NONE.publishing("index.html", out));
    assertSame(out, Redactor.NONE.masking(out));
  }

  @Test
  void aTargetThatTakesBytesGetsTheTextsUtf8() {
    byte[][] got = new byte[1][];
    Target bytesOnly = (rel, bytes) -> got[0] = bytes;
    bytesOnly.write("index.html", w -> w.write(TEXT));
    assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_8), got[0]);
  }
}
