package dev.runwright.kind;

import dev.runwright.render.Escaping;
import dev.runwright.render.TemplateError;

/**
 * A Terraform configuration ({@code .tf}): values are written as HCL strings, policies through
 * {@code hcl.json(docs.policy.text)} so that {@code jsonencode} gives back the step's policy. The
 * output is checked for balanced brackets and closed strings and heredocs; HashiCorp's own parser
 * checks the rest in Runwright's tests.
 */
public final class TerraformKind implements DocumentKind {
  @Override
  public String id() {
    return "terraform";
  }

  @Override
  public String description() {
    return "a Terraform configuration (HCL); values are HCL strings";
  }

  @Override
  public String templateSuffix() {
    return ".tf.ftl";
  }

  @Override
  public Escaping escaping() {
    return Escaping.HCL;
  }

  @Override
  public Presentation presentation() {
    return Presentation.FILE;
  }

  @Override
  public String language() {
    return "hcl";
  }

  @Override
  public String finish(String raw, KindContext ctx) {
    String text = IacText.tidy(raw);
    String problem = HclBalance.problem(text);
    if (problem != null) {
      throw new TemplateError(
          ctx.where() + ": error: " + ctx.subject() + ": the Terraform output " + problem);
    }
    return text;
  }
}
