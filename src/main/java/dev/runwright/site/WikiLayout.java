package dev.runwright.site;

import dev.runwright.core.Layout;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;

/**
 * A runbook as flat GitHub or GitLab wiki pages: {@code <id>.md} for the first step, {@code
 * <id>-role.md} and {@code <id>-associate.md} for the follow-ups and {@code <id>-procedure.md} for
 * the overview. Only Markdown is published; links are wiki links (the page name without {@code
 * .md}).
 */
public final class WikiLayout implements Layout {
  private final String id;

  public WikiLayout(String id) {
    this.id = id;
  }

  @Override
  public String place(int step, PackManifest pack, DocumentSpec doc) {
    if (doc.kind() != DocumentSpec.Kind.MARKDOWN) {
      return null;
    }
    String base = step == 0 ? id : id + "-" + pack.stepDir();
    boolean first =
        pack.documents().stream()
            .filter(d -> d.kind() == DocumentSpec.Kind.MARKDOWN)
            .findFirst()
            .map(d -> d == doc)
            .orElse(false);
    return (first ? base : base + "-" + doc.id()) + ".md";
  }

  @Override
  public String placeOverview(DocumentSpec.Kind kind) {
    return kind == DocumentSpec.Kind.MARKDOWN ? id + "-procedure.md" : null;
  }

  /** Wiki links name the page: the file name without {@code .md}. */
  @Override
  public String link(String from, String to) {
    return pageName(to);
  }

  /** The wiki page name of a published file. */
  public static String pageName(String file) {
    return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
  }

  @Override
  public boolean standalonePages() {
    return true;
  }

  @Override
  public boolean frontMatter() {
    return false;
  }
}
