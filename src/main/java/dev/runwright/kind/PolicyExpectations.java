package dev.runwright.kind;

import dev.runwright.aws.KmsKey;
import dev.runwright.aws.NamedResource;
import dev.runwright.config.Node;
import dev.runwright.pack.DocumentSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a pack's manifest says its policy must contain ({@code expect:}), checked on the tree. */
final class PolicyExpectations {
  private PolicyExpectations() {}

  /** Every expectation the policy does not meet, as a phrase; empty when it meets them all. */
  static List<String> unmet(Node policy, DocumentSpec.Expect e, Map<String, Object> params) {
    List<String> out = new ArrayList<>();
    if (!"2012-10-17".equals(text(field(policy, "Version")))) {
      out.add("Version must be \"2012-10-17\"");
    }
    Set<String> actions = new LinkedHashSet<>();
    Set<String> granted = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> services = new LinkedHashSet<>();
    boolean anyAllow = false;
    for (Node s : statements(policy)) {
      if (!"Allow".equals(text(field(s, "Effect")))) {
        continue;
      }
      anyAllow = true;
      for (String a : texts(field(s, "Action"))) {
        actions.add(a.toLowerCase(Locale.ROOT));
        granted.add(a);
      }
      resources.addAll(texts(field(s, "Resource")));
      services.addAll(texts(field(field(s, "Principal"), "Service")));
    }
    if (!anyAllow) {
      out.add("it has no Allow statement");
    }
    for (String a : e.actions()) {
      if (!actions.contains(a.toLowerCase(Locale.ROOT))) {
        out.add("it does not allow " + a);
      }
    }
    allowOnly(e, granted, out);
    if (e.resourcesFrom() != null) {
      Set<String> wanted = arns(params.get(e.resourcesFrom()));
      if (!wanted.equals(resources)) {
        out.add(
            "its resources "
                + resources
                + " are not exactly the ARNs of "
                + e.resourcesFrom()
                + " "
                + wanted);
      }
    }
    if (e.principalService() != null && !services.contains(e.principalService())) {
      out.add("it does not trust the service " + e.principalService());
    }
    return out;
  }

  private static void allowOnly(DocumentSpec.Expect e, Set<String> granted, List<String> out) {
    if (e.allowOnly().isEmpty()) {
      return;
    }
    Set<String> only = new LinkedHashSet<>();
    e.allowOnly().forEach(a -> only.add(a.toLowerCase(Locale.ROOT)));
    for (String a : granted) {
      if (!only.contains(a.toLowerCase(Locale.ROOT))) {
        out.add(
            "it allows "
                + a
                + ", which the runbook does not describe (the pack allows only "
                + String.join(", ", e.allowOnly())
                + ")");
      }
    }
  }

  /** The ARNs of a parameter's values (keys, named resources), in order. */
  private static Set<String> arns(Object v) {
    Set<String> wanted = new LinkedHashSet<>();
    for (Object item : v instanceof List<?> l ? l : v == null ? List.of() : List.of(v)) {
      if (item instanceof KmsKey k) {
        wanted.add(k.arn());
      } else if (item instanceof dev.runwright.aws.LambdaFunction f) {
        wanted.add(f.arn());
      } else if (item instanceof NamedResource r && r.arn() != null) {
        wanted.add(r.arn());
      }
    }
    return wanted;
  }

  private static List<Node> statements(Node policy) {
    Node st = field(policy, "Statement");
    return st instanceof Node.Sequence seq ? seq.items() : st == null ? List.of() : List.of(st);
  }

  private static Node field(Node n, String key) {
    return n instanceof Node.Mapping m ? m.get(key) : null;
  }

  private static String text(Node n) {
    return n instanceof Node.Scalar s && !s.isNull() ? s.text() : null;
  }

  private static List<String> texts(Node n) {
    List<String> out = new ArrayList<>();
    if (n instanceof Node.Sequence seq) {
      for (Node x : seq.items()) {
        if (text(x) != null) {
          out.add(text(x));
        }
      }
    } else if (text(n) != null) {
      out.add(text(n));
    }
    return out;
  }
}
