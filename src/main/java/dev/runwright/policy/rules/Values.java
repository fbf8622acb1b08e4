package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Item;
import dev.runwright.policy.LintContext.Statement;
import java.util.List;

/** Action and Resource values: a JSON string or a non-empty list of them. */
final class Values {
  private Values() {}

  /**
   * The strings of {@code key}, reporting an empty list and every item that is not a string; {@code
   * what} names the element in messages ("Action" for NotAction too).
   */
  static List<Item> strings(LintContext policy, Statement st, String key, String what) {
    Node n = st.get(key);
    String path = st.path() + "." + key;
    List<Node> items = n instanceof Node.Sequence seq ? seq.items() : List.of(n);
    if (n instanceof Node.Sequence seq && seq.items().isEmpty()) {
      policy.report(FindingCode.EMPTY_LIST, path, n, what + " is an empty list");
    }
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (!(item instanceof Node.Scalar s && s.style() == Node.Style.QUOTED)) {
        String itemPath = n instanceof Node.Sequence ? path + "[" + i + "]" : path;
        policy.report(FindingCode.INVALID_VALUE, itemPath, item, what + " must be a JSON string");
      }
    }
    return st.items(key);
  }
}
