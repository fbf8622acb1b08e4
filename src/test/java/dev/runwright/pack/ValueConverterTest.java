package dev.runwright.pack;

import static dev.runwright.pack.PackTestSupport.errors;
import static dev.runwright.pack.PackTestSupport.params;
import static dev.runwright.pack.PackTestSupport.warnings;
import static dev.runwright.pack.PackTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.Region;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One parameter's value as written, converted to what templates see, or reported with its position:
 * the manifest's rules (values, maxLength, pattern, min/max, items) and the type's.
 */
class ValueConverterTest {
  private static final AwsContext AWS =
      new AwsContext("111122223333", Region.of("us-east-1").orElseThrow());
  private static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";

  private final Diagnostics d = new Diagnostics();

  /** {@code value} (YAML) converted for the parameter {@code p} declared by {@code decl}. */
  private Object convert(String decl, String value) {
    ParameterSpec spec = params("p: " + decl).get("p");
    return ValueConverter.convert(
        spec, ((Node.Mapping) yaml("p: " + value)).get("p"), AWS, true, d);
  }

  @Test
  void aValidValueIsConvertedByItsType() {
    assertEquals(3, convert("{type: integer}", "3"));
    assertEquals(true, convert("{type: boolean}", "true"));
    assertEquals("db1", convert("{type: string}", "db1"));
    assertEquals(List.of(), errors(d));
  }

  @Test
  void oneValueForAListIsAListOfOne() {
    assertEquals(List.of("a"), convert("{type: string, list: true}", "a"));
  }

  @Test
  void aListForOneValueIsRefused() {
    assertNull(convert("{type: string}", "[a, b]"));
    assertEquals(List.of("pack.yaml:1:4: error: p: is a list; expected text"), errors(d));
  }

  @Test
  void aMappingForAListIsRefused() {
    assertNull(convert("{type: string, list: true}", "{a: b}"));
    assertEquals(1, errors(d).size(), () -> errors(d).toString());
    assertTrue(errors(d).get(0).startsWith("pack.yaml:1:4: error: p: is a mapping; expected"));
  }

  @Test
  void aRepeatedItemIsReportedAtTheRepeat() {
    assertEquals(List.of("a", "b"), convert("{type: string, list: true}", "[a, b, a]"));
    assertEquals(
        List.of("pack.yaml:1:11: error: p[2]: \"a\" repeats p[0]; list it once"), errors(d));
  }

  @Test
  void theSameResourceTwiceIsReportedWithItsArn() {
    String arn = "arn:aws:kms:us-east-1:111122223333:key/" + KEY;
    Object v = convert("{type: kms-key, list: true}", "[" + KEY + ", \"" + arn + "\"]");
    assertEquals(1, ((List<?>) v).size());
    assertEquals(arn, ((KmsKey) ((List<?>) v).get(0)).arn());
    assertEquals(
        List.of(
            "pack.yaml:1:43: error: p[1]: \""
                + arn
                + "\" names the same resource as p[0] ("
                + arn
                + "); list it once"),
        errors(d));
  }

  @Test
  void aRequiredListNeedsAnItem() {
    convert("{type: string, list: true, required: true}", "[]");
    assertEquals(
        List.of("pack.yaml:1:4: error: p: has 0 items; expected at least 1, each text"), errors(d));
  }

  @Test
  void minAndMaxItemsAreChecked() {
    convert("{type: string, list: true, minItems: 2}", "[a]");
    convert("{type: string, list: true, maxItems: 1}", "[a, b]");
    assertEquals(
        List.of(
            "pack.yaml:1:4: error: p: has 1 item; expected at least 2, each text",
            "pack.yaml:1:4: error: p: has 2 items; expected at most 1"),
        errors(d));
  }

  @Test
  void aValueNotListedIsRefusedWithASuggestion() {
    assertNull(convert("{type: enum, values: [load, save]}", "sav"));
    assertEquals(
        List.of(
            "pack.yaml:1:4: error: p: \"sav\" is not allowed; expected one of load, save; did you"
                + " mean save?"),
        errors(d));
  }

  @Test
  void maxLengthCountsCharactersNotUtf16Units() {
    assertEquals("😀😀", convert("{type: string, maxLength: 2}", "😀😀"));
    assertNull(convert("{type: string, maxLength: 2}", "abc"));
    assertEquals(
        List.of("pack.yaml:1:4: error: p: \"abc\" is too long; expected at most 2 characters"),
        errors(d));
  }

  @Test
  void aPatternMismatchNamesThePatternAndTheHelp() {
    assertNull(convert("{type: string, pattern: '[a-z]+', help: Lower-case letters.}", "A1"));
    assertEquals(
        List.of(
            "pack.yaml:1:4: error: p: \"A1\" does not match the pattern [a-z]+ (Lower-case"
                + " letters.)"),
        errors(d));
  }

  @Test
  void anIntegerOutOfRangeNamesTheRange() {
    assertNull(convert("{type: integer, min: 2, max: 3}", "4"));
    assertNull(convert("{type: integer, min: 2}", "1"));
    assertEquals(
        List.of(
            "pack.yaml:1:4: error: p: \"4\" is out of range; expected a whole number from 2 to 3",
            "pack.yaml:1:4: error: p: \"1\" is out of range; expected a whole number of at least"
                + " 2"),
        errors(d));
  }

  @Test
  void aTypeErrorSaysWhatIsExpectedAndPointsAtPadding() {
    assertNull(convert("{type: integer, max: 9}", "' 3'"));
    assertEquals(
        List.of(
            "pack.yaml:1:4: error: p: \" 3\" is not a whole number; expected a whole number of at"
                + " most 9 (it has spaces at the start or end)"),
        errors(d));
  }

  @Test
  void anInvisibleCharacterIsAWarning() {
    assertEquals("a\u200bb", convert("{type: string}", "\"a\\u200bb\""));
    assertEquals(List.of(), errors(d));
    List<String> w = warnings(d);
    assertEquals(1, w.size(), w::toString);
    assertTrue(w.get(0).contains("holds U+200B, an invisible character"), w.get(0));
  }

  @Test
  void everyBadItemIsReportedInOneRun() {
    Object v = convert("{type: integer, list: true, max: 5}", "[1, x, 9, 2]");
    assertEquals(List.of(1, 2), v);
    assertEquals(2, errors(d).size(), () -> errors(d).toString());
    assertTrue(errors(d).get(0).contains("p[1]: \"x\""), errors(d).get(0));
    assertTrue(errors(d).get(1).contains("p[2]: \"9\""), errors(d).get(1));
  }

  @Test
  void onlyValuesWithAnArnHaveOne() {
    assertNull(ValueConverter.arnOf("text"));
    assertNull(ValueConverter.arnOf(3));
  }
}
