package dev.runwright.kind;

import dev.runwright.config.Node;
import dev.runwright.render.Escaping;
import dev.runwright.render.TemplateError;

/**
 * A CloudFormation template in YAML: values are double-quoted YAML scalars; the output is parsed,
 * must have {@code AWSTemplateFormatVersion} and {@code Resources} each with a {@code Type}, and
 * every policy it holds must be one of the runbook's policy documents. cfn-lint and the CDK's
 * resource database check it further in Runwright's tests.
 */
public final class CloudFormationKind implements DocumentKind {
  @Override
  public String id() {
    return "cloudformation";
  }

  @Override
  public String description() {
    return "a CloudFormation template (YAML), its policies checked against the runbook's";
  }

  @Override
  public String templateSuffix() {
    return ".yaml.ftl";
  }

  @Override
  public Escaping escaping() {
    return Escaping.YAML;
  }

  @Override
  public Presentation presentation() {
    return Presentation.FILE;
  }

  @Override
  public String language() {
    return "yaml";
  }

  @Override
  public String finish(String raw, KindContext ctx) {
    String text = IacText.tidy(raw);
    Node root = EmbeddedPolicies.parseYaml(text, ctx, "CloudFormation template");
    if (!(root instanceof Node.Mapping m)
        || !(m.get("AWSTemplateFormatVersion") instanceof Node.Scalar v)
        || !v.text().equals("2010-09-09")) {
      throw problem(ctx, "has no AWSTemplateFormatVersion: \"2010-09-09\"");
    }
    if (!(m.get("Resources") instanceof Node.Mapping resources) || resources.fields().isEmpty()) {
      throw problem(ctx, "has no Resources");
    }
    for (Node.Field r : resources.fields().values()) {
      if (!(r.value() instanceof Node.Mapping res) || !(res.get("Type") instanceof Node.Scalar)) {
        throw problem(ctx, "has a resource " + r.key() + " without a Type");
      }
    }
    EmbeddedPolicies.find(root, p -> EmbeddedPolicies.check(p, ctx, "CloudFormation template"));
    return text;
  }

  private static TemplateError problem(KindContext ctx, String what) {
    return new TemplateError(
        ctx.where() + ": error: " + ctx.subject() + ": the CloudFormation template " + what);
  }
}
