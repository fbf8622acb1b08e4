package dev.runwright.confluence;

/**
 * Tells the storage renderer which relative links point at other published pages, so that they
 * become Confluence page links, which follow a page when it moves.
 */
@FunctionalInterface
public interface LinkResolver {
  /** A resolver under which no link is a page link. */
  LinkResolver NONE = href -> null;

  /**
   * The title of the published page {@code href} points to, or null when it is not one.
   *
   * @param href a relative link as written in the Markdown ({@code ../role/runbook.md}), without
   *     its {@code #fragment} or {@code ?query}
   */
  String titleOf(String href);
}
