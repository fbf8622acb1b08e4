package dev.runwright.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;

/**
 * Runwright's runbook Markdown (CommonMark with GFM tables) rewritten for Python-Markdown, which
 * MkDocs uses and which reads Markdown differently: nested list content needs four spaces, fenced
 * code works only at the top level unless {@code pymdownx.superfences} is on, raw HTML is passed
 * through, and link schemes are not checked.
 *
 * <p>The text is parsed with commonmark-java as Runwright's HTML pages parse it and written again
 * block by block: list content indented by four spaces, code fenced where the dialect allows and
 * indented where it does not, tables for the {@code tables} extension, notes ({@code > **Note:**},
 * {@code > **Placeholder:**}, {@code > **Warning:**}) as admonitions, every text escaped so that
 * Python-Markdown shows it as written (raw HTML included, as on Runwright's pages) and links other
 * than relative, http, https and mailto shown as their text. With {@link Dialect#MATERIAL} the
 * forms of a step (console, AWS CLI) become content tabs ({@link FormTabs}). Deterministic and
 * thread-safe: the parser is built once, each call has its own writer.
 */
public final class PythonMarkdown {
  /** Which Markdown extensions the generated {@code mkdocs.yml} turns on. */
  public enum Dialect {
    /**
     * Python-Markdown's own extensions only ({@code admonition}, {@code tables}, {@code
     * fenced_code}, {@code sane_lists}, {@code toc}), for plain MkDocs: code inside a list or a
     * note is an indented block, forms stay sections one after the other.
     */
    PLAIN,
    /**
     * Also the PyMdown extensions that mkdocs-material relies on ({@code pymdownx.superfences},
     * {@code pymdownx.tabbed}, {@code pymdownx.tasklist}, {@code pymdownx.highlight}): fenced code
     * everywhere, content tabs for the forms of a step, check boxes for task lists.
     */
    MATERIAL
  }

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

  private final Dialect dialect;
  private final Parser parser;

  /** A converter for {@code dialect} with the built-in form hooks ({@link FormTabs}). */
  public PythonMarkdown(Dialect dialect) {
    this(dialect, dialect == Dialect.MATERIAL ? List.of(new FormTabs()) : List.of());
  }

  /**
   * A converter for {@code dialect} that runs {@code hooks} on each parsed document before it is
   * written: the place to turn more of the document's structure into tabs or other blocks.
   */
  public PythonMarkdown(Dialect dialect, List<PostProcessor> hooks) {
    this.dialect = Objects.requireNonNull(dialect);
    Parser.Builder b = Parser.builder().extensions(EXTENSIONS);
    for (PostProcessor hook : new ArrayList<>(hooks)) {
      b.postProcessor(hook);
    }
    this.parser = b.build();
  }

  public Dialect dialect() {
    return dialect;
  }

  /** {@code markdown} (without front matter) as Python-Markdown text, ending with a line break. */
  public String convert(String markdown) {
    Node doc = parser.parse(markdown);
    return new PyMarkdownWriter(dialect == Dialect.MATERIAL).document(doc);
  }
}
