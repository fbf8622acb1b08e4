package dev.runwright.kind;

import dev.runwright.render.Escaping;

/**
 * Source code in a language Runwright does not check (a CDK or Pulumi program, say): {@code
 * ${value}} writes a JSON string literal, which TypeScript, JavaScript, Python, Go and Java all
 * read as the same text. Its template ends in {@code .code.ftl} ({@code stack.ts.code.ftl}); its
 * language for pages is the document's file extension.
 */
public final class CodeKind implements DocumentKind {
  @Override
  public String id() {
    return "code";
  }

  @Override
  public String description() {
    return "source code in another language (CDK, Pulumi); values are JSON string literals";
  }

  @Override
  public String templateSuffix() {
    return ".code.ftl";
  }

  @Override
  public Escaping escaping() {
    return Escaping.CODE_STRING;
  }

  @Override
  public Presentation presentation() {
    return Presentation.FILE;
  }

  @Override
  public String finish(String raw, KindContext ctx) {
    return IacText.tidy(raw);
  }
}
