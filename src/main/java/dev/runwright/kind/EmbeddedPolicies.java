package dev.runwright.kind;

import dev.runwright.config.Node;
import dev.runwright.policy.PolicyJson;
import dev.runwright.render.TemplateError;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks that every policy an infrastructure-as-code document holds is, after parsing, one of the
 * runbook's policy documents: one model, every form, nothing typed twice. A policy written any
 * other way (by hand, or changed on the way) is the template's error.
 */
final class EmbeddedPolicies {
  private EmbeddedPolicies() {}

  /** The keys under which CloudFormation resources and AWS API calls take a policy. */
  static final List<String> KEYS = List.of("PolicyDocument", "AssumeRolePolicyDocument");

  /** Walks {@code root} and hands every value under one of {@link #KEYS} to {@code found}. */
  static void find(Node root, Consumer<Node> found) {
    if (root instanceof Node.Mapping m) {
      for (Node.Field f : m.fields().values()) {
        if (KEYS.contains(f.key())) {
          found.accept(f.value());
        } else {
          find(f.value(), found);
        }
      }
    } else if (root instanceof Node.Sequence seq) {
      seq.items().forEach(i -> find(i, found));
    }
  }

  /**
   * Checks one embedded policy, a mapping (YAML) or a string of JSON (an API parameter).
   *
   * @param what how messages name the form, such as "CloudFormation template"
   */
  static void check(Node policy, KindContext ctx, String what) {
    PolicyJson json = ctx.tools().json();
    Node tree = policy;
    if (policy instanceof Node.Scalar s && !s.isNull()) {
      try {
        tree = json.parse(s.text());
      } catch (PolicyJson.InvalidJson e) {
        throw error(ctx, what, policy, "a policy that is not valid JSON: " + e.getMessage());
      }
    }
    if (!(tree instanceof Node.Mapping)) {
      throw error(ctx, what, policy, "a policy that is not a JSON object");
    }
    String canonical = json.writePolicy(tree);
    if (!ctx.policies().contains(canonical)) {
      throw error(
          ctx,
          what,
          policy,
          "a policy that is not one of the runbook's policy documents; write it from the document"
              + " (yaml.json(docs.policy.text, INDENT) or yaml.compact(docs.policy.text)) so that"
              + " every form grants exactly what the checked policy grants");
    }
  }

  private static TemplateError error(KindContext ctx, String what, Node at, String problem) {
    return new TemplateError(
        ctx.where()
            + ": error: "
            + ctx.subject()
            + ": the "
            + what
            + " holds, at its line "
            + at.pos().line()
            + ", "
            + problem);
  }

  /** Parses YAML output, blaming the template when it is not YAML Runwright reads. */
  static Node parseYaml(String text, KindContext ctx, String what) {
    try {
      return ctx.tools().yaml().parse(text, ctx.doc().path());
    } catch (dev.runwright.config.InvalidInputException e) {
      throw new TemplateError(
          ctx.where()
              + ": error: "
              + ctx.subject()
              + ": the "
              + what
              + " is not valid YAML: "
              + e.diagnostics().get(0)
              + " (write CloudFormation's functions in their long form, {Ref: Name} or"
              + " Fn::GetAtt: [Name, Arn], not with ! tags)");
    }
  }
}
