package dev.runwright.kind;

import dev.runwright.config.Node;
import dev.runwright.policy.PolicyJson;
import dev.runwright.render.Escaping;
import dev.runwright.render.TemplateError;

/** Any JSON document: parsed, so a template cannot produce broken JSON, and written canonically. */
public final class JsonKind implements DocumentKind {
  @Override
  public String id() {
    return "json";
  }

  @Override
  public String description() {
    return "JSON, parsed and written canonically";
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
    return ctx.tools().json().writePlain(parse(raw, ctx));
  }

  /** The template's output as a tree; a template error at the output's line when it is not JSON. */
  static Node parse(String raw, KindContext ctx) {
    try {
      return ctx.tools().json().parse(raw);
    } catch (PolicyJson.InvalidJson e) {
      throw new TemplateError(
          ctx.where()
              + ": error: the template's output is not valid JSON (output line "
              + e.line()
              + ", column "
              + e.column()
              + "): "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
