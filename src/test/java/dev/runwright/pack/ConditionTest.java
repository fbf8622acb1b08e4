package dev.runwright.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.pack.Condition.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Condition#holds}: each test on typed values, and all of them together. */
class ConditionTest {

  private static Condition when(Condition.Test... tests) {
    return new Condition(List.of(tests));
  }

  private static Map<String, Object> values(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void alwaysHoldsEvenForNoValues() {
    assertTrue(Condition.ALWAYS.holds(Map.of()));
    assertEquals(List.of(), Condition.ALWAYS.params());
  }

  @Test
  void givenMeansAValueOrANonEmptyList() {
    Condition c = when(new Condition.Test(Op.GIVEN, "keys", null));
    assertFalse(c.holds(values()), "absent");
    assertFalse(c.holds(values("keys", null)), "null");
    assertFalse(c.holds(values("keys", List.of())), "an empty list is not given");
    assertTrue(c.holds(values("keys", List.of("k"))));
    assertTrue(c.holds(values("keys", "one")));
  }

  @Test
  void notGivenIsTheOpposite() {
    Condition c = when(new Condition.Test(Op.NOT_GIVEN, "clusterId", null));
    assertTrue(c.holds(values()));
    assertTrue(c.holds(values("clusterId", List.of())));
    assertFalse(c.holds(values("clusterId", "db1")));
  }

  @Test
  void anyGivenNeedsOneOfTheNames() {
    Condition c = when(new Condition.Test(Op.ANY_GIVEN, "buckets,lambdaFunctions", null));
    assertFalse(c.holds(values("buckets", List.of(), "keys", List.of("k"))));
    assertTrue(c.holds(values("lambdaFunctions", List.of("f"))));
    assertTrue(c.holds(values("buckets", List.of("b"), "lambdaFunctions", List.of())));
    assertEquals(List.of("buckets", "lambdaFunctions"), c.params());
  }

  @Test
  void equalsComparesTheValueAsText() {
    Condition c = when(new Condition.Test(Op.EQUALS, "auroraMysqlVersion", "3"));
    assertTrue(c.holds(values("auroraMysqlVersion", 3)), "an integer 3 equals \"3\"");
    assertFalse(c.holds(values("auroraMysqlVersion", 2)));
    assertFalse(c.holds(values()), "a value that is not given equals nothing");
  }

  @Test
  void notEqualsHoldsWhenNotGiven() {
    Condition c = when(new Condition.Test(Op.NOT_EQUALS, "engine", "aurora-postgresql"));
    assertTrue(c.holds(values()));
    assertTrue(c.holds(values("engine", "aurora-mysql")));
    assertFalse(c.holds(values("engine", "aurora-postgresql")));
  }

  @Test
  void containsLooksIntoAListOrComparesAScalar() {
    Condition c = when(new Condition.Test(Op.CONTAINS, "access", "save"));
    assertTrue(c.holds(values("access", List.of("load", "save"))));
    assertFalse(c.holds(values("access", List.of("load"))));
    assertFalse(c.holds(values("access", List.of())));
    assertTrue(c.holds(values("access", "save")), "a scalar contains only itself");
    assertFalse(c.holds(values("access", "saves")));
    assertFalse(c.holds(values()));
  }

  @Test
  void everyTestMustHold() {
    Condition c =
        when(
            new Condition.Test(Op.GIVEN, "keys", null),
            new Condition.Test(Op.EQUALS, "engine", "aurora-mysql"));
    assertTrue(c.holds(values("keys", List.of("k"), "engine", "aurora-mysql")));
    assertFalse(c.holds(values("keys", List.of("k"), "engine", "aurora-postgresql")));
    assertFalse(c.holds(values("engine", "aurora-mysql")));
  }

  @Test
  void paramsAreEveryNameReadOnceInOrder() {
    Condition c =
        when(
            new Condition.Test(Op.GIVEN, "keys", null),
            new Condition.Test(Op.ANY_GIVEN, "buckets,keys", null),
            new Condition.Test(Op.CONTAINS, "access", "save"));
    assertEquals(List.of("keys", "buckets", "access"), c.params());
  }

  @Test
  void theTestsAreCopied() {
    List<Condition.Test> tests =
        new ArrayList<>(List.of(new Condition.Test(Op.GIVEN, "keys", null)));
    Condition c = new Condition(tests);
    tests.clear();
    assertEquals(1, c.tests().size());
    assertFalse(c.holds(Map.of()));
  }

  @Test
  void eachOpHasItsManifestKey() {
    assertEquals(
        List.of("given", "anyGiven", "notGiven", "equals", "notEquals", "contains"),
        java.util.Arrays.stream(Op.values()).map(Op::key).toList());
  }
}
