package dev.runwright.kind;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.policy.Finding;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.PolicyLinter;
import dev.runwright.render.Escaping;
import dev.runwright.render.TemplateError;
import java.util.ArrayList;
import java.util.List;

/**
 * An IAM policy: parsed, checked by the policy linter and against what the pack's manifest expects
 * of it ({@code expect:}), and written canonically. A policy that fails is the template's fault,
 * except when only IAM's size limit is exceeded, which the input decides.
 */
public final class PolicyJsonKind implements DocumentKind {
  @Override
  public String id() {
    return "policy-json";
  }

  @Override
  public String description() {
    return "an IAM policy, checked like IAM Access Analyzer would and written canonically";
  }

  @Override
  public String templateSuffix() {
    return ".json.ftl";
  }

  @Override
  public Escaping escaping() {
    return Escaping.JSON;
  }

  @Override
  public Presentation presentation() {
    return Presentation.FILE;
  }

  @Override
  public String language() {
    return "json";
  }

  @Override
  public String finish(String raw, KindContext ctx) {
    Node tree = JsonKind.parse(raw, ctx);
    String text = ctx.tools().json().writePolicy(tree);
    DocumentSpec.Expect expect = ctx.doc().expect();
    PolicyLinter.Options options =
        new PolicyLinter.Options(
            expect.policyType().equals("trust")
                ? PolicyLinter.PolicyType.TRUST
                : PolicyLinter.PolicyType.IDENTITY,
            ctx.aws() == null ? null : ctx.aws().account(),
            ctx.aws() == null ? null : ctx.aws().partition().id());
    List<String> problems = new ArrayList<>();
    boolean onlySize = true;
    for (Finding f : ctx.tools().linter().lint(text, ctx.doc().path(), options)) {
      if (f.blocksGeneration()) {
        problems.add(f.type() + " " + f.code() + " at " + f.path() + ": " + f.message());
        onlySize &= f.findingCode().blame() == FindingCode.Blame.INPUT;
      }
    }
    List<String> unmet = PolicyExpectations.unmet(tree, expect, ctx.params());
    problems.addAll(unmet);
    if (problems.isEmpty()) {
      return text;
    }
    if (!(onlySize && unmet.isEmpty())) {
      // Not the input's size but the policy's shape: the template is what is wrong.
      throw new TemplateError(
          ctx.where()
              + ": error: "
              + ctx.subject()
              + ": the generated policy fails IAM's checks: "
              + String.join("; ", problems));
    }
    List<Diagnostic> ds = new ArrayList<>();
    for (String p : problems) {
      ds.add(
          Diagnostic.error(
              ctx.at(), ctx.subject(), "the generated policy fails IAM's checks: " + p));
    }
    throw new InvalidInputException(ds);
  }
}
