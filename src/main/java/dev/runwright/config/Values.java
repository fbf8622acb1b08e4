package dev.runwright.config;

/** How a value the user gave is shown in a message: quoted, escaped, and cut when long. */
public final class Values {
  private Values() {}

  private static final int MAX = 80;

  public static String show(String value) {
    StringBuilder sb = new StringBuilder("\"");
    int shown = 0;
    // By code point, so that the cut never splits a character outside the BMP in two.
    int[] codePoints = value.codePoints().toArray();
    for (int c : codePoints) {
      if (shown >= MAX) {
        sb.append("...\" (").append(codePoints.length).append(" characters)");
        return sb.toString();
      }
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isInvisible(c)) {
            sb.append(String.format("\\u%04x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
      shown++;
    }
    return sb.append('"').toString();
  }

  /** A node shown in a message: a scalar's text, or what kind of value it is. */
  /**
   * Whether {@code c} changes how text reads without being seen: the bidirectional controls (U+202A
   * to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C) and the zero-width characters (U+200B to
   * U+200D, U+2060, U+FEFF), as in "Trojan Source" text.
   */
  public static boolean isInvisible(int c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C
        || (c >= 0x200B && c <= 0x200D)
        || c == 0x2060
        || c == 0xFEFF;
  }

  /** The first invisible character of {@code text} (see {@link #isInvisible}), or -1. */
  public static int firstInvisible(String text) {
    return text.codePoints().filter(Values::isInvisible).findFirst().orElse(-1);
  }

  public static String show(Node node) {
    if (node instanceof Node.Scalar s) {
      return s.isNull() ? "an empty value" : show(s.text());
    }
    return node.kind();
  }
}
