package dev.runwright.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {
  private static final Position AT = new Position("f.yaml", 1, 1);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12345|\"12345\"",
        "''|\"\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "C:\\temp|\"C:\\\\temp\"",
        "caf\u00e9 \u5317|\"caf\u00e9 \u5317\"",
      })
  void quotesAndEscapes(String value, String shown) {
    assertEquals(shown, Values.show(value));
  }

  @Test
  void controlCharactersAndLineSeparatorsAreVisible() {
    assertEquals(
        "\"a\\nb\\rc\\td\\u0000e\\u001bf\\u007fg\\u0085h\\u2028i\\u2029j\"",
        Values.show("a\nb\rc\td\u0000e\u001bf\u007fg\u0085h\u2028i\u2029j"));
  }

  @Test
  void eightyCharactersAreShownWhole() {
    String v = "x".repeat(80);
    assertEquals("\"" + v + "\"", Values.show(v));
  }

  @Test
  void longerValuesAreCutAfterEightyWithTheirLength() {
    assertEquals("\"" + "x".repeat(80) + "...\" (81 characters)", Values.show("x".repeat(81)));
    assertEquals("\"" + "y".repeat(80) + "...\" (5000 characters)", Values.show("y".repeat(5000)));
  }

  @Test
  void escapesCountAsOneShownCharacter() {
    String v = "\n".repeat(81);
    assertEquals("\"" + "\\n".repeat(80) + "...\" (81 characters)", Values.show(v));
  }

  @Test
  void theCutNeverSplitsACharacter() {
    String shown = Values.show("a".repeat(79) + "\uD83D\uDE00" + "b");
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertFalse(
            i + 1 >= shown.length() || !Character.isLowSurrogate(shown.charAt(i + 1)),
            "lone high surrogate in " + shown);
      }
    }
  }

  @Test
  void nodesAreShownByTextOrKind() {
    assertEquals("\"x\"", Values.show(new Node.Scalar("x", Node.Style.PLAIN, AT)));
    assertEquals("\"\"", Values.show(new Node.Scalar("", Node.Style.QUOTED, AT)));
    assertEquals("an empty value", Values.show(new Node.Scalar("~", Node.Style.NULL, AT)));
    assertEquals("a list", Values.show(new Node.Sequence(List.of(), AT)));
    assertEquals("a mapping", Values.show(new Node.Mapping(Map.of(), AT)));
  }
}
