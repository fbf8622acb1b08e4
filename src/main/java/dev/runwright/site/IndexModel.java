package dev.runwright.site;

import java.util.List;

/**
 * What the site's index, its 404 page and the wiki's home page and sidebar templates see.
 *
 * @param site the site's title, address and size
 * @param groups the runbooks grouped by account, then Region
 * @param entries every runbook, in the groups' order
 * @param generator "Runwright" and its version
 * @param home the home page of a wiki, MkDocs bundle or Confluence bundle ({@code Home}, {@code
 *     index.md}, {@code home.xml}), or {@code null}
 * @param buildDate the build's date from {@code SOURCE_DATE_EPOCH}, or {@code null}
 * @param editUrl where the inventory can be edited, or {@code null}
 */
public record IndexModel(
    Site site,
    List<AccountGroup> groups,
    List<IndexEntry> entries,
    String generator,
    String home,
    String buildDate,
    String editUrl) {

  /**
   * @param title the inventory's title
   * @param baseUrl where the site is published, or {@code null}
   * @param count how many runbooks
   */
  public record Site(String title, String baseUrl, int count) {}

  /**
   * @param account the account ID as shown, or "" for runbooks without one
   * @param regions its Regions, in order
   * @param count how many runbooks the account has
   */
  public record AccountGroup(String account, List<RegionGroup> regions, int count) {}

  /**
   * @param region the Region code, or ""
   * @param regionName its name
   * @param partition its partition id
   * @param entries its runbooks, by id
   */
  public record RegionGroup(
      String region, String regionName, String partition, List<IndexEntry> entries) {}
}
