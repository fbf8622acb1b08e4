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
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
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
  public static String show(Node node) {
    if (node instanceof Node.Scalar s) {
      return s.isNull() ? "an empty value" : show(s.text());
    }
    return node.kind();
  }
}
