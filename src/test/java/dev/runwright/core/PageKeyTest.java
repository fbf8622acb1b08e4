package dev.runwright.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class PageKeyTest {
  private static final String INPUT = "{\"pack\":\"kms-policy\",\"account\":\"111122223333\"}";
  private static final String BODY = "<p>Account <code>111122223333</code>, key 1234abcd</p>";

  @Test
  void theSameInputAndPageGiveTheSameKeyAndAnyOtherValueAnother() {
    String key = PageKey.of(INPUT, BODY);
    assertTrue(key.matches("[0-9a-f]{16}"), key);
    assertEquals(key, PageKey.of(INPUT, BODY));
    assertNotEquals(key, PageKey.of(INPUT, BODY.replace("1234abcd", "5678abcd")));
    assertNotEquals(key, PageKey.of(INPUT.replace("kms-policy", "other"), BODY));
    assertNotEquals(key, PageKey.of(INPUT, BODY.replace("3333", "4444")));
  }

  @Test
  void anAccountEntersTheKeyOnlyByItsLastFourDigits() {
    // So that a published key cannot be used to try every account that ends in ...3333.
    assertEquals(
        PageKey.of(INPUT, BODY),
        PageKey.of(INPUT.replace("1111", "9999"), BODY.replace("1111", "9999")));
    assertEquals(
        "account 3333 and 3333, key 1234abcd-12ab",
        PageKey.mask("account 111122223333 and 1111-2222-3333, key 1234abcd-12ab"));
    assertEquals("1234567890123 stays", PageKey.mask("1234567890123 stays"));
  }

  @Test
  void theKeyIsTheChecksumsOfTheMaskedTextsUtf8() {
    // Fed to the checksums as it is masked; the same bytes as the joined, encoded copy.
    String[] bodies = {
      BODY, "", "é 😀 ½ — 111122223333", "lone \uD800 high, lone \uDC00 low", "end \uD83D"
    };
    for (String body : bodies) {
      assertEquals(
          checksums(PageKey.mask(INPUT) + "\n\u0000\n" + PageKey.mask(body)),
          PageKey.of(INPUT, body),
          body);
    }
    String big = "<p>x 111122223333 ü</p>\n".repeat(2000);
    assertEquals(
        checksums(PageKey.mask(big) + "\n\u0000\n" + PageKey.mask(big)), PageKey.of(big, big));
  }

  private static String checksums(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CRC32C c = new CRC32C();
    c.update(bytes);
    CRC32 d = new CRC32();
    d.update(bytes);
    return String.format("%08x%08x", c.getValue(), d.getValue());
  }

  @Test
  void theBuildDateFollowsSourceDateEpoch() {
    assertEquals("2023-11-14", BuildDate.of("1700000000"));
    assertEquals("1970-01-01", BuildDate.of("0"));
    assertNull(BuildDate.of(null));
    assertNull(BuildDate.of("yesterday"));
    assertNull(BuildDate.of("-5"));
    assertFalse(BuildDate.of(" 1700000000 ").isEmpty());
  }
}
