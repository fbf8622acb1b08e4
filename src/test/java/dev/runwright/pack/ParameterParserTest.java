package dev.runwright.pack;

import static dev.runwright.pack.PackTestSupport.errors;
import static dev.runwright.pack.PackTestSupport.params;
import static dev.runwright.pack.PackTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.Position;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code parameters:} read into {@link ParameterSpec}s, every mistake with its position. */
class ParameterParserTest {
  private final Diagnostics d = new Diagnostics();

  private Map<String, ParameterSpec> parse(String text) {
    return ParameterParser.parse(yaml(text), d);
  }

  @Test
  void aFullDeclarationIsRead() {
    ParameterSpec p =
        params(
                "zoneId:\n  type: string\n  required: true\n  pattern: 'Z[A-Z0-9]+'\n"
                    + "  maxLength: 32\n  help: The hosted zone's id.\n  example: Z123\n"
                    + "  flag: --zone-id\n  flagLabel: ZONE\n  index: true\n")
            .get("zoneId");
    assertEquals("string", p.type().id());
    assertTrue(p.required());
    assertFalse(p.list());
    assertEquals("Z[A-Z0-9]+", p.pattern().pattern());
    assertEquals(32, p.maxLength());
    assertEquals("The hosted zone's id.", p.help());
    assertEquals("Z123", p.example());
    assertEquals(new ParameterSpec.Flag("--zone-id", "ZONE"), p.flag());
    assertEquals(new ParameterSpec.Index("Zone id", true, true, false), p.index());
    assertEquals(new Position("pack.yaml", 1, 1), p.declaredAt());
    assertEquals("--zone-id", p.flagName());
  }

  @Test
  void theDefaultsOfADeclaration() {
    ParameterSpec p = params("owner: {type: string}").get("owner");
    assertFalse(p.required());
    assertFalse(p.list());
    assertEquals(0, p.minItems());
    assertNull(p.flag());
    assertNull(p.index());
    assertEquals("--set owner", p.flagName(), "a parameter without a flag is set with --set");
  }

  @Test
  void parametersKeepTheOrderDeclared() {
    assertEquals(
        List.of("zeta", "alpha", "mid"),
        List.copyOf(
            params("zeta: {type: string}\nalpha: {type: integer}\nmid: {type: boolean}").keySet()));
  }

  @Test
  void anIndexMappingSetsItsLabelAndSummary() {
    ParameterSpec p =
        params("owner: {type: string, index: {label: Team, filter: false, summary: true}}")
            .get("owner");
    assertEquals(new ParameterSpec.Index("Team", true, false, true), p.index());
    assertNull(params("owner: {type: string, index: false}").get("owner").index());
  }

  @Test
  void aLabelIsTheNameInWords() {
    assertEquals("Cluster id", ParameterParser.label("clusterId"));
    assertEquals("Aurora mysql version", ParameterParser.label("auroraMysqlVersion"));
    assertEquals("Keys", ParameterParser.label("keys"));
  }

  @Test
  void aNameThatIsNotCamelCaseOrIsReservedIsRefused() {
    Map<String, ParameterSpec> p =
        parse("Zone_id: {type: string}\npack: {type: string}\nok: {type: string}");
    assertEquals(List.of("ok"), List.copyOf(p.keySet()));
    assertEquals(
        List.of(
            "pack.yaml:1:1: error: parameters: \"Zone_id\" is not a parameter name; expected"
                + " camelCase letters and digits",
            "pack.yaml:2:1: error: parameters: \"pack\" is reserved"),
        errors(d));
  }

  @Test
  void anUnknownTypeIsNamedWithASuggestionAndTheTypes() {
    assertTrue(parse("owner: {type: strng}").isEmpty());
    List<String> e = errors(d);
    assertEquals(1, e.size(), e::toString);
    assertTrue(
        e.get(0)
            .startsWith(
                "pack.yaml:1:15: error: parameters.owner.type: unknown type \"strng\"; did you"
                    + " mean string? (types: string, integer, boolean,"),
        e.get(0));
  }

  @Test
  void aMissingTypeIsRequired() {
    assertTrue(parse("owner: {help: Who}").isEmpty());
    List<String> e = errors(d);
    assertEquals(1, e.size(), e::toString);
    assertTrue(e.get(0).startsWith("pack.yaml:1:8: error: parameters.owner"), e.get(0));
    assertTrue(e.get(0).contains("type"), e.get(0));
  }

  @Test
  void anUnknownKeyIsRefusedWithASuggestion() {
    parse("owner: {type: string, requred: true}");
    assertEquals(
        List.of(
            "pack.yaml:1:23: error: parameters.owner: unknown parameter key \"requred\"; did you"
                + " mean required?"),
        errors(d));
  }

  @Test
  void anEnumNeedsValues() {
    parse("engine: {type: enum}");
    assertTrue(
        errors(d)
            .contains(
                "pack.yaml:1:9: error: parameters.engine: is an enum without values;"
                    + " add values: [a, b]"),
        () -> errors(d).toString());
  }

  @Test
  void minAboveMaxIsRefused() {
    parse("n: {type: integer, min: 5, max: 2}");
    assertEquals(List.of("pack.yaml:1:25: error: parameters.n.min: 5 is above max 2"), errors(d));
  }

  @Test
  void aPatternMustBeARegularExpression() {
    parse("n: {type: string, pattern: '[a-'}");
    List<String> e = errors(d);
    assertEquals(1, e.size(), e::toString);
    assertTrue(
        e.get(0)
            .startsWith(
                "pack.yaml:1:28: error: parameters.n.pattern: is not a regular" + " expression: "),
        e.get(0));
  }

  @Test
  void aFlagMustBeALongOptionThatIsNotRunwrightsOwn() {
    parse(
        "a: {type: string, flag: -a}\nb: {type: string, flag: --config}\n"
            + "c: {type: string, flag: --Zone}\nd: {type: string, flagLabel: ID}");
    assertEquals(
        List.of(
            "pack.yaml:1:25: error: parameters.a.flag: \"-a\" is not a long option; expected --"
                + " and lower-case words joined by -",
            "pack.yaml:2:25: error: parameters.b.flag: --config is Runwright's own option",
            "pack.yaml:3:25: error: parameters.c.flag: \"--Zone\" is not a long option; expected"
                + " -- and lower-case words joined by -",
            "pack.yaml:4:30: error: parameters.d.flagLabel: has no use without flag"),
        errors(d));
  }

  @Test
  void everyReservedFlagIsRefused() {
    for (String flag : ParameterParser.RESERVED_FLAGS) {
      Diagnostics one = new Diagnostics();
      ParameterParser.parse(yaml("a: {type: string, flag: \"" + flag + "\"}"), one);
      assertEquals(1, one.errorCount(), flag);
    }
  }

  @Test
  void everyMistakeIsReportedInOneRun() {
    parse("a: {type: nope}\nb: {type: integer, min: 3, max: 1}\nC: {type: string}");
    assertEquals(3, errors(d).size(), () -> errors(d).toString());
  }

  @Test
  void aDefaultMustBeAValidValue() {
    parse("n: {type: integer, min: 1, default: 0}");
    List<String> e = errors(d);
    assertEquals(1, e.size(), e::toString);
    assertTrue(e.get(0).startsWith("pack.yaml:1:37: error: "), e.get(0));
  }
}
