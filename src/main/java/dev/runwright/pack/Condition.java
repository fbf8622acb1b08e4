package dev.runwright.pack;

import java.util.List;
import java.util.Map;

/**
 * When a step or a document applies ({@code when:} in a manifest), as declared tests on the
 * runbook's values, all of which must hold. Declarative, so that a manifest stays data and its
 * schema can check it:
 *
 * <pre>
 * when: {given: keys}                        # keys has a value (a list: at least one item)
 * when: {anyGiven: [buckets, lambdaFunctions]}  # at least one of them has a value
 * when: {notGiven: clusterId}
 * when: {equals: {engine: aurora-postgresql}}
 * when: {notEquals: {engine: aurora-postgresql}}
 * when: {contains: {access: save}}           # a list holds the value
 * </pre>
 *
 * @param tests every test, in the order written
 */
public record Condition(List<Test> tests) {
  /** The condition that always holds. */
  public static final Condition ALWAYS = new Condition(List.of());

  public Condition {
    tests = List.copyOf(tests);
  }

  /** One test on one parameter. */
  public record Test(Op op, String param, String value) {}

  /** What a test checks. */
  public enum Op {
    GIVEN("given"),
    ANY_GIVEN("anyGiven"),
    NOT_GIVEN("notGiven"),
    EQUALS("equals"),
    NOT_EQUALS("notEquals"),
    CONTAINS("contains");

    private final String key;

    Op(String key) {
      this.key = key;
    }

    /** The manifest key. */
    public String key() {
      return key;
    }
  }

  /** Whether every test holds for {@code values} (typed values by parameter name). */
  public boolean holds(Map<String, Object> values) {
    for (Test t : tests) {
      if (t.op() == Op.ANY_GIVEN) {
        if (java.util.Arrays.stream(t.param().split(",")).noneMatch(p -> given(values.get(p)))) {
          return false;
        }
        continue;
      }
      Object v = values.get(t.param());
      boolean given = given(v);
      boolean ok =
          switch (t.op()) {
            case ANY_GIVEN, GIVEN -> given;
            case NOT_GIVEN -> !given;
            case EQUALS -> given && String.valueOf(v).equals(t.value());
            case NOT_EQUALS -> !given || !String.valueOf(v).equals(t.value());
            case CONTAINS ->
                v instanceof List<?> l
                    ? l.stream().anyMatch(x -> String.valueOf(x).equals(t.value()))
                    : given && String.valueOf(v).equals(t.value());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean given(Object v) {
    return v != null && !(v instanceof List<?> l && l.isEmpty());
  }

  /** Every parameter the tests read. */
  public List<String> params() {
    return tests.stream()
        .flatMap(t -> java.util.Arrays.stream(t.param().split(",")))
        .distinct()
        .toList();
  }
}
