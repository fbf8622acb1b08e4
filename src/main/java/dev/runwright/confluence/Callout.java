package dev.runwright.confluence;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * A block quote that is a note: Runwright writes notes as {@code > **Note:** ...}, {@code >
 * **Placeholder:** ...} or {@code > **Warning:** ...}, and GitHub's alert form {@code > [!NOTE]} is
 * read too. Such a quote becomes one of Confluence's {@code info}, {@code tip}, {@code note} or
 * {@code warning} macros, titled with the marker word.
 *
 * @param macro the macro name
 * @param title the macro's title, or null for none
 */
record Callout(String macro, String title) {
  /** Marker word, lower case, to macro: a placeholder must be replaced before anything is run. */
  private static final Map<String, String> MACROS =
      Map.of(
          "note", "info",
          "info", "info",
          "tip", "tip",
          "important", "note",
          "placeholder", "warning",
          "warning", "warning",
          "caution", "warning");

  private static final Pattern ALERT = Pattern.compile("^\\[!([A-Za-z]+)\\][ \\t]*");

  /**
   * The callout {@code quote} is, with its marker removed from the quote, or null (the quote left
   * untouched) when it is an ordinary quote.
   */
  static Callout take(BlockQuote quote) {
    if (!(quote.getFirstChild() instanceof Paragraph p)) {
      return null;
    }
    Node first = p.getFirstChild();
    if (first instanceof StrongEmphasis strong) {
      return takeStrong(strong);
    }
    if (first instanceof Text text) {
      return takeAlert(text);
    }
    return null;
  }

  private static Callout takeStrong(StrongEmphasis strong) {
    if (!(strong.getFirstChild() instanceof Text t) || t.getNext() != null) {
      return null;
    }
    String word = t.getLiteral().strip();
    boolean colonInside = word.endsWith(":");
    if (colonInside) {
      word = word.substring(0, word.length() - 1).strip();
    }
    String macro = MACROS.get(word.toLowerCase(Locale.ROOT));
    Node next = strong.getNext();
    boolean colonAfter = next instanceof Text n && n.getLiteral().startsWith(":");
    if (macro == null || (!colonInside && !colonAfter)) {
      return null;
    }
    strong.unlink();
    if (next instanceof SoftLineBreak) {
      next.unlink();
    } else if (next instanceof Text n) {
      String rest = n.getLiteral();
      rest = colonAfter ? rest.substring(1) : rest;
      n.setLiteral(rest.stripLeading());
    }
    return new Callout(macro, word);
  }

  private static Callout takeAlert(Text text) {
    Matcher m = ALERT.matcher(text.getLiteral());
    if (!m.find()) {
      return null;
    }
    String word = m.group(1).toLowerCase(Locale.ROOT);
    String macro = MACROS.get(word);
    if (macro == null) {
      return null;
    }
    String rest = text.getLiteral().substring(m.end());
    Node next = text.getNext();
    if (rest.isEmpty()) {
      text.unlink();
      if (next instanceof SoftLineBreak) {
        next.unlink();
      }
    } else {
      text.setLiteral(rest);
    }
    return new Callout(macro, null);
  }
}
