package dev.runwright.model;

/**
 * The site a runbook is published in, as its pages' templates see it.
 *
 * @param title the site's title
 * @param editUrl where the inventory can be edited (its {@code editUrl}), or {@code null}
 */
public record SiteModel(String title, String editUrl) {
  /** A site without an edit link. */
  public SiteModel(String title) {
    this(title, null);
  }
}
