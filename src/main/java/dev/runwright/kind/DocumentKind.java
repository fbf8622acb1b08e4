package dev.runwright.kind;

import dev.runwright.render.Escaping;

/**
 * What a document of a pack is: which templates may render it, how values are escaped in them, how
 * the rendered text is checked and written, and how pages and publish targets show it. One
 * implementation per kind, listed in {@link DocumentKinds#BUILT_IN}; a new kind is one class and
 * one entry there. Implementations are stateless and thread-safe.
 */
public interface DocumentKind {

  /** The name manifests use ({@code kind: policy-json}). */
  String id();

  /** One line for {@code runwright packs} and the README. */
  String description();

  /**
   * How a template of this kind must end, so that its values are escaped for where they land, such
   * as {@code .json.ftl}; {@code null} for a kind rendered from another document (a page).
   */
  String templateSuffix();

  /**
   * How {@code ${value}} is escaped in this kind's templates, or {@code null} without templates.
   */
  Escaping escaping();

  /** How targets show it: as a runbook, as a page of a runbook, or as a file. */
  Presentation presentation();

  /**
   * The language of the document's text, for code blocks and highlighting ({@code json}, {@code
   * hcl}, {@code yaml}), or {@code null}.
   */
  default String language() {
    return null;
  }

  /**
   * Turns a template's raw output into the document's final text: parsed, checked and written in
   * canonical form where the kind has one.
   *
   * @throws dev.runwright.render.TemplateError when the template produced something malformed
   * @throws dev.runwright.config.InvalidInputException when the input makes the document invalid (a
   *     policy over IAM's size limit)
   */
  String finish(String raw, KindContext ctx);

  /** How publish targets and pages show a document. */
  enum Presentation {
    /** A runbook in Markdown: it has a title, front matter on sites and a page of its own. */
    RUNBOOK,
    /** The HTML page of a runbook ({@code from} names it). */
    PAGE,
    /** A file people download or apply (a policy, a Terraform configuration). */
    FILE
  }
}
