package dev.runwright.site;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The publish targets, by name, and how to tell which one a folder was published with. A new target
 * is one class and one entry here.
 */
public final class PublishTargets {
  private PublishTargets() {}

  /**
   * A target as {@code check} finds it.
   *
   * @param name its name ({@code check --target NAME})
   * @param recognises whether a folder looks like its output
   * @param forFolder the target as that folder was published with (a wiki's host, a bundle's
   *     theme), for a folder it recognises or is told holds its output
   */
  private record Entry(
      String name, Predicate<Path> recognises, Function<Path, PublishTarget> forFolder) {}

  /** In the order {@link #forFolder} asks them; the static site, which has no marker, last. */
  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "confluence", ConfluencePagesTarget::isOutput, out -> new ConfluencePagesTarget()),
          new Entry("mkdocs", MkDocsTarget::isOutput, MkDocsTarget::forFolder),
          new Entry(
              "github-wiki",
              out -> isWiki(out, WikiTarget.Host.GITHUB),
              out -> new WikiTarget(WikiTarget.Host.GITHUB)),
          new Entry(
              "gitlab-wiki",
              out -> isWiki(out, WikiTarget.Host.GITLAB),
              out -> new WikiTarget(WikiTarget.Host.GITLAB)),
          new Entry("site", out -> true, out -> new StaticSiteTarget()));

  /** Every built-in target's name, for messages and {@code check --target}. */
  public static final List<String> NAMES =
      List.of("site", "github-wiki", "gitlab-wiki", "mkdocs", "confluence");

  /** The target called {@code name} with its default settings, or {@code null}. */
  public static PublishTarget get(String name) {
    return switch (name) {
      case "site" -> new StaticSiteTarget();
      case "github-wiki" -> new WikiTarget(WikiTarget.Host.GITHUB);
      case "gitlab-wiki" -> new WikiTarget(WikiTarget.Host.GITLAB);
      case "mkdocs" -> new MkDocsTarget(MkDocsTarget.Options.DEFAULT);
      case "confluence" -> new ConfluencePagesTarget();
      default -> null;
    };
  }

  /**
   * The target called {@code name} with the settings {@code out} was published with (a MkDocs
   * bundle's theme and TechDocs descriptor), or {@code null} for an unknown name.
   */
  public static PublishTarget get(String name, Path out) {
    for (Entry e : ENTRIES) {
      if (e.name().equals(name)) {
        return e.forFolder().apply(out);
      }
    }
    return null;
  }

  /**
   * The target {@code out} looks like it was published with: a Confluence bundle has a pages.json,
   * a MkDocs bundle a mkdocs.yml, a wiki its home page (GitHub's or GitLab's, as {@link
   * WikiTarget#forFolder} tells), anything else is a site.
   */
  public static PublishTarget forFolder(Path out) {
    for (Entry e : ENTRIES) {
      if (e.recognises().test(out)) {
        return e.forFolder().apply(out);
      }
    }
    return new StaticSiteTarget();
  }

  private static boolean isWiki(Path out, WikiTarget.Host host) {
    return WikiTarget.isWiki(out) && WikiTarget.forFolder(out).host() == host;
  }
}
