package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.config.Suggest;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintRule;
import java.util.List;
import java.util.Set;

/**
 * The policy's grammar: an object of Version, Id and Statement; statements that are objects of
 * known elements, never an element together with its Not form.
 */
final class StructureRule implements LintRule {
  private static final Set<String> TOP_KEYS = Set.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_KEYS =
      List.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");

  @Override
  public void check(LintContext policy) {
    if (policy.top().isEmpty()) {
      policy.report(FindingCode.INVALID_POLICY, "$", policy.root(), "a policy is a JSON object");
      return;
    }
    Node.Mapping top = policy.top().get();
    for (Node.Field f : top.fields().values()) {
      if (!TOP_KEYS.contains(f.key())) {
        policy.report(
            FindingCode.UNKNOWN_ELEMENT,
            "$." + f.key(),
            f.keyPos(),
            "\""
                + f.key()
                + "\" is not a policy element"
                + Suggest.hint(f.key(), TOP_KEYS)
                + "; expected Version, Id and Statement");
      }
    }
    Node statements = top.get("Statement");
    if (statements == null) {
      policy.report(FindingCode.MISSING_STATEMENT, "$", top, "the policy has no Statement");
    } else if (statements instanceof Node.Sequence seq) {
      if (seq.items().isEmpty()) {
        policy.report(
            FindingCode.MISSING_STATEMENT, "$.Statement", seq, "Statement is an empty list");
      }
      for (int i = 0; i < seq.items().size(); i++) {
        statement(policy, seq.items().get(i), "$.Statement[" + i + "]");
      }
    } else {
      statement(policy, statements, "$.Statement");
    }
  }

  private static void statement(LintContext policy, Node node, String path) {
    if (!(node instanceof Node.Mapping st)) {
      policy.report(FindingCode.INVALID_STATEMENT, path, node, "a statement is a JSON object");
      return;
    }
    for (Node.Field f : st.fields().values()) {
      if (!STATEMENT_KEYS.contains(f.key())) {
        policy.report(
            FindingCode.UNKNOWN_ELEMENT,
            path + "." + f.key(),
            f.keyPos(),
            "\""
                + f.key()
                + "\" is not a statement element"
                + Suggest.hint(f.key(), STATEMENT_KEYS));
      }
    }
    for (String element : List.of("Principal", "Action", "Resource")) {
      conflicting(policy, st, path, element);
    }
  }

  /** IAM's grammar takes an element or its Not form, never both. */
  private static void conflicting(
      LintContext policy, Node.Mapping st, String path, String element) {
    Node.Field a = st.fields().get(element);
    Node.Field b = st.fields().get("Not" + element);
    if (a == null || b == null) {
      return;
    }
    // The fields keep the order they were written in; the finding points at the second one.
    List<String> order = List.copyOf(st.fields().keySet());
    Node.Field later = order.indexOf(a.key()) > order.indexOf(b.key()) ? a : b;
    policy.report(
        FindingCode.CONFLICTING_ELEMENTS,
        path + "." + later.key(),
        later.keyPos(),
        "a statement has " + element + " or Not" + element + ", not both; IAM rejects it");
  }
}
