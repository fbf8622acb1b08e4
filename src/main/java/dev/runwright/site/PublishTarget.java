package dev.runwright.site;

import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an inventory is published: a static site, a GitHub or GitLab wiki, a MkDocs bundle. Each
 * target says where a runbook's documents land and what it writes besides them (an index, a home
 * page, a sidebar, assets); {@link SiteBuilder} does the rest for every target alike (staging,
 * manifest, lock, swap, drift checks). A new target is one class and its templates folder, named in
 * {@link PublishTargets}. Implementations are stateless and thread-safe.
 */
public interface PublishTarget {

  /** The name {@code check --target} and messages use, such as {@code site}. */
  String name();

  /** Where one runbook's documents land. */
  Layout layout(Runbook rb);

  /** The files the target writes itself, which no runbook may write. */
  List<String> ownFiles();

  /** Whether a clean git clone is an acceptable folder to publish into without {@code --force}. */
  default boolean acceptsGitClone() {
    return false;
  }

  /** Whether runbook pages carry the site's title and a link home. */
  default boolean siteHeader() {
    return false;
  }

  /**
   * The text a runbook document is published with: front matter for site generators, say.
   *
   * @param doc what is known about the document
   * @return the text to publish
   */
  default String publish(PublishedDocument doc) {
    return doc.text();
  }

  /**
   * Writes what the target has besides the runbooks.
   *
   * @return the file to open first, relative to the output folder
   */
  String writeShared(Shared shared, Target out);

  /**
   * A runbook document as the target is given it.
   *
   * @param rb the runbook
   * @param path where it lands
   * @param text its text
   * @param title for a runbook, its first heading, else {@code null}
   * @param step its step's number, or {@link Layout#OVERVIEW}
   * @param inputHash the hash of what the page shows, for front matter
   */
  record PublishedDocument(
      Runbook rb, String path, String text, String title, int step, String inputHash) {}

  /**
   * What the shared files are made of.
   *
   * @param prepared the validated inventory
   * @param index every runbook's index entry, grouped order
   * @param pages every HTML page written, for sitemaps
   * @param out the output folder, for targets that look at what is there
   * @param search the pages' words, for a target that publishes a search index
   */
  record Shared(
      SiteBuilder.Prepared prepared,
      List<IndexEntry> index,
      List<String> pages,
      Path out,
      SearchIndex search) {}
}
