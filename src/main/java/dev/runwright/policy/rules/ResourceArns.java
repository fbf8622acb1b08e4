package dev.runwright.policy.rules;

import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Item;
import dev.runwright.policy.LintContext.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ARNs of every statement's Resource and NotResource, for the rules that check ARNs.
 *
 * @param item the string as written
 * @param arn its parts, or null when it is not an ARN
 * @param statement the statement it is in
 * @param inResource whether it is in Resource, so that the statement's actions apply to it
 * @param grants whether it widens an Allow, so that a wildcard in it grants more
 */
record ResourceArns(
    Item item, PolicyArn arn, Statement statement, boolean inResource, boolean grants) {

  /** Every resource other than {@code "*"}, in statement order, Resource before NotResource. */
  static List<ResourceArns> of(LintContext policy) {
    List<ResourceArns> out = new ArrayList<>();
    for (Statement st : policy.statements()) {
      for (String key : List.of("Resource", "NotResource")) {
        boolean inResource = key.equals("Resource");
        for (Item item : st.items(key)) {
          if (!item.text().equals("*")) {
            PolicyArn arn = PolicyArn.parse(item.text()).orElse(null);
            out.add(new ResourceArns(item, arn, st, inResource, inResource && st.allow()));
          }
        }
      }
    }
    return out;
  }

  void report(LintContext policy, FindingCode code, String message) {
    policy.report(code, item.path(), item.value(), message);
  }
}
