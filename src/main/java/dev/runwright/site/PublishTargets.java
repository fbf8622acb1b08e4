package dev.runwright.site;

import java.util.List;

/** The publish targets, by name. A new target is one class and one entry here. */
public final class PublishTargets {
  private PublishTargets() {}

  /** Every built-in target's name, for messages and {@code check --target}. */
  public static final List<String> NAMES = List.of("site", "github-wiki", "gitlab-wiki");

  /** The target called {@code name}, or {@code null}. */
  public static PublishTarget get(String name) {
    return switch (name) {
      case "site" -> new StaticSiteTarget();
      case "github-wiki" -> new WikiTarget(WikiTarget.Host.GITHUB);
      case "gitlab-wiki" -> new WikiTarget(WikiTarget.Host.GITLAB);
      default -> null;
    };
  }
}
