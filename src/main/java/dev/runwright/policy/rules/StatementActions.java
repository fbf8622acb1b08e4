package dev.runwright.policy.rules;

import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Item;
import dev.runwright.policy.LintContext.Statement;
import dev.runwright.policy.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the actions of a statement's Action element tell about its resources. */
final class StatementActions {
  private StatementActions() {}

  /** The one service prefix every action names, when there is exactly one. */
  static Optional<String> singlePrefix(Statement st) {
    List<Item> actions = st.items("Action");
    String prefix = null;
    for (Item a : actions) {
      Optional<ActionName> name = ActionName.parse(a.text());
      if (name.isEmpty() || (prefix != null && !prefix.equals(name.get().prefix()))) {
        return Optional.empty();
      }
      prefix = name.get().prefix();
    }
    return Optional.ofNullable(prefix);
  }

  /** The resource types of each action, empty when one of them is unknown. */
  static Optional<List<Set<String>>> resourceTypes(LintContext policy, Statement st) {
    List<Item> actions = st.items("Action");
    List<Set<String>> out = new ArrayList<>();
    for (Item a : actions) {
      Optional<Set<String>> types =
          ActionName.parse(a.text())
              .filter(n -> !n.isPattern())
              .flatMap(n -> policy.services().service(n.prefix()).flatMap(s -> s.action(n.name())))
              .flatMap(Service.Action::resourceTypes);
      if (types.isEmpty()) {
        return Optional.empty();
      }
      out.add(types.get());
    }
    return actions.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  /** Whether every action is known to take no resource, so Resource "*" is what IAM wants. */
  static boolean onlyResourceless(LintContext policy, Statement st) {
    return resourceTypes(policy, st).map(l -> l.stream().allMatch(Set::isEmpty)).orElse(false);
  }

  /** Whether some KMS action acts on keys and not on aliases, such as kms:Decrypt. */
  static boolean hasKeyOnlyKmsAction(LintContext policy, Statement st) {
    for (Item a : st.items("Action")) {
      Optional<Set<String>> types =
          ActionName.parse(a.text())
              .filter(n -> n.prefix().equals("kms") && !n.isPattern())
              .flatMap(n -> policy.services().service("kms").flatMap(s -> s.action(n.name())))
              .flatMap(Service.Action::resourceTypes);
      if (types.isPresent() && types.get().contains("key") && !types.get().contains("alias")) {
        return true;
      }
    }
    return false;
  }
}
