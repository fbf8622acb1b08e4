package dev.runwright.render;

import dev.runwright.render.highlight.Highlighter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown to HTML with commonmark-java and GFM tables. Raw HTML in the Markdown is escaped, never
 * passed through, and unsafe link schemes are dropped. Every heading gets an anchor (named as
 * commonmark's heading-anchor extension names them) and a visible link to it; fenced code blocks in
 * a language the {@link Highlighter} knows are highlighted with CSS classes; the steps an operator
 * ticks off and the check sections are marked with {@code data-rw-step} and {@code data-rw-check}
 * (see {@link Outline}); the ways of doing one thing that a runbook marks become a group of forms,
 * which the page's script shows as tabs (see {@link FormGroups}). Thread-safe: the parser, renderer
 * and highlighter are built once.
 */
public final class MarkdownRenderer {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private static final Highlighter HIGHLIGHTER = Highlighter.create();

  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .nodeRendererFactory(HighlightedCodeBlock::new)
          .nodeRendererFactory(WrappableCode::new)
          .nodeRendererFactory(AnchoredHeading::new)
          .nodeRendererFactory(FormGroups.Renderer::new)
          .attributeProviderFactory(context -> MarkdownRenderer::mark)
          .escapeHtml(true)
          .softbreak("\n")
          .build();

  /**
   * A rendered page.
   *
   * @param title the text of its first level-1 heading, or ""
   * @param body the HTML
   * @param sections the text before the first heading (level 0), then every heading with the text
   *     under it, in order
   */
  public record Html(String title, String body, List<Section> sections) {
    public Html {
      sections = List.copyOf(sections);
    }

    /** The headings a table of contents lists: levels 2 and 3. */
    public List<Section> toc() {
      return sections.stream().filter(s -> s.level() == 2 || s.level() == 3).toList();
    }
  }

  /**
   * A heading and what is under it up to the next heading.
   *
   * @param level 1 to 6, or 0 for the text before the first heading
   * @param id the heading's anchor, or "" for level 0
   * @param heading the heading's text, or ""
   * @param text the plain text under it, code included
   * @param check whether it is a section whose output the operator records ("Check it")
   */
  public record Section(int level, String id, String heading, String text, boolean check) {}

  /**
   * Renders {@code markdown}.
   *
   * @param markdown the Markdown
   * @param links rewrites each link destination (for example a sibling runbook.md to its page);
   *     returns its argument when the link stays as it is
   */
  public Html render(String markdown, UnaryOperator<String> links) {
    Node doc = parser.parse(markdown);
    List<Section> sections = Outline.annotate((Document) doc);
    FormGroups.group((Document) doc);
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
    return new Html(title[0] == null ? "" : title[0], renderer.render(doc), sections);
  }

  /**
   * Marks the items of the procedure's ordered lists as steps, and links whose text is their
   * address (which print does not repeat after them).
   */
  private static void mark(Node node, String tag, Map<String, String> attributes) {
    if (node instanceof ListItem item && Outline.isStep(item)) {
      attributes.put("data-rw-step", "");
    } else if (node instanceof Link link && textOf(link).equals(link.getDestination())) {
      attributes.put("class", "rw-url");
    }
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
      Map<String, String> pre = new LinkedHashMap<>();
      if (Outline.isStep(block, language)) {
        pre.put("data-rw-step", "");
      }
      html.tag("pre", context.extendAttributes(block, "pre", pre));
      html.tag("code", context.extendAttributes(block, "code", attributes));
      html.raw(HIGHLIGHTER.toHtml(block.getLiteral(), language));
      html.tag("/code");
      html.tag("/pre");
      html.line();
    }
  }

  /**
   * A heading with its anchor and, below level 1, a link to itself that shows on hover and focus,
   * as documentation sites have: {@code <h2 id="check-it">Check it <a class="rw-anchor"
   * href="#check-it">#</a></h2>}.
   */
  private static final class AnchoredHeading implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    AnchoredHeading(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Heading.class);
    }

    @Override
    public void render(Node node) {
      Heading heading = (Heading) node;
      String tag = "h" + heading.getLevel();
      Outline.Anchor anchor =
          heading.getFirstChild() instanceof Outline.Anchor a ? a : new Outline.Anchor("", false);
      Map<String, String> attributes = new LinkedHashMap<>();
      if (!anchor.id.isEmpty()) {
        attributes.put("id", anchor.id);
      }
      if (anchor.check) {
        attributes.put("data-rw-check", "");
      }
      html.line();
      html.tag(tag, context.extendAttributes(heading, tag, attributes));
      for (Node child = heading.getFirstChild(); child != null; ) {
        Node next = child.getNext();
        if (!(child instanceof Outline.Anchor)) {
          context.render(child);
        }
        child = next;
      }
      if (heading.getLevel() > 1 && !anchor.id.isEmpty()) {
        html.text(" ");
        Map<String, String> link = new LinkedHashMap<>();
        link.put("class", "rw-anchor");
        link.put("href", "#" + anchor.id);
        link.put("aria-label", "Link to this section: " + textOf(heading).strip());
        html.tag("a", link);
        html.text("#");
        html.tag("/a");
      }
      html.tag("/" + tag);
      html.line();
    }
  }
}
