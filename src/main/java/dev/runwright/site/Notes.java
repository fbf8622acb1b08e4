package dev.runwright.site;

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
 * The marks Runwright's runbooks put at the start of a block, for the MkDocs writer: a note ({@code
 * > **Note:**}, {@code > **Placeholder:**}, {@code > **Warning:**}), which becomes an admonition,
 * and a task ({@code - [ ] ...}), which becomes a check box. Each is taken out of the block it
 * starts, so that the block is written without it.
 */
final class Notes {
  private Notes() {}

  private static final Pattern TASK = Pattern.compile("^\\[([ xX])\\][ \\t]+");

  /** A note's marker word to the admonition type: a placeholder must be replaced first. */
  private static final Map<String, String> NOTES =
      Map.of(
          "note", "note",
          "info", "info",
          "tip", "tip",
          "important", "important",
          "placeholder", "warning",
          "warning", "warning",
          "caution", "danger");

  /** The note {@code q} is ({type, title}) with its marker taken out of the quote, or null. */
  static String[] takeNote(BlockQuote q) {
    if (!(q.getFirstChild() instanceof Paragraph p)
        || !(p.getFirstChild() instanceof StrongEmphasis strong)
        || !(strong.getFirstChild() instanceof Text t)
        || t.getNext() != null) {
      return null;
    }
    String word = t.getLiteral().strip();
    Node next = strong.getNext();
    boolean colonInside = word.endsWith(":");
    boolean colonAfter = next instanceof Text n && n.getLiteral().startsWith(":");
    String bare = colonInside ? word.substring(0, word.length() - 1).strip() : word;
    String type = NOTES.get(bare.toLowerCase(Locale.ROOT));
    if (type == null || (!colonInside && !colonAfter)) {
      return null;
    }
    strong.unlink();
    if (next instanceof SoftLineBreak) {
      next.unlink();
    } else if (next instanceof Text n) {
      String rest = colonAfter ? n.getLiteral().substring(1) : n.getLiteral();
      n.setLiteral(rest.stripLeading());
      if (rest.isBlank()) {
        n.unlink();
      }
    }
    if (p.getFirstChild() == null) {
      p.unlink();
    }
    return new String[] {type, bare};
  }

  /** For a task list item ({@code [ ] ...}), its check box with the marker taken out, or null. */
  static String takeTask(Node item) {
    if (!(item.getFirstChild() instanceof Paragraph p) || !(p.getFirstChild() instanceof Text t)) {
      return null;
    }
    Matcher m = TASK.matcher(t.getLiteral());
    if (!m.find()) {
      return null;
    }
    t.setLiteral(t.getLiteral().substring(m.end()));
    return m.group(1).equals(" ") ? "[ ] " : "[x] ";
  }
}
