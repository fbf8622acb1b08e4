package dev.runwright.core;

import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;

/**
 * A runbook as a folder: the first step's files at the top, each follow-up in its own folder
 * ({@code role/}, {@code associate/}), the overview in {@code procedure.md} and {@code
 * procedure.html}. Used by {@code generate} with standalone pages, and by a site under {@code
 * <id>/}, where the first step's page is {@code index.html}.
 */
public final class FolderLayout implements Layout {
  private final String prefix;
  private final boolean site;

  private FolderLayout(String prefix, boolean site) {
    this.prefix = prefix;
    this.site = site;
  }

  /** The layout of {@code generate}: standalone pages, no front matter. */
  public static FolderLayout generate() {
    return new FolderLayout("", false);
  }

  /** The layout of one runbook in a site, under {@code id/}. */
  public static FolderLayout site(String id) {
    return new FolderLayout(id + "/", true);
  }

  @Override
  public String place(int step, PackManifest pack, DocumentSpec doc) {
    String dir = step == 0 ? "" : pack.stepDir() + "/";
    if (site && step == 0 && doc.kind() == DocumentSpec.Kind.PAGE && isFirstPage(pack, doc)) {
      return prefix + "index.html";
    }
    return prefix + dir + doc.path();
  }

  private static boolean isFirstPage(PackManifest pack, DocumentSpec doc) {
    return pack.documents().stream()
        .filter(d -> d.kind() == DocumentSpec.Kind.PAGE)
        .findFirst()
        .map(d -> d == doc)
        .orElse(false);
  }

  @Override
  public String placeOverview(DocumentSpec.Kind kind) {
    return prefix + (kind == DocumentSpec.Kind.PAGE ? "procedure.html" : "procedure.md");
  }

  @Override
  public boolean standalonePages() {
    return !site;
  }

  @Override
  public boolean frontMatter() {
    return site;
  }

  @Override
  public String homePath() {
    return site ? "index.html" : null;
  }
}
