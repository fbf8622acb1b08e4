package dev.runwright.site;

import dev.runwright.render.Escape;
import java.util.List;
import java.util.Locale;

/**
 * The text of a MkDocs bundle's {@code mkdocs.yml} and, for Backstage TechDocs, its {@code
 * catalog-info.yaml}. Every value is a double-quoted YAML scalar ({@link Escape#yamlString}); the
 * nav follows the site index: account, Region, runbook, then the overview and the steps. Titles
 * MkDocs shows (the site name, the nav) are HTML-escaped first ({@link #title}).
 */
final class MkDocsConfig {
  private MkDocsConfig() {}

  /**
   * Backstage's entity names: letters and digits, runs joined by one of {@code -_.}, 63 at most.
   */
  static final int MAX_NAME = 63;

  static String mkdocsYml(IndexModel model, MkDocsTarget.Options options, String source) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("# Written by ").append(model.generator()).append(" from ").append(source);
    sb.append(": publish again rather than edit it here.\n");
    sb.append("site_name: ").append(t(model.site().title())).append('\n');
    sb.append("docs_dir: docs\n");
    sb.append("theme:\n  name: ").append(options.theme().id()).append('\n');
    if (options.theme() == MkDocsTarget.Theme.MATERIAL) {
      sb.append("  features:\n    - navigation.indexes\n");
    }
    sb.append("markdown_extensions:\n");
    sb.append("  - admonition\n  - tables\n  - sane_lists\n  - toc:\n      permalink: true\n");
    if (options.theme().dialect() == PythonMarkdown.Dialect.MATERIAL) {
      sb.append("  - pymdownx.highlight\n  - pymdownx.superfences\n");
      sb.append("  - pymdownx.tabbed:\n      alternate_style: true\n");
      sb.append("  - pymdownx.tasklist:\n      custom_checkbox: true\n");
    } else {
      sb.append("  - fenced_code\n");
    }
    sb.append("nav:\n  - ").append(t("Home")).append(": ").append(q("index.md")).append('\n');
    for (IndexModel.AccountGroup g : model.groups()) {
      String account = g.account().isEmpty() ? "Other runbooks" : "Account " + g.account();
      sb.append("  - ").append(t(account)).append(":\n");
      for (IndexModel.RegionGroup r : g.regions()) {
        String region = r.region().isEmpty() ? "Other" : r.region() + " · " + r.regionName();
        sb.append("      - ").append(t(region)).append(":\n");
        for (IndexEntry e : r.entries()) {
          runbook(sb, e);
        }
      }
    }
    return sb.toString();
  }

  /** A runbook: a section with its overview and steps, or one page when it has a single step. */
  private static void runbook(StringBuilder sb, IndexEntry e) {
    String pad = "          ";
    boolean single =
        e.steps().isEmpty() || e.steps().size() == 1 && e.steps().get(0).href().equals(e.href());
    if (single) {
      sb.append(pad).append("- ").append(t(e.id() + " · " + e.title())).append(": ");
      sb.append(q(e.href())).append('\n');
      return;
    }
    sb.append(pad).append("- ").append(t(e.id())).append(":\n");
    sb.append(pad).append("    - ").append(t("Overview")).append(": ").append(q(e.href()));
    sb.append('\n');
    List<IndexEntry.StepLink> steps = e.steps();
    for (int i = 0; i < steps.size(); i++) {
      IndexEntry.StepLink s = steps.get(i);
      sb.append(pad).append("    - ").append(t((i + 1) + ". " + s.title())).append(": ");
      sb.append(q(s.href())).append('\n');
    }
  }

  static String catalogInfo(IndexModel model, MkDocsTarget.Options options, String source) {
    String title = model.site().title();
    return "# Written by "
        + model.generator()
        + " from "
        + source
        + ": publish again rather than edit it here.\n"
        + "apiVersion: backstage.io/v1alpha1\n"
        + "kind: Component\n"
        + "metadata:\n"
        + "  name: "
        + q(entityName(title))
        + "\n  title: "
        + q(title)
        + "\n  description: "
        + q(
            model.site().count()
                + (model.site().count() == 1 ? " runbook" : " runbooks")
                + " published by Runwright from "
                + source)
        + "\n  annotations:\n"
        + "    backstage.io/techdocs-ref: \"dir:.\"\n"
        + "spec:\n"
        + "  type: documentation\n"
        + "  lifecycle: production\n"
        + "  owner: "
        + q(options.owner())
        + "\n";
  }

  /** The title as a Backstage entity name: "Payments platform runbooks" to payments-platform-... */
  static String entityName(String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_NAME) {
      slug = slug.substring(0, MAX_NAME).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "runbooks" : slug;
  }

  /**
   * A title as MkDocs shows it: HTML-escaped, because MkDocs 1.4's themes and mkdocs-material put
   * titles from {@code mkdocs.yml} and front matter into the page without escaping them (a
   * placeholder such as {@code <your-cluster-id>} would otherwise vanish as an unknown tag), then
   * quoted for YAML.
   */
  static String title(String s) {
    return Escape.yamlString(Escape.html(s));
  }

  private static String t(String s) {
    return title(s);
  }

  private static String q(String s) {
    return Escape.yamlString(s);
  }
}
