package dev.runwright.pack;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.MappingReader;
import dev.runwright.config.Node;
import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Reads a manifest's {@code when:} into a {@link Condition}, reporting every mistake. */
final class ConditionParser {
  private ConditionParser() {}

  private static final List<String> KEYS =
      Arrays.stream(Condition.Op.values()).map(Condition.Op::key).toList();

  /**
   * @param node the {@code when:} value, or {@code null} for none
   * @param sub the field's name in messages, such as {@code steps[1].when}
   * @param params the parameters the condition may name
   */
  static Condition parse(Node node, String sub, Collection<String> params, Diagnostics d) {
    if (node == null) {
      return Condition.ALWAYS;
    }
    MappingReader r = new MappingReader(node, sub, d);
    if (!r.ok()) {
      return Condition.ALWAYS;
    }
    r.refuseUnknown(KEYS, "condition");
    List<Condition.Test> tests = new ArrayList<>();
    for (Condition.Op op : Condition.Op.values()) {
      Node v = r.node(op.key());
      if (v == null) {
        continue;
      }
      String key = sub + "." + op.key();
      if (op == Condition.Op.ANY_GIVEN) {
        List<String> names = new ArrayList<>();
        List<Node> items = v instanceof Node.Sequence seq ? seq.items() : List.of(v);
        for (Node n : items) {
          if (n instanceof Node.Scalar s && !s.isNull()) {
            names.add(known(s, key, params, d));
          } else {
            d.error(n.pos(), key, "expected a list of parameter names");
          }
        }
        if (!names.isEmpty()) {
          tests.add(new Condition.Test(op, String.join(",", names), null));
        }
        continue;
      }
      if (op == Condition.Op.GIVEN || op == Condition.Op.NOT_GIVEN) {
        if (v instanceof Node.Scalar s && !s.isNull()) {
          tests.add(new Condition.Test(op, known(s, key, params, d), null));
        } else {
          d.error(v.pos(), key, "expected the name of a parameter");
        }
        continue;
      }
      MappingReader m = new MappingReader(v, key, d);
      if (!m.ok()) {
        continue;
      }
      for (Node.Field f : m.mapping().fields().values()) {
        if (!params.contains(f.key())) {
          d.error(
              f.keyPos(),
              key,
              Values.show(f.key()) + " names no parameter" + Suggest.hint(f.key(), params));
        } else if (f.value() instanceof Node.Scalar s && !s.isNull()) {
          tests.add(new Condition.Test(op, f.key(), s.text()));
        } else {
          d.error(f.value().pos(), key + "." + f.key(), "expected one value");
        }
      }
    }
    return new Condition(tests);
  }

  private static String known(Node.Scalar s, String key, Collection<String> params, Diagnostics d) {
    if (!params.contains(s.text())) {
      d.error(
          s.pos(),
          key,
          Values.show(s.text()) + " names no parameter" + Suggest.hint(s.text(), params));
    }
    return s.text();
  }
}
