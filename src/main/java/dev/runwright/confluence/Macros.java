package dev.runwright.confluence;

/** The storage-format macros pages are made of: {@code code}, and the notes with a rich body. */
final class Macros {
  private Macros() {}

  /** A {@code code} macro: title (when given), language, and the code as CDATA. */
  static void code(StringBuilder out, CodeLanguage lang, String literal) {
    out.append("<ac:structured-macro ac:name=\"code\">\n");
    if (lang.title() != null) {
      out.append("<ac:parameter ac:name=\"title\">");
      Xml.text(out, lang.title());
      out.append("</ac:parameter>\n");
    }
    out.append("<ac:parameter ac:name=\"language\">").append(lang.language());
    out.append("</ac:parameter>\n<ac:plain-text-body>");
    Xml.cdata(out, codeBody(literal));
    out.append("</ac:plain-text-body>\n</ac:structured-macro>\n");
  }

  /**
   * The code without the line break that ends every fenced block, except when the code ends with
   * {@code ]}: then the break stays, so that the CDATA section never ends in {@code ]]]>}, which
   * Confluence 8.0 to 8.2 refused.
   */
  static String codeBody(String literal) {
    String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    return body.endsWith("]") ? body + "\n" : body;
  }

  /**
   * Opens a macro with a rich-text body: {@code info}, {@code tip}, {@code note}, {@code warning}.
   */
  static void open(StringBuilder out, String name, String title) {
    out.append("<ac:structured-macro ac:name=\"").append(name).append("\">\n");
    if (title != null) {
      out.append("<ac:parameter ac:name=\"title\">");
      Xml.text(out, title);
      out.append("</ac:parameter>\n");
    }
    out.append("<ac:rich-text-body>\n");
  }

  static void close(StringBuilder out) {
    out.append("</ac:rich-text-body>\n</ac:structured-macro>\n");
  }
}
