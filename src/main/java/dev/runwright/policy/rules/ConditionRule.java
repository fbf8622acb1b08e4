package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.config.Suggest;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Statement;
import dev.runwright.policy.LintRule;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Condition blocks: known operators mapping keys to values of the operator's type. */
final class ConditionRule implements LintRule {
  private static final List<String> BASE_OPERATORS =
      List.of(
          "StringEquals",
          "StringNotEquals",
          "StringEqualsIgnoreCase",
          "StringNotEqualsIgnoreCase",
          "StringLike",
          "StringNotLike",
          "NumericEquals",
          "NumericNotEquals",
          "NumericLessThan",
          "NumericLessThanEquals",
          "NumericGreaterThan",
          "NumericGreaterThanEquals",
          "DateEquals",
          "DateNotEquals",
          "DateLessThan",
          "DateLessThanEquals",
          "DateGreaterThan",
          "DateGreaterThanEquals",
          "Bool",
          "BinaryEquals",
          "IpAddress",
          "NotIpAddress",
          "ArnEquals",
          "ArnLike",
          "ArnNotEquals",
          "ArnNotLike",
          "Null");

  private static final List<String> SET_PREFIXES = List.of("ForAllValues:", "ForAnyValue:");

  /** Every condition operator IAM knows, in a fixed order so that suggestions are stable. */
  private static final Set<String> OPERATORS = operators();

  @Override
  public void check(LintContext policy) {
    for (Statement st : policy.statements()) {
      Node c = st.get("Condition");
      if (c != null) {
        condition(policy, c, st.path() + ".Condition");
      }
    }
  }

  private static void condition(LintContext policy, Node c, String path) {
    if (!(c instanceof Node.Mapping ops) || ops.fields().isEmpty()) {
      policy.report(
          FindingCode.INVALID_CONDITION,
          path,
          c,
          "Condition maps operators to keys and values, such as {\"StringEquals\": {...}}");
      return;
    }
    for (Node.Field op : ops.fields().values()) {
      boolean known = OPERATORS.contains(op.key());
      if (!known) {
        policy.report(
            FindingCode.UNKNOWN_CONDITION_OPERATOR,
            path + "." + op.key(),
            op.keyPos(),
            "\"" + op.key() + "\" is not a condition operator" + operatorHint(op.key()));
      }
      if (!(op.value() instanceof Node.Mapping keys) || keys.fields().isEmpty()) {
        policy.report(
            FindingCode.INVALID_CONDITION,
            path + "." + op.key(),
            op.value(),
            op.key() + " must map condition keys to values");
        continue;
      }
      for (Node.Field k : keys.fields().values()) {
        values(
            policy,
            k.value(),
            path + "." + op.key() + "." + k.key(),
            known ? baseOperator(op.key()) : "");
      }
    }
  }

  /**
   * Condition values: text, numbers or booleans, alone or in a list. For {@code operator} (the base
   * operator, or "" when it is unknown) values whose type is plain are checked too, unless they
   * hold a policy variable.
   */
  private static void values(LintContext policy, Node n, String path, String operator) {
    List<Node> items = n instanceof Node.Sequence seq ? seq.items() : List.of(n);
    for (Node item : items) {
      if (!(item instanceof Node.Scalar s) || s.isNull()) {
        policy.report(FindingCode.INVALID_CONDITION, path, item, "a condition value must be text");
        continue;
      }
      String problem = s.text().contains("${") ? null : ConditionValues.problem(operator, s.text());
      if (problem != null) {
        policy.report(FindingCode.INVALID_CONDITION_VALUE, path, s, problem);
      }
    }
  }

  private static String operatorHint(String op) {
    if (op.endsWith("IfExists") && baseOperator(op).equals("Null")) {
      return "; Null has no IfExists form";
    }
    return Suggest.hint(op, OPERATORS);
  }

  private static Set<String> operators() {
    Set<String> out = new LinkedHashSet<>();
    for (String prefix : List.of("", SET_PREFIXES.get(0), SET_PREFIXES.get(1))) {
      for (String op : BASE_OPERATORS) {
        out.add(prefix + op);
        if (!op.equals("Null")) {
          out.add(prefix + op + "IfExists");
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** The operator without its ForAllValues:/ForAnyValue: prefix and IfExists suffix. */
  private static String baseOperator(String op) {
    for (String prefix : SET_PREFIXES) {
      if (op.startsWith(prefix)) {
        op = op.substring(prefix.length());
      }
    }
    return op.endsWith("IfExists") ? op.substring(0, op.length() - "IfExists".length()) : op;
  }
}
