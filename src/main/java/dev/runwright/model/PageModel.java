package dev.runwright.model;

import java.util.List;

/**
 * What the HTML page template receives.
 *
 * @param title the page title, from the runbook's first heading
 * @param body the runbook as HTML, already safe (commonmark escapes raw HTML)
 * @param standalone whether CSS and JavaScript are inline (a single file) or linked (a site)
 * @param css the stylesheet when standalone
 * @param js the script when standalone
 * @param cspScriptHash the CSP hash of the inline script, when standalone
 * @param cspStyleHash the CSP hash of the inline stylesheet, when standalone
 * @param assetsHref the relative folder of the shared assets, when not standalone
 * @param homeHref the site's index, or {@code null}
 * @param homeTitle the site's title, or {@code null}
 * @param sourceHref the Markdown the page shows, or {@code null}
 * @param generator "Runwright" and its version
 * @param nav the breadcrumb, the table of contents and the links to the other steps
 * @param stateKey what the page's checklist and record are kept under in the browser: a hash of the
 *     runbook's input and of the page, so that a runbook generated again with other values starts
 *     with a fresh checklist (account IDs enter it only by their last four digits, so that it
 *     cannot be used to guess an account that {@code --redact-accounts} masks)
 * @param buildDate the build's date ({@code YYYY-MM-DD}) from {@code SOURCE_DATE_EPOCH}, or {@code
 *     null} when it is not set, so that the same input gives the same bytes
 * @param editUrl where the input can be edited (the inventory's {@code editUrl}), or {@code null}
 * @param rootHref the site's root folder relative to the page (for the search index), or {@code
 *     null} outside a site
 */
public record PageModel(
    String title,
    String body,
    boolean standalone,
    String css,
    String js,
    String cspScriptHash,
    String cspStyleHash,
    String assetsHref,
    String homeHref,
    String homeTitle,
    String sourceHref,
    String generator,
    Nav nav,
    String stateKey,
    String buildDate,
    String editUrl,
    String rootHref) {

  /**
   * Where a page stands among its runbook's pages.
   *
   * @param breadcrumb the pages above this one, the site's index first; the page itself is not in
   *     it
   * @param current the page's own name in the breadcrumb ("Step 2: Create the IAM role")
   * @param toc the page's level-2 and level-3 headings
   * @param step this page's step (1 first), or 0 for the overview or a runbook of one page
   * @param total how many steps the runbook has
   * @param runbook the runbook's id, or {@code null} outside an inventory
   * @param prev the page before this one, or {@code null}
   * @param next the page after this one, or {@code null}
   * @param overview the procedure's overview, or {@code null} on the overview and without one
   */
  public record Nav(
      List<Link> breadcrumb,
      String current,
      List<TocEntry> toc,
      int step,
      int total,
      String runbook,
      Link prev,
      Link next,
      Link overview) {
    public Nav {
      breadcrumb = List.copyOf(breadcrumb);
      toc = List.copyOf(toc);
    }
  }

  /**
   * A heading in the table of contents.
   *
   * @param level 2 or 3
   * @param id its anchor
   * @param title its text
   */
  public record TocEntry(int level, String id, String title) {}
}
