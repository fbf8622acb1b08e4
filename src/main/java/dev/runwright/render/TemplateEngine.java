package dev.runwright.render;

/**
 * Renders named templates from the template folders. The rest of Runwright sees only this, never
 * FreeMarker's types. Implementations are thread-safe.
 */
public interface TemplateEngine {

  /**
   * Renders {@code template} with {@code model}.
   *
   * @param template a template name relative to the template folders, such as {@code
   *     kms-policy/runbook.md.ftl}
   * @param model the values the template sees: a record (its components are the top-level names) or
   *     a map; inside, records, lists, maps, text, numbers, booleans
   * @return the output text
   * @throws TemplateError when the template is missing, wrong or refused
   */
  String render(String template, Object model);

  /**
   * Renders {@code template} with {@code model} into {@code out}, for a large page that is written
   * as it is made rather than held (the index of a site of 100,000 runbooks).
   *
   * @throws TemplateError when the template is missing, wrong or refused
   * @throws java.io.IOException when {@code out} cannot be written
   */
  default void render(String template, Object model, java.io.Writer out)
      throws java.io.IOException {
    out.write(render(template, model));
  }

  /**
   * Parses {@code template} without running it, to report syntax errors early.
   *
   * @throws TemplateError when the template is missing or has a syntax error
   */
  void check(String template);

  /** Where {@code template} is read from, for messages: a user's file or "built-in NAME". */
  default String where(String template) {
    return template;
  }
}
