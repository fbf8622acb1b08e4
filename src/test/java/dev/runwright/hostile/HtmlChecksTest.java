package dev.runwright.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The properties' own HTML reading, where it is not obvious. */
class HtmlChecksTest {
  @Test
  void aClosingTagIsFoundInAsciiLettersOfEitherCaseOnly() {
    assertEquals(8, HtmlChecks.closingTag("<script></SCRIPT>", "script", 8));
    assertEquals(15, HtmlChecks.closingTag("<style>a</b></s</StYlE", "style", 7));
    // U+017F is an s to String.regionMatches, and U+0130 lower-cases to two chars: neither
    // is a tag name's letter to HTML.
    assertEquals(-1, HtmlChecks.closingTag("<script>x</\u017fcript>", "script", 8));
    assertEquals(
        "<script>\u0130</script>".indexOf("</"),
        HtmlChecks.closingTag("<script>\u0130</script>", "script", 8));
    assertEquals(-1, HtmlChecks.closingTag("<script></scrip", "script", 8));
  }
}
