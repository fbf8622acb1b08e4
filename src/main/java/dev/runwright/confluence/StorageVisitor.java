package dev.runwright.confluence;

import dev.runwright.render.MarkdownRenderer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Writes one parsed Markdown document as Confluence storage format. Every block element ends with a
 * line break, so that the output reads well in a diff; inline content stays on its line. One
 * instance renders one document.
 */
final class StorageVisitor extends AbstractVisitor {
  private static final Pattern TASK = Pattern.compile("^\\[([ xX])\\](?:[ \\t]+|$)");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private final StringBuilder out;
  private final LinkResolver links;
  private int taskId;

  StorageVisitor(StringBuilder out, LinkResolver links) {
    this.out = out;
    this.links = links;
  }

  @Override
  public void visit(Heading heading) {
    int level = Math.min(Math.max(heading.getLevel(), 1), 6);
    out.append("<h").append(level).append('>');
    visitChildren(heading);
    out.append("</h").append(level).append(">\n");
  }

  @Override
  public void visit(Paragraph paragraph) {
    if (paragraph.getParent() instanceof ListItem item
        && item.getParent() instanceof ListBlock list
        && list.isTight()) {
      visitChildren(paragraph);
      return;
    }
    out.append("<p>");
    visitChildren(paragraph);
    out.append("</p>\n");
  }

  @Override
  public void visit(BulletList list) {
    list(list, "ul");
  }

  @Override
  public void visit(OrderedList list) {
    if (list.getParent() instanceof org.commonmark.node.Document) {
      steps(list);
      return;
    }
    list(list, "ol");
  }

  /**
   * The numbered steps of a runbook (an ordered list at the top of the page, which the site's pages
   * let the operator tick): a Confluence task list, so that the operator ticks them in Confluence
   * too, each task keeping its number. A task holds inline text only, so what a step has below its
   * first paragraph (a list of dialog fields, a code block) follows its task, and the next steps
   * start a new task list.
   */
  private void steps(OrderedList list) {
    Integer start = list.getMarkerStartNumber();
    int n = start == null ? 1 : start;
    boolean open = false;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext(), n++) {
      if (!open) {
        out.append("<ac:task-list>\n");
        open = true;
      }
      out.append("<ac:task>\n<ac:task-id>").append(++taskId).append("</ac:task-id>\n");
      out.append("<ac:task-status>incomplete</ac:task-status>\n");
      out.append("<ac:task-body>").append(n).append(". ");
      Node rest = item.getFirstChild();
      if (rest instanceof Paragraph p) {
        visitChildren(p);
        rest = p.getNext();
      }
      trimNewline();
      out.append("</ac:task-body>\n</ac:task>\n");
      if (rest != null) {
        out.append("</ac:task-list>\n");
        open = false;
        for (; rest != null; rest = rest.getNext()) {
          rest.accept(this);
        }
      }
    }
    if (open) {
      out.append("</ac:task-list>\n");
    }
  }

  private void list(ListBlock list, String tag) {
    if (isTaskList(list)) {
      tasks(list);
      return;
    }
    out.append('<').append(tag).append(">\n");
    visitChildren(list);
    out.append("</").append(tag).append(">\n");
  }

  @Override
  public void visit(ListItem item) {
    out.append("<li>");
    visitChildren(item);
    trimNewline();
    out.append("</li>\n");
  }

  @Override
  public void visit(BlockQuote quote) {
    Callout callout = Callout.take(quote);
    if (callout == null) {
      out.append("<blockquote>\n");
      visitChildren(quote);
      out.append("</blockquote>\n");
      return;
    }
    Macros.open(out, callout.macro(), callout.title());
    visitChildren(quote);
    Macros.close(out);
  }

  @Override
  public void visit(FencedCodeBlock block) {
    Macros.code(out, CodeLanguage.of(block.getInfo()), block.getLiteral());
  }

  @Override
  public void visit(IndentedCodeBlock block) {
    Macros.code(out, CodeLanguage.of(""), block.getLiteral());
  }

  @Override
  public void visit(ThematicBreak thematicBreak) {
    out.append("<hr />\n");
  }

  /**
   * Raw HTML is shown as the text it is, never passed through, as on Runwright's HTML pages;
   * Runwright's own structure markers ({@code <!-- runwright:forms -->}) are dropped, as there.
   */
  @Override
  public void visit(HtmlBlock block) {
    if (MarkdownRenderer.isMarker(block.getLiteral())) {
      return;
    }
    out.append("<p>");
    Xml.text(out, block.getLiteral().stripTrailing());
    out.append("</p>\n");
  }

  @Override
  public void visit(HtmlInline html) {
    Xml.text(out, html.getLiteral());
  }

  @Override
  public void visit(Text text) {
    Xml.text(out, text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    out.append("<code>");
    Xml.text(out, code.getLiteral());
    out.append("</code>");
  }

  @Override
  public void visit(Emphasis emphasis) {
    wrap("em", emphasis);
  }

  @Override
  public void visit(StrongEmphasis strong) {
    wrap("strong", strong);
  }

  @Override
  public void visit(SoftLineBreak softLineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(HardLineBreak hardLineBreak) {
    out.append("<br />");
  }

  @Override
  public void visit(Link link) {
    String dest = link.getDestination() == null ? "" : link.getDestination().strip();
    String title = pageTitle(dest);
    if (title != null) {
      out.append("<ac:link><ri:page ri:content-title=\"");
      Xml.attr(out, title);
      out.append("\" /><ac:plain-text-link-body>");
      Xml.cdata(out, plainText(link));
      out.append("</ac:plain-text-link-body></ac:link>");
    } else if (webUrl(dest)) {
      out.append("<a href=\"");
      Xml.attr(out, dest);
      out.append("\">");
      visitChildren(link);
      out.append("</a>");
    } else {
      // A link to a file that is not a page (policy.json), or with an unsafe scheme: its text.
      visitChildren(link);
    }
  }

  @Override
  public void visit(Image image) {
    String dest = image.getDestination() == null ? "" : image.getDestination().strip();
    String alt = plainText(image);
    if (webUrl(dest) && !dest.regionMatches(true, 0, "mailto:", 0, 7)) {
      out.append("<ac:image ac:alt=\"");
      Xml.attr(out, alt);
      out.append("\"><ri:url ri:value=\"");
      Xml.attr(out, dest);
      out.append("\" /></ac:image>");
    } else {
      Xml.text(out, alt);
    }
  }

  @Override
  public void visit(CustomBlock block) {
    if (block instanceof TableBlock) {
      out.append("<table><tbody>\n");
      visitChildren(block);
      out.append("</tbody></table>\n");
    } else {
      visitChildren(block);
    }
  }

  @Override
  public void visit(CustomNode node) {
    if (node instanceof TableRow) {
      out.append("<tr>");
      visitChildren(node);
      out.append("</tr>\n");
    } else if (node instanceof TableCell cell) {
      String tag = cell.isHeader() ? "th" : "td";
      out.append('<').append(tag).append('>');
      visitChildren(node);
      out.append("</").append(tag).append('>');
    } else {
      visitChildren(node);
    }
  }

  private void wrap(String tag, Node node) {
    out.append('<').append(tag).append('>');
    visitChildren(node);
    out.append("</").append(tag).append('>');
  }

  /** The title of the published page a relative link points to, or null. */
  private String pageTitle(String dest) {
    if (dest.isEmpty() || dest.startsWith("#") || dest.startsWith("/") || dest.startsWith("\\")) {
      return null;
    }
    if (SCHEME.matcher(dest).find()) {
      return null;
    }
    int cut = dest.indexOf('#');
    String path = cut < 0 ? dest : dest.substring(0, cut);
    int q = path.indexOf('?');
    path = q < 0 ? path : path.substring(0, q);
    if (path.isEmpty()) {
      return null;
    }
    String title = links.titleOf(path);
    return title == null || title.isBlank() ? null : title;
  }

  /** Whether a link may point at it from a page: http, https and mailto only. */
  private static boolean webUrl(String dest) {
    Matcher m = SCHEME.matcher(dest);
    if (!m.find()) {
      return false;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
  }

  private static boolean isTaskList(ListBlock list) {
    if (list.getFirstChild() == null) {
      return false;
    }
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item.getFirstChild() instanceof Paragraph p)
          || !(p.getFirstChild() instanceof Text t)
          || !TASK.matcher(t.getLiteral()).find()) {
        return false;
      }
    }
    return true;
  }

  /** A list whose every item starts with {@code [ ]} or {@code [x]}: a Confluence task list. */
  private void tasks(ListBlock list) {
    out.append("<ac:task-list>\n");
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      Paragraph first = (Paragraph) item.getFirstChild();
      Text marker = (Text) first.getFirstChild();
      Matcher m = TASK.matcher(marker.getLiteral());
      m.find();
      String status = m.group(1).equals(" ") ? "incomplete" : "complete";
      marker.setLiteral(marker.getLiteral().substring(m.end()));
      out.append("<ac:task>\n<ac:task-id>").append(++taskId).append("</ac:task-id>\n");
      out.append("<ac:task-status>").append(status).append("</ac:task-status>\n");
      out.append("<ac:task-body>");
      visitChildren(first);
      for (Node rest = first.getNext(); rest != null; rest = rest.getNext()) {
        rest.accept(this);
      }
      trimNewline();
      out.append("</ac:task-body>\n</ac:task>\n");
    }
    out.append("</ac:task-list>\n");
  }

  private void trimNewline() {
    if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
      out.setLength(out.length() - 1);
    }
  }

  /**
   * The text a reader sees in a node, for a title, a plain-text link body or an image's alt text;
   * raw HTML counts as the text it is, as it is shown.
   */
  static String plainText(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(
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
          public void visit(HtmlInline html) {
            sb.append(html.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak softLineBreak) {
            sb.append(' ');
          }

          @Override
          public void visit(HardLineBreak hardLineBreak) {
            sb.append(' ');
          }
        });
    return sb.toString();
  }
}
