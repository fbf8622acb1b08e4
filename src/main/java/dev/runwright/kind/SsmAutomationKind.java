package dev.runwright.kind;

import dev.runwright.config.Node;
import dev.runwright.render.Escaping;
import dev.runwright.render.TemplateError;

/**
 * An AWS Systems Manager Automation runbook in YAML ({@code schemaVersion: '0.3'}): values are
 * double-quoted YAML scalars; the output is parsed, must have {@code mainSteps} each with a name
 * and an action, and every policy its steps pass (as JSON strings) must be one of the runbook's
 * policy documents. AWS's SSM document schema checks it further in Runwright's tests.
 */
public final class SsmAutomationKind implements DocumentKind {
  @Override
  public String id() {
    return "ssm-automation";
  }

  @Override
  public String description() {
    return "an SSM Automation runbook (YAML, schemaVersion 0.3), its policies checked";
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
    Node root = EmbeddedPolicies.parseYaml(text, ctx, "Automation runbook");
    if (!(root instanceof Node.Mapping m)
        || !(m.get("schemaVersion") instanceof Node.Scalar v)
        || !v.text().equals("0.3")) {
      throw problem(ctx, "has no schemaVersion: \"0.3\"");
    }
    if (!(m.get("mainSteps") instanceof Node.Sequence steps) || steps.items().isEmpty()) {
      throw problem(ctx, "has no mainSteps");
    }
    for (Node s : steps.items()) {
      if (!(s instanceof Node.Mapping step)
          || !(step.get("name") instanceof Node.Scalar)
          || !(step.get("action") instanceof Node.Scalar)) {
        throw problem(ctx, "has a step at line " + s.pos().line() + " without a name or action");
      }
    }
    EmbeddedPolicies.find(root, p -> EmbeddedPolicies.check(p, ctx, "Automation runbook"));
    return text;
  }

  private static TemplateError problem(KindContext ctx, String what) {
    return new TemplateError(
        ctx.where() + ": error: " + ctx.subject() + ": the Automation runbook " + what);
  }
}
