package dev.runwright.site;

import dev.runwright.render.MarkdownRenderer;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Writes a parsed document as Python-Markdown. Each block is written to a string, and a container
 * indents its children's lines (list items and notes by four spaces, quotes with {@code > }), so
 * nesting is right at every depth. Blocks are separated by a blank line; a tight list keeps its
 * items on consecutive lines. One instance writes one document.
 */
final class PyMarkdownWriter {
  private static final String INDENT = "    ";

  private final boolean material;

  /**
   * @param material whether the PyMdown extensions are on: fenced code at any depth, tabs, tasks
   */
  PyMarkdownWriter(boolean material) {
    this.material = material;
  }

  String document(Node doc) {
    String body = blocks(doc, false);
    return body.isEmpty() ? "" : body + "\n";
  }

  /** The children of {@code parent}, block by block. */
  private String blocks(Node parent, boolean tight) {
    StringBuilder sb = new StringBuilder();
    Node previous = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      String b = block(n);
      if (b == null) {
        continue;
      }
      if (previous != null) {
        // In a tight list item a nested list follows its text directly, as CommonMark reads it.
        sb.append(tight && n instanceof ListBlock ? "\n" : "\n\n");
      }
      sb.append(b);
      previous = n;
    }
    return sb.toString();
  }

  /** One block, without a trailing line break, or null for a block that writes nothing. */
  private String block(Node n) {
    if (n instanceof Paragraph p) {
      return inline(p, false);
    }
    if (n instanceof Heading h) {
      int level = Math.min(Math.max(h.getLevel(), 1), 6);
      return "#".repeat(level) + " " + inline(h, true);
    }
    if (n instanceof BlockQuote q) {
      return quote(q);
    }
    if (n instanceof ListBlock list) {
      return list(list);
    }
    if (n instanceof FencedCodeBlock f) {
      return code(f.getLiteral(), PyMarkdownText.language(f.getInfo()), n);
    }
    if (n instanceof IndentedCodeBlock c) {
      return code(c.getLiteral(), "", n);
    }
    if (n instanceof ThematicBreak) {
      return "***";
    }
    if (n instanceof HtmlBlock html) {
      // Runwright's structure markers are for tabs, never shown; other raw HTML is shown as text.
      return MarkdownRenderer.isMarker(html.getLiteral()) ? null : rawHtml(html.getLiteral());
    }
    if (n instanceof TableBlock table) {
      return table(table);
    }
    if (n instanceof FormTabs.Tabs tabs) {
      return tabs(tabs);
    }
    if (n instanceof LinkReferenceDefinition) {
      return null; // its links are resolved already
    }
    return blocks(n, false); // an unknown container: its content
  }

  private String quote(BlockQuote q) {
    String[] note = Notes.takeNote(q);
    if (note != null) {
      String head = "!!! " + note[0] + " " + PyMarkdownText.quoted(note[1]);
      String body = blocks(q, false);
      return body.isEmpty() ? head : head + "\n" + indent(body, INDENT, INDENT);
    }
    return indent(blocks(q, false), "> ", "> ");
  }

  private String list(ListBlock list) {
    boolean ordered = list instanceof OrderedList;
    int number = ordered ? startOf((OrderedList) list) : 0;
    StringBuilder sb = new StringBuilder();
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item != list.getFirstChild()) {
        sb.append(list.isTight() ? "\n" : "\n\n");
      }
      String marker = ordered ? (number++) + ". " : "- ";
      String task = material ? Notes.takeTask(item) : null;
      String body = blocks(item, list.isTight());
      if (task != null) {
        body = task + body;
      }
      sb.append(body.isEmpty() ? marker.stripTrailing() : indent(body, marker, INDENT));
    }
    return sb.toString();
  }

  private static int startOf(OrderedList list) {
    Integer start = list.getMarkerStartNumber();
    return start == null ? 1 : start;
  }

  /**
   * Fenced code where Python-Markdown reads it (at the top level, or anywhere with superfences),
   * else an indented block; either way the code is exactly the literal.
   */
  private String code(String literal, String language, Node n) {
    String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    if (material || atTopLevel(n)) {
      String fence = PyMarkdownText.fence(code);
      return fence + language + "\n" + (code.isEmpty() ? "" : code + "\n") + fence;
    }
    return indent(code.isEmpty() ? " " : code, INDENT, INDENT);
  }

  /** Whether {@code n} lands unindented: only tabs, which plain MkDocs writes flat, around it. */
  private boolean atTopLevel(Node n) {
    for (Node p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof Document) {
        return true;
      }
      if (material || !(p instanceof FormTabs.Tabs || p instanceof FormTabs.Tab)) {
        return false;
      }
    }
    return false;
  }

  /** Raw HTML, shown as the text it is, as on Runwright's HTML pages. */
  private static String rawHtml(String literal) {
    List<String> lines = new ArrayList<>();
    for (String line : literal.stripTrailing().split("\n", -1)) {
      lines.add(PyMarkdownText.text(line.strip(), true, false));
    }
    return String.join("  \n", lines);
  }

  private String table(TableBlock table) {
    List<String> rows = new ArrayList<>();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        if (!(row instanceof TableRow)) {
          continue;
        }
        StringBuilder line = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          line.append(' ').append(inline(cell, false, false)).append(" |");
          if (cell instanceof TableCell c) {
            rule.append(alignment(c)).append('|');
          }
        }
        rows.add(line.toString());
        if (section instanceof TableHead) {
          rows.add(rule.toString());
        }
      }
    }
    return String.join("\n", rows);
  }

  private static String alignment(TableCell cell) {
    if (cell.getAlignment() == null) {
      return "---";
    }
    return switch (cell.getAlignment()) {
      case LEFT -> ":---";
      case CENTER -> ":---:";
      case RIGHT -> "---:";
    };
  }

  private String tabs(FormTabs.Tabs tabs) {
    if (!material) {
      return blocks(tabs, false); // no tabs: each form's content, one after the other
    }
    StringBuilder sb = new StringBuilder();
    for (Node n = tabs.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FormTabs.Tab tab) {
        if (sb.length() > 0) {
          sb.append("\n\n");
        }
        sb.append("=== ").append(PyMarkdownText.quoted(tab.label()));
        String body = blocks(tab, false);
        if (!body.isEmpty()) {
          sb.append("\n\n").append(indent(body, INDENT, INDENT));
        }
      }
    }
    return sb.toString();
  }

  /**
   * {@code text} with {@code first} before its first line and {@code rest} before each other line
   * that is not empty (an empty line stays empty, except in a quote, where it keeps its marker).
   */
  private static String indent(String text, String first, String rest) {
    String[] lines = text.split("\n", -1);
    StringBuilder sb = new StringBuilder(text.length() + lines.length * rest.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      String prefix = i == 0 ? first : rest;
      if (lines[i].isEmpty()) {
        sb.append(prefix.strip());
      } else {
        sb.append(prefix).append(lines[i]);
      }
    }
    return sb.toString();
  }

  /** The inline content of a paragraph or heading on one line (hard breaks aside). */
  private String inline(Node parent, boolean heading) {
    return inline(parent, heading, true);
  }

  /**
   * The inline content of {@code parent}; {@code lineStart} says whether it starts a line, where
   * block markers count (not in a table cell).
   */
  private String inline(Node parent, boolean heading, boolean startsLine) {
    StringBuilder sb = new StringBuilder();
    boolean[] lineStart = {startsLine};
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      inline(n, sb, lineStart, heading);
    }
    return sb.toString().strip();
  }

  private void inline(Node n, StringBuilder sb, boolean[] lineStart, boolean heading) {
    boolean start = lineStart[0];
    lineStart[0] = false;
    if (n instanceof Text t) {
      sb.append(PyMarkdownText.text(t.getLiteral(), start, heading));
    } else if (n instanceof Code c) {
      sb.append(PyMarkdownText.code(c.getLiteral()));
    } else if (n instanceof Emphasis) {
      wrap("*", n, sb, heading);
    } else if (n instanceof StrongEmphasis) {
      wrap("**", n, sb, heading);
    } else if (n instanceof SoftLineBreak) {
      sb.append(' ');
    } else if (n instanceof HardLineBreak) {
      sb.append("  \n");
      lineStart[0] = true;
    } else if (n instanceof HtmlInline html) {
      sb.append(PyMarkdownText.text(html.getLiteral(), start, heading));
    } else if (n instanceof Link link) {
      link(link, sb, heading);
    } else if (n instanceof Image image) {
      image(image, sb);
    } else {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        inline(c, sb, lineStart, heading);
      }
    }
  }

  private void wrap(String delimiter, Node n, StringBuilder sb, boolean heading) {
    sb.append(delimiter);
    boolean[] lineStart = {false};
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      inline(c, sb, lineStart, heading);
    }
    sb.append(delimiter);
  }

  private void link(Link link, StringBuilder sb, boolean heading) {
    String dest = link.getDestination() == null ? "" : link.getDestination().strip();
    StringBuilder text = new StringBuilder();
    boolean[] lineStart = {false};
    for (Node c = link.getFirstChild(); c != null; c = c.getNext()) {
      inline(c, text, lineStart, heading);
    }
    if (dest.isEmpty() || !PyMarkdownText.safeDestination(dest)) {
      sb.append(text); // a link that cannot be followed safely: its text
      return;
    }
    sb.append('[').append(text).append("](").append(PyMarkdownText.destination(dest));
    if (link.getTitle() != null && !link.getTitle().isBlank()) {
      sb.append(' ').append(PyMarkdownText.quoted(link.getTitle()));
    }
    sb.append(')');
  }

  private static void image(Image image, StringBuilder sb) {
    String dest = image.getDestination() == null ? "" : image.getDestination().strip();
    StringBuilder alt = new StringBuilder();
    for (Node c = image.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        alt.append(t.getLiteral());
      } else if (c instanceof Code code) {
        alt.append(code.getLiteral());
      }
    }
    String shown = PyMarkdownText.text(alt.toString(), false, false);
    if (dest.isEmpty() || !PyMarkdownText.safeDestination(dest)) {
      sb.append(shown);
      return;
    }
    sb.append("![").append(shown).append("](").append(PyMarkdownText.destination(dest)).append(')');
  }
}
