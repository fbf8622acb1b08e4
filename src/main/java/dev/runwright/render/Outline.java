package dev.runwright.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The outline of a parsed runbook: every heading's anchor, the text under each heading (for a
 * site's search index) and which parts an operator ticks off. Decided once on the Markdown tree so
 * that the anchors, the table of contents, the checklist and the search index agree.
 *
 * <p>A <em>step</em> an operator ticks is an item of a top-level ordered list (the console steps)
 * or a command block ({@code sh}, {@code bash}, {@code shell}, {@code console}, {@code sql} …) that
 * is not inside such an item; JSON and YAML blocks are documents to read, not steps. A
 * <em>check</em> is a level-2 section whose heading starts with "Check" or "Verify": its output is
 * what the operator pastes into the record.
 */
final class Outline {
  private Outline() {}

  /** Languages whose blocks are commands an operator runs. */
  private static final Set<String> COMMANDS =
      Set.of("sh", "bash", "shell", "console", "zsh", "sql", "mysql", "powershell", "ps1", "pwsh");

  private static final Pattern CHECK = Pattern.compile("(?i)^(check|verify)\\b.*");

  /** Carries a heading's anchor in the tree, as its first child, from the outline to the HTML. */
  static final class Anchor extends CustomNode {
    final String id;
    final boolean check;

    Anchor(String id, boolean check) {
      this.id = id;
      this.check = check;
    }
  }

  /**
   * Gives every heading of {@code doc} its anchor (as commonmark's heading-anchor extension names
   * them, numbered when repeated) and returns the sections in order: the text before the first
   * heading (level 0, no id), then one per heading.
   */
  static List<MarkdownRenderer.Section> annotate(Document doc) {
    IdGenerator ids = IdGenerator.builder().defaultId("id").build();
    List<MarkdownRenderer.Section> out = new ArrayList<>();
    int level = 0;
    String id = "";
    String heading = "";
    boolean check = false;
    StringBuilder text = new StringBuilder();
    for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof Heading h) {
        if (level > 0 || text.length() > 0) {
          out.add(new MarkdownRenderer.Section(level, id, heading, text.toString().strip(), check));
        }
        level = h.getLevel();
        heading = MarkdownRenderer.textOf(h).strip();
        id = ids.generateId(heading.toLowerCase(Locale.ROOT));
        check = level == 2 && CHECK.matcher(heading).matches();
        h.prependChild(new Anchor(id, check));
        text.setLength(0);
      } else {
        appendText(block, text);
      }
    }
    if (level > 0 || text.length() > 0) {
      out.add(new MarkdownRenderer.Section(level, id, heading, text.toString().strip(), check));
    }
    return out;
  }

  /**
   * Whether a list item is a step: an item of an ordered list at the top of the document, or at the
   * top of one of its forms.
   */
  static boolean isStep(ListItem item) {
    return item.getParent() instanceof OrderedList list && FormGroups.topLevel(list.getParent());
  }

  /** Whether a code block is a step: a command, not inside a step's list item. */
  static boolean isStep(Block code, String language) {
    if (language == null || !COMMANDS.contains(language.toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (Node n = code.getParent(); n != null; n = n.getParent()) {
      if (n instanceof ListItem item && isStep(item)) {
        return false;
      }
    }
    return true;
  }

  /** The text a reader sees in {@code block}, code included, words kept apart. */
  private static void appendText(Node block, StringBuilder sb) {
    block.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            sb.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            sb.append(code.getLiteral());
          }

          @Override
          public void visit(FencedCodeBlock code) {
            sb.append(code.getLiteral()).append('\n');
          }

          @Override
          public void visit(IndentedCodeBlock code) {
            sb.append(code.getLiteral()).append('\n');
          }

          @Override
          public void visit(SoftLineBreak br) {
            sb.append(' ');
          }

          @Override
          public void visit(HardLineBreak br) {
            sb.append(' ');
          }

          @Override
          public void visit(Paragraph p) {
            visitChildren(p);
            sb.append('\n');
          }

          @Override
          public void visit(CustomNode node) {
            visitChildren(node); // table cells
            sb.append(' ');
          }
        });
  }
}
