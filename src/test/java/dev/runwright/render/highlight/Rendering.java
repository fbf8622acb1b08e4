package dev.runwright.render.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expected highlighting written readably: {@code ⟦keyword:SELECT⟧ 1} stands for {@code <span
 * class="tok-keyword">SELECT</span> 1}, everything else is the code itself. The code a case
 * highlights is its text with the marks taken out, so each case is written once.
 */
final class Rendering {
  static final Highlighter HIGHLIGHTER = Highlighter.create();
  private static final Pattern MARK = Pattern.compile("⟦([a-z]+):(.*?)⟧", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private Rendering() {}

  /** Asserts that the code in {@code marked} highlights, in {@code language}, as marked. */
  static void assertRendering(String language, String marked) {
    String code = MARK.matcher(marked).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    assertEquals(html(marked), HIGHLIGHTER.toHtml(code, language), () -> "code:\n" + code);
  }

  /** The HTML {@code marked} stands for. */
  static String html(String marked) {
    StringBuilder sb = new StringBuilder();
    Matcher m = MARK.matcher(marked);
    int pos = 0;
    while (m.find()) {
      Highlighter.escape(marked, pos, m.start(), sb);
      sb.append("<span class=\"tok-").append(m.group(1)).append("\">");
      Highlighter.escape(m.group(2), 0, m.group(2).length(), sb).append("</span>");
      pos = m.end();
    }
    return Highlighter.escape(marked, pos, marked.length(), sb).toString();
  }

  /** What a browser shows of {@code html}: tags dropped, entities decoded. */
  static String text(String html) {
    return TAG.matcher(html)
        .replaceAll("")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
