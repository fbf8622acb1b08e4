package dev.runwright.render.highlight;

/**
 * A highlighted range of a code block: characters {@code [start, end)} are of kind {@code type}.
 *
 * @param start the index of the first character
 * @param end the index after the last character
 * @param type the kind of token
 */
public record Token(int start, int end, TokenType type) {}
