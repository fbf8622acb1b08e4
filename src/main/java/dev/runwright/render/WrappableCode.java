package dev.runwright.render;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * An inline code span as commonmark-java writes it, with a {@code <wbr>} after each {@code :} and
 * {@code /} of a long value without spaces (an ARN, an S3 URI, a path): on a phone, or in a table
 * cell, such a value then wraps between its parts ({@code
 * arn:aws:kms:us-east-1:111122223333:<wbr>key/<wbr>1234abcd-...}) rather than inside a word, which
 * the stylesheet's {@code overflow-wrap: anywhere} keeps only for a part too long for the line. The
 * text is unchanged: {@code <wbr>} has none, so what a reader selects and copies is the value.
 */
final class WrappableCode implements NodeRenderer {
  /** Shorter values fit a phone's line: no break points for them. */
  static final int MIN_LENGTH = 24;

  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;

  WrappableCode(HtmlNodeRendererContext context) {
    this.context = context;
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Code.class);
  }

  @Override
  public void render(Node node) {
    String text = ((Code) node).getLiteral();
    html.tag("code", context.extendAttributes(node, "code", Map.of()));
    if (text.length() < MIN_LENGTH || text.indexOf(' ') >= 0) {
      html.text(text);
    } else {
      int from = 0;
      for (int i = 0; i < text.length() - 1; i++) {
        if (isSeparator(text.charAt(i)) && !isSeparator(text.charAt(i + 1))) {
          html.text(text.substring(from, i + 1));
          html.raw("<wbr>");
          from = i + 1;
        }
      }
      html.text(text.substring(from));
    }
    html.tag("/code");
  }

  private static boolean isSeparator(char c) {
    return c == ':' || c == '/';
  }
}
