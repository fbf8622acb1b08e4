package dev.runwright.pack;

import static dev.runwright.pack.PackTestSupport.errors;
import static dev.runwright.pack.PackTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.runwright.config.Diagnostics;
import dev.runwright.pack.Condition.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code when:} as a manifest writes it, read into a {@link Condition} or reported by position. */
class ConditionParserTest {
  private static final List<String> PARAMS = List.of("keys", "buckets", "engine", "access");

  private final Diagnostics d = new Diagnostics();

  private Condition parse(String when) {
    return ConditionParser.parse(yaml(when), "steps[1].when", PARAMS, d);
  }

  @Test
  void noWhenAlwaysHolds() {
    assertSame(Condition.ALWAYS, ConditionParser.parse(null, "when", PARAMS, d));
    assertEquals(List.of(), errors(d));
  }

  @Test
  void eachKindOfTestIsRead() {
    Condition c =
        parse(
            "given: keys\nanyGiven: [buckets, keys]\nnotGiven: engine\n"
                + "equals: {engine: aurora-mysql}\nnotEquals: {engine: aurora-postgresql}\n"
                + "contains: {access: save}\n");
    assertEquals(List.of(), errors(d));
    assertEquals(
        List.of(
            new Condition.Test(Op.GIVEN, "keys", null),
            new Condition.Test(Op.ANY_GIVEN, "buckets,keys", null),
            new Condition.Test(Op.NOT_GIVEN, "engine", null),
            new Condition.Test(Op.EQUALS, "engine", "aurora-mysql"),
            new Condition.Test(Op.NOT_EQUALS, "engine", "aurora-postgresql"),
            new Condition.Test(Op.CONTAINS, "access", "save")),
        c.tests());
  }

  @Test
  void anyGivenTakesOneNameAsAList() {
    Condition c = parse("anyGiven: buckets");
    assertEquals(List.of(new Condition.Test(Op.ANY_GIVEN, "buckets", null)), c.tests());
  }

  @Test
  void anUnknownParameterIsReportedWhereItIsWrittenWithASuggestion() {
    parse("given: kyes");
    assertEquals(
        List.of(
            "pack.yaml:1:8: error: steps[1].when.given: \"kyes\" names no parameter;"
                + " did you mean keys?"),
        errors(d));
  }

  @Test
  void anUnknownKeyIsRefused() {
    parse("given: keys\nincludes: {access: save}");
    assertEquals(
        List.of("pack.yaml:2:1: error: steps[1].when: unknown condition \"includes\""), errors(d));
  }

  @Test
  void givenNeedsOneName() {
    parse("given: [keys, buckets]");
    assertEquals(
        List.of("pack.yaml:1:8: error: steps[1].when.given: expected the name of a parameter"),
        errors(d));
  }

  @Test
  void equalsNeedsAMappingOfOneValueEach() {
    Condition c = parse("equals: {engine: [a, b], nope: x}");
    assertEquals(List.of(), c.tests());
    assertEquals(
        List.of(
            "pack.yaml:1:18: error: steps[1].when.equals.engine: expected one value",
            "pack.yaml:1:26: error: steps[1].when.equals: \"nope\" names no parameter"),
        errors(d));
  }

  @Test
  void anyGivenRefusesItemsThatAreNoNames() {
    parse("anyGiven: [buckets, {a: b}]");
    assertEquals(
        List.of(
            "pack.yaml:1:21: error: steps[1].when.anyGiven: expected a list of parameter names"),
        errors(d));
  }

  @Test
  void aWhenThatIsNoMappingIsReportedAndAlwaysHolds() {
    Condition c = parse("keys");
    assertSame(Condition.ALWAYS, c);
    assertEquals(1, errors(d).size(), () -> errors(d).toString());
    assertEquals(true, errors(d).get(0).startsWith("pack.yaml:1:1: error: steps[1].when: "));
  }
}
