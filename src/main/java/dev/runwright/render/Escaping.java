package dev.runwright.render;

import java.util.function.UnaryOperator;

/**
 * How {@code ${value}} is written in one family of templates, named by the template's file ending.
 * Document kinds choose one; the template engine turns each into a FreeMarker output format, so a
 * template cannot forget to escape.
 *
 * @param name the format's name in messages and FreeMarker's {@code ?output_format}
 * @param mimeType the MIME type of the output
 * @param escape writes one value as a complete literal for where it lands
 * @param bareNumbers whether {@code ${number}} prints the number as a literal of the language
 *     rather than as an escaped string (JSON, HCL, YAML)
 */
public record Escaping(
    String name, String mimeType, UnaryOperator<String> escape, boolean bareNumbers) {

  /** A complete JSON string literal, quotes included. */
  public static final Escaping JSON =
      new Escaping("JSON", "application/json", Escape::jsonString, true);

  /** A complete HCL (Terraform) quoted string, with {@code ${} and {@code %{} escaped. */
  public static final Escaping HCL = new Escaping("HCL", "text/x-hcl", Escape::hclString, true);

  /** A complete YAML double-quoted scalar. */
  public static final Escaping YAML =
      new Escaping("YAML", "application/yaml", Escape::yamlString, true);

  /**
   * Markdown text; inside fenced code blocks the Markdown writer decides (see {@link
   * MarkdownOutputFormat}).
   */
  public static final Escaping MARKDOWN =
      new Escaping("Markdown", "text/markdown", Escape::markdown, false);

  /**
   * A string literal that JavaScript, TypeScript, Python, Go and Java all read as the same text (a
   * JSON string), for code a pack writes in those languages.
   */
  public static final Escaping CODE_STRING =
      new Escaping("CodeString", "text/plain", Escape::jsonString, true);
}
