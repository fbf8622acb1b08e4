package dev.runwright.confluence;

/**
 * Escaping for Confluence storage format, which Confluence parses as XML 1.0: text and attribute
 * values are escaped, characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
 * U+FFFE, U+FFFF) are removed, and a CDATA section never contains its own end marker.
 */
final class Xml {
  private Xml() {}

  /** Whether XML 1.0 allows the code point anywhere in a document (its production "Char"). */
  static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /** {@code s} without the characters XML 1.0 forbids; lone surrogates count as forbidden. */
  static String clean(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!allowed(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (allowed(cp)) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Appends {@code s} as element text. */
  static void text(StringBuilder sb, String s) {
    String c = clean(s);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(ch);
      }
    }
  }

  /** Appends {@code s} as the value of a double-quoted attribute, keeping its whitespace. */
  static void attr(StringBuilder sb, String s) {
    String c = clean(s);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        // A parser normalises raw tabs and line breaks in attributes to spaces.
        case '\t' -> sb.append("&#9;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        default -> sb.append(ch);
      }
    }
  }

  /**
   * Appends {@code s} as one CDATA section, or several when it holds {@code ]]>}: each {@code ]]>}
   * becomes {@code ]]]]><![CDATA[>}, which ends the section between the two brackets and the {@code
   * >} and so reads back as the same text.
   */
  static void cdata(StringBuilder sb, String s) {
    sb.append("<![CDATA[").append(clean(s).replace("]]>", "]]]]><![CDATA[>")).append("]]>");
  }
}
