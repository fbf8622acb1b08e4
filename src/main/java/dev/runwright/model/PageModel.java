package dev.runwright.model;

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
    String generator) {}
