package dev.runwright.render;

import dev.runwright.render.highlight.Highlighter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown to HTML with commonmark-java, GFM tables and heading anchors. Raw HTML in the Markdown
 * is escaped, never passed through, and unsafe link schemes are dropped. Fenced code blocks in a
 * language the {@link Highlighter} knows are highlighted with CSS classes. Thread-safe: the parser,
 * renderer and highlighter are built once.
 */
public final class MarkdownRenderer {
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private static final Highlighter HIGHLIGHTER = Highlighter.create();

  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .nodeRendererFactory(HighlightedCodeBlock::new)
          .escapeHtml(true)
          .softbreak("\n")
          .build();

  /** A rendered page: its HTML and the text of its first level-1 heading. */
  public record Html(String title, String body) {}

  /**
   * Renders {@code markdown}.
   *
   * @param markdown the Markdown
   * @param links rewrites each link destination (for example a sibling runbook.md to its page);
   *     returns its argument when the link stays as it is
   */
  public Html render(String markdown, UnaryOperator<String> links) {
    Node doc = parser.parse(markdown);
    String[] title = {null};
    java.util.List<Node> markers = new java.util.ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(org.commonmark.node.HtmlBlock block) {
            if (isMarker(block.getLiteral())) {
              markers.add(block);
            }
          }

          @Override
          public void visit(Link link) {
            link.setDestination(safe(links.apply(link.getDestination())));
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            image.setDestination(safe(image.getDestination()));
            visitChildren(image);
          }

          @Override
          public void visit(Heading heading) {
            if (heading.getLevel() == 1 && title[0] == null) {
              title[0] = textOf(heading);
            }
            visitChildren(heading);
          }
        });
    markers.forEach(Node::unlink);
    return new Html(title[0] == null ? "" : title[0], renderer.render(doc));
  }

  private static final java.util.regex.Pattern MARKER =
      java.util.regex.Pattern.compile("<!-- runwright:[a-z-]+ -->\\s*");

  /**
   * Whether an HTML block is one of Runwright's structure markers ({@code <!-- runwright:forms
   * -->}), which say where a runbook's ways of doing a step begin and end. GitHub and GitLab hide
   * them as comments; pages turn what they enclose into tabs, and drop them.
   */
  public static boolean isMarker(String html) {
    return html != null && MARKER.matcher(html).matches();
  }

  /**
   * The text of the first level-1 ATX heading ({@code # Title}) without parsing the whole document,
   * or "" when there is none.
   */
  public static String firstHeading(String markdown) {
    int start = 0;
    boolean inFence = false;
    while (start < markdown.length()) {
      int end = markdown.indexOf('\n', start);
      if (end < 0) {
        end = markdown.length();
      }
      String line = markdown.substring(start, end);
      if (line.startsWith("```") || line.startsWith("~~~")) {
        inFence = !inFence;
      } else if (!inFence && line.startsWith("# ")) {
        Node doc = INLINE_PARSER.parse(line);
        return textOf(doc).strip();
      }
      start = end + 1;
    }
    return "";
  }

  private static final Parser INLINE_PARSER = Parser.builder().build();

  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  /**
   * A link destination that cannot run code: relative links, fragments and http, https and mailto
   * URLs stay; any other scheme (javascript:, data:, vbscript:, file:) becomes "#". commonmark's
   * own sanitizer would also mark every link rel="nofollow", which a site's own links should not
   * be.
   */
  static String safe(String url) {
    if (url == null) {
      return null;
    }
    var m = SCHEME.matcher(url.strip());
    if (!m.find()) {
      return url;
    }
    String scheme = m.group().toLowerCase(java.util.Locale.ROOT);
    return scheme.equals("http:") || scheme.equals("https:") || scheme.equals("mailto:")
        ? url
        : "#";
  }

  /** The plain text of a node, as a reader sees it. */
  static String textOf(Node node) {
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
        });
    return sb.toString();
  }

  /**
   * A fenced code block as commonmark-java writes it ({@code <pre><code class="language-xx">}), its
   * text highlighted. The {@code code} element's text stays exactly the code: the copy button
   * copies it.
   */
  private static final class HighlightedCodeBlock implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    HighlightedCodeBlock(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
      FencedCodeBlock block = (FencedCodeBlock) node;
      String info = block.getInfo();
      String language = null;
      Map<String, String> attributes = new LinkedHashMap<>();
      if (info != null && !info.isEmpty()) {
        int space = info.indexOf(' ');
        language = space < 0 ? info : info.substring(0, space);
        attributes.put("class", "language-" + language);
      }
      html.line();
      html.tag("pre", context.extendAttributes(block, "pre", Map.of()));
      html.tag("code", context.extendAttributes(block, "code", attributes));
      html.raw(HIGHLIGHTER.toHtml(block.getLiteral(), language));
      html.tag("/code");
      html.tag("/pre");
      html.line();
    }
  }
}
