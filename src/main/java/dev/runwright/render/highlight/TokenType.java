package dev.runwright.render.highlight;

import java.util.Locale;

/**
 * The kinds of token every language shares, so that one stylesheet colours all of them. Each is
 * written as {@code <span class="tok-NAME">}, NAME being the constant in lower case.
 */
public enum TokenType {
  /** A reserved word: {@code SELECT}, {@code if}, a Terraform block type. */
  KEYWORD,
  /** A string literal, quotes included; heredoc and YAML block scalar bodies. */
  STRING,
  /** A number literal. */
  NUMBER,
  /** A comment, its marker included. */
  COMMENT,
  /** Punctuation and operators: {@code { } [ ] , : = | &&}, a line continuation. */
  OPERATOR,
  /** A property name: JSON and YAML keys, HCL attributes, quoted SQL identifiers. */
  KEY,
  /** A variable or interpolation: {@code $VAR}, {@code $(}, {@code ${}, {@code @var}, YAML anchors. */
  VARIABLE,
  /** A function or the command a shell line runs: {@code jsonencode(}, {@code aws}, YAML tags. */
  FUNCTION,
  /** {@code true}, {@code false}, {@code null}. */
  LITERAL,
  /** A command-line option: {@code --policy-name}, {@code -q}. */
  FLAG;

  private final String cssClass = "tok-" + name().toLowerCase(Locale.ROOT);

  /** The CSS class of this kind: {@code tok-keyword}. */
  public String cssClass() {
    return cssClass;
  }
}
