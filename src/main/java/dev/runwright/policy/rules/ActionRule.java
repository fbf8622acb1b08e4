package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.config.Suggest;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Item;
import dev.runwright.policy.LintContext.Statement;
import dev.runwright.policy.LintRule;
import dev.runwright.policy.Service;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Action and NotAction: service:Action of a service and action AWS lists (from the service
 * reference), wildcards that widen an Allow, Allow with NotAction, and the spelling AWS uses.
 */
final class ActionRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    for (Statement st : policy.statements()) {
      statement(policy, st);
    }
  }

  private static void statement(LintContext policy, Statement st) {
    if (st.get("Action") == null && st.get("NotAction") == null) {
      policy.report(
          FindingCode.MISSING_ACTION, st.path(), st.node(), "the statement has no Action");
      return;
    }
    Node not = st.get("NotAction");
    if (st.allow() && not != null) {
      policy.report(
          FindingCode.ALLOW_WITH_NOT_ACTION,
          st.path() + ".NotAction",
          not,
          "Allow with NotAction grants every action of every service except those listed; list"
              + " the actions needed in Action");
    }
    for (String key : List.of("Action", "NotAction")) {
      if (st.get(key) == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (Item item : Values.strings(policy, st, key, "Action")) {
        // Wildcards widen only what an Allow grants; in NotAction or a Deny they narrow it.
        action(policy, item, st.allow() && key.equals("Action"));
        if (!seen.add(item.text().toLowerCase(Locale.ROOT))) {
          policy.report(
              FindingCode.REDUNDANT_ACTION,
              item.path(),
              item.value(),
              item.text() + " is listed twice");
        }
      }
    }
  }

  private static void action(LintContext policy, Item item, boolean grants) {
    String text = item.text();
    if (text.equals("*")) {
      if (grants) {
        policy.report(
            FindingCode.WILDCARD_ACTION,
            item.path(),
            item.value(),
            "Action \"*\" grants every action of every service; list the actions needed");
      }
      return;
    }
    ActionName action = ActionName.parse(text).orElse(null);
    if (action == null) {
      policy.report(
          FindingCode.INVALID_ACTION,
          item.path(),
          item.value(),
          "\"" + text + "\" is not an action; expected service:Action, such as kms:Decrypt");
      return;
    }
    if (action.name().equals("*")) {
      service(policy, item, action);
      if (grants) {
        policy.report(
            FindingCode.WILDCARD_ACTION,
            item.path(),
            item.value(),
            "\""
                + text
                + "\" grants every "
                + action.service()
                + " action; list the actions needed");
      }
      return;
    }
    if (!action.service().equals(action.prefix())) {
      policy.report(
          FindingCode.SERVICE_CASE,
          item.path(),
          item.value(),
          "service prefixes are lower case: " + action.prefix());
    }
    service(policy, item, action).ifPresent(s -> known(policy, item, action, s, grants));
  }

  /** The action's service, or empty after reporting that AWS has none of that prefix. */
  private static Optional<Service> service(LintContext policy, Item item, ActionName action) {
    Optional<Service> service = policy.services().service(action.prefix());
    if (service.isEmpty()) {
      policy.report(
          FindingCode.UNKNOWN_SERVICE,
          item.path(),
          item.value(),
          "\""
              + action.service()
              + "\" is not a service prefix in AWS's service reference of "
              + policy.services().date()
              + Suggest.hint(action.prefix(), policy.services().prefixes()));
    }
    return service;
  }

  /** The action must be one of the service's, or a pattern that matches some. */
  private static void known(
      LintContext policy, Item item, ActionName action, Service service, boolean grants) {
    String text = item.text();
    String label = ActionName.label(service.prefix());
    if (action.isPattern()) {
      List<Service.Action> matching = service.matching(action.name());
      if (matching.isEmpty()) {
        policy.report(
            FindingCode.UNKNOWN_ACTION,
            item.path(),
            item.value(),
            "\"" + text + "\" matches no " + label + " action");
      } else if (grants) {
        policy.report(
            FindingCode.WILDCARD_ACTION_PATTERN,
            item.path(),
            item.value(),
            "\""
                + text
                + "\" matches "
                + matching.size()
                + " "
                + label
                + " action"
                + (matching.size() == 1 ? "" : "s")
                + ", including any AWS adds later; list the ones needed");
      }
      return;
    }
    Optional<Service.Action> known = service.action(action.name());
    if (known.isEmpty()) {
      policy.report(
          FindingCode.UNKNOWN_ACTION,
          item.path(),
          item.value(),
          "\""
              + text
              + "\" is not "
              + ActionName.withArticle(service.prefix())
              + " action"
              + Suggest.hint(action.name(), service.actionNames()));
    } else if (!known.get().name().equals(action.name())) {
      policy.report(
          FindingCode.ACTION_CASE,
          item.path(),
          item.value(),
          "IAM ignores case in action names, but AWS writes it "
              + service.prefix()
              + ":"
              + known.get().name());
    }
  }
}
