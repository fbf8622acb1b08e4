package dev.runwright.validators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The shell command blocks of a Markdown page (fenced {@code sh}, {@code bash}, {@code shell} and
 * {@code zsh} blocks), found by commonmark-java as a renderer finds them, with the line each starts
 * on; and the placeholders the page's "Placeholder" note explains.
 */
public final class CommandBlocks {
  private CommandBlocks() {}

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  private static final Set<String> SHELLS = Set.of("sh", "bash", "shell", "zsh");
  private static final Pattern PLACEHOLDER = Pattern.compile("<your-[a-z0-9-]+>");

  /** One command block: where it is (file:line of its opening fence), its language and code. */
  public record Block(String where, String language, String code) {}

  /** A page's command blocks and the placeholders its notes explain. */
  public record Page(Path file, List<Block> blocks, Set<String> explainedPlaceholders) {}

  /** Reads {@code file}; each block's {@code where} names it by {@code label}. */
  public static Page read(Path file, String label) {
    try {
      return parse(file, label, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Page parse(Path file, String label, String markdown) {
    Node doc = PARSER.parse(markdown);
    List<Block> blocks = new ArrayList<>();
    Set<String> explained = new TreeSet<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock block) {
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+")[0];
            if (SHELLS.contains(language)) {
              int line = block.getSourceSpans().get(0).getLineIndex() + 1;
              blocks.add(new Block(label + ":" + line, language, block.getLiteral()));
            }
          }

          @Override
          public void visit(BlockQuote quote) {
            String text = textOf(quote);
            if (text.startsWith("Placeholder")) {
              Matcher m = PLACEHOLDER.matcher(text);
              while (m.find()) {
                explained.add(m.group());
              }
            }
            visitChildren(quote);
          }
        });
    return new Page(file, List.copyOf(blocks), Set.copyOf(explained));
  }

  private static String textOf(Node node) {
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
    return sb.toString().strip();
  }
}
