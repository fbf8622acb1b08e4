package dev.runwright.policy.rules;

import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintContext.Statement;
import dev.runwright.policy.LintRule;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Sids: optional text of ASCII letters and digits, unique in the policy. */
final class SidRule implements LintRule {
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

  @Override
  public void check(LintContext policy) {
    Map<String, Position> seen = new HashMap<>();
    for (Statement st : policy.statements()) {
      Node sid = st.get("Sid");
      if (sid != null) {
        sid(policy, sid, st.path() + ".Sid", seen);
      }
    }
  }

  private static void sid(LintContext policy, Node sid, String path, Map<String, Position> seen) {
    // A JSON string: a number such as 123 is not a Sid, though it looks like one.
    if (!(sid instanceof Node.Scalar s) || s.style() != Node.Style.QUOTED) {
      policy.report(FindingCode.INVALID_SID, path, sid, "Sid must be text");
      return;
    }
    if (!SID.matcher(s.text()).matches()) {
      policy.report(
          FindingCode.INVALID_SID,
          path,
          sid,
          "Sid \"" + s.text() + "\" may hold only ASCII letters and digits");
    }
    Position first = seen.putIfAbsent(s.text(), s.pos());
    if (first != null) {
      policy.report(
          FindingCode.DUPLICATE_SID,
          path,
          sid,
          "Sid \""
              + s.text()
              + "\" is used again (first at "
              + first.line()
              + ":"
              + first.column()
              + "); Sids must be unique in a policy");
    }
  }
}
