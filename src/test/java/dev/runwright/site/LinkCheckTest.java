package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.files;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.replaceOnce;
import static dev.runwright.site.SiteTestSupport.runwright;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.ExitCode;
import dev.runwright.site.SiteTestSupport.Run;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every link of a built site and wiki leads somewhere: relative links to a file inside the output
 * folder, wiki links to a page that exists. External links are not followed.
 */
class LinkCheckTest {
  private static final Pattern HTML_LINK = Pattern.compile("\\b(?:href|src)=\"([^\"]*)\"");

  /** {@code [text](target)} and {@code ![alt](target)}, with an optional "title". */
  private static final Pattern MD_LINK =
      Pattern.compile("\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  private static final Pattern FENCE = Pattern.compile("(?ms)^(```|~~~).*?^\\1[ \\t]*$");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");

  @TempDir static Path tmp;
  static Path site;
  static Path wiki;

  @BeforeAll
  static void build() {
    site = tmp.resolve("site");
    buildSite(EXAMPLE, site);
    wiki = tmp.resolve("wiki");
    Run r = runwright("wiki", "--config", EXAMPLE.toString(), "--out", wiki.toString());
    assertEquals(ExitCode.OK, r.code(), r::describe);
  }

  @Test
  void everyRelativeLinkOfTheSiteLeadsToAFileInside() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (String rel : files(site).keySet()) {
      Path file = site.resolve(rel);
      if (rel.endsWith(".html")) {
        for (String link : htmlLinks(read(file))) {
          checked += check(site, file, link, problems) ? 1 : 0;
        }
      } else if (rel.endsWith(".md")) {
        for (String link : markdownLinks(read(file))) {
          checked += check(site, file, link, problems) ? 1 : 0;
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(checked > 300, "only " + checked + " relative links: is the parsing right?");
  }

  @Test
  void withoutBaseUrlThe404PageLinksRelativelyAndThereIsNoSitemap() {
    Path inv = tmp.resolve("no-base-url.yaml");
    write(
        inv,
        replaceOnce(read(EXAMPLE), "baseUrl: https://runbooks.example.internal/payments/\n", ""));
    Path out = tmp.resolve("no-base-url");
    buildSite(inv, out);
    assertFalse(Files.exists(out.resolve("sitemap.xml")));
    List<String> problems = new ArrayList<>();
    List<String> links = htmlLinks(read(out.resolve("404.html")));
    assertEquals(List.of("assets/runwright.css", "index.html"), links);
    links.forEach(l -> check(out, out.resolve("404.html"), l, problems));
    assertEquals(List.of(), problems);
  }

  @Test
  void noPublishedFileNamesTheBuildMachinesFolders() {
    String outDir = site.toAbsolutePath().toString();
    String project = Path.of("").toAbsolutePath().toString();
    List<String> leaks = new ArrayList<>();
    files(site)
        .forEach(
            (rel, bytes) -> {
              String text = new String(bytes, StandardCharsets.UTF_8);
              // file://policy.json in the CLI commands is relative; file:/// would be an absolute
              // path.
              for (String p : List.of(outDir, project, "file:///")) {
                if (text.contains(p)) {
                  leaks.add(rel + " contains " + p);
                }
              }
            });
    assertEquals(List.of(), leaks);
  }

  @Test
  void everyWikiLinkNamesAPageOrAWebAddress() {
    Map<String, byte[]> pages = files(wiki);
    assertTrue(pages.containsKey("Home.md") && pages.containsKey("_Sidebar.md"), pages::toString);
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (String rel : pages.keySet()) {
      if (!rel.endsWith(".md")) {
        continue;
      }
      assertFalse(rel.contains("/"), "wiki pages are flat: " + rel);
      for (String link : markdownLinks(read(wiki.resolve(rel)))) {
        if (link.startsWith("https://") || link.startsWith("http://")) {
          continue;
        }
        String page = stripFragment(link);
        if (page.isEmpty()) {
          continue; // a heading on the same page
        }
        checked++;
        boolean file = !page.contains("/") && Files.isRegularFile(wiki.resolve(page)); // a form
        if (page.contains("/")
            || page.endsWith(".md")
            || !(pages.containsKey(page + ".md") || file)) {
          problems.add(rel + ": [..](" + link + ") names no page");
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(checked > 100, "only " + checked + " wiki links: is the parsing right?");
  }

  @Test
  void theWikiSidebarLinksEveryPage() {
    java.util.Set<String> linked =
        new java.util.HashSet<>(markdownLinks(read(wiki.resolve("_Sidebar.md"))));
    List<String> missing =
        files(wiki).keySet().stream()
            .filter(p -> p.endsWith(".md") && !p.equals("Home.md") && !p.equals("_Sidebar.md"))
            .map(p -> p.substring(0, p.length() - ".md".length()))
            .filter(p -> !linked.contains(p))
            .sorted()
            .toList();
    assertEquals(List.of(), missing);
    assertTrue(linked.size() > 20, "only " + linked.size() + " sidebar links");
  }

  @Test
  void theCheckerItselfFindsBrokenLinks() {
    Path root = tmp.resolve("broken");
    write(root.resolve("folder/readme.txt"), "no index here\n");
    write(root.resolve("ok.html"), "<a href=\"a.html\">");
    write(
        root.resolve("a.html"),
        "<a href=\"missing.html\"> <a href=\"../outside.html\"> <a href=\"/etc/passwd\">"
            + " <a href=\"file:///tmp/x.html\"> <a href=\"folder/\"> <img src=\"ok.html#top\">"
            + " <a href=\"https://example.com/\"> <a href=\"#here\">");
    write(
        root.resolve("b.md"), "[x](gone.md) `[y](z.md)` [ok](a.html)\n```\n[z](in-code.md)\n```\n");
    List<String> problems = new ArrayList<>();
    htmlLinks(read(root.resolve("a.html")))
        .forEach(l -> check(root, root.resolve("a.html"), l, problems));
    markdownLinks(read(root.resolve("b.md")))
        .forEach(l -> check(root, root.resolve("b.md"), l, problems));
    assertEquals(
        List.of(
            "a.html: \"missing.html\" leads nowhere",
            "a.html: \"../outside.html\" leaves the site folder",
            "a.html: \"/etc/passwd\" is not relative",
            "a.html: \"file:///tmp/x.html\" is not relative",
            "a.html: \"folder/\" is a folder without index.html",
            "b.md: \"gone.md\" leads nowhere"),
        problems);
  }

  /**
   * Checks one link of {@code from}; a relative one must name a file inside {@code root}.
   *
   * @return whether the link was relative (and so checked)
   */
  private static boolean check(Path root, Path from, String link, List<String> problems) {
    String where = root.relativize(from) + ": \"" + link + "\"";
    String lower = link.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("mailto:")) {
      return false;
    }
    if (link.startsWith("#")) {
      return false;
    }
    if (link.isEmpty()) {
      problems.add(where + " is empty");
      return false;
    }
    if (lower.matches("[a-z][a-z0-9+.-]*:.*") || link.startsWith("/") || link.startsWith("\\")) {
      problems.add(where + " is not relative");
      return false;
    }
    String path;
    try {
      path = new URI(stripFragment(link)).getPath();
    } catch (URISyntaxException e) {
      problems.add(where + " is not a valid address: " + e.getMessage());
      return true;
    }
    Path target = from.getParent().resolve(path).normalize();
    if (!target.startsWith(root)) {
      problems.add(where + " leaves the site folder");
    } else if (Files.isDirectory(target)) {
      if (!Files.isRegularFile(target.resolve("index.html"))) {
        problems.add(where + " is a folder without index.html");
      }
    } else if (!Files.isRegularFile(target)) {
      problems.add(where + " leads nowhere");
    }
    return true;
  }

  private static String stripFragment(String link) {
    int hash = link.indexOf('#');
    int query = link.indexOf('?');
    int end = link.length();
    if (hash >= 0) {
      end = hash;
    }
    if (query >= 0 && query < end) {
      end = query;
    }
    return link.substring(0, end);
  }

  static List<String> htmlLinks(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = HTML_LINK.matcher(html);
    while (m.find()) {
      out.add(m.group(1).replace("&amp;", "&"));
    }
    return out;
  }

  /** Link targets of Markdown, outside fenced code blocks and code spans. */
  static List<String> markdownLinks(String md) {
    String prose = CODE_SPAN.matcher(FENCE.matcher(md).replaceAll("")).replaceAll("");
    List<String> out = new ArrayList<>();
    Matcher m = MD_LINK.matcher(prose);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
