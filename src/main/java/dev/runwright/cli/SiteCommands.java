package dev.runwright.cli;

import dev.runwright.site.PublishTarget;
import dev.runwright.site.StaticSiteTarget;
import dev.runwright.site.WikiTarget;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The two publishing commands. */
final class SiteCommands {
  private SiteCommands() {}

  /** {@code runwright site}. */
  @Command(
      name = "site",
      addMethodSubcommands = false,
      header = "Publish an inventory as a static site.",
      mixinStandardHelpOptions = true,
      description = {
        "Builds an inventory into a static site: index.html (grouped by account and Region, with"
            + " a filter box), a folder per runbook with its pages, policies and Markdown, shared"
            + " assets, 404.html and, with baseUrl, sitemap.xml. Every link is relative.",
        "The site is built beside --out and swapped in only when everything succeeded; runbooks"
            + " removed from the inventory disappear, files you put in the folder stay."
      },
      footer = {
        "",
        "Example:",
        "  runwright site --config site/site.yaml --out public",
        "  runwright site --config fleet.yaml --out public --redact-accounts"
      })
  static final class Site extends PublishCommand {
    @Option(
        names = {"-o", "--out"},
        paramLabel = "DIR",
        defaultValue = "public",
        description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    PublishTarget target() {
      return new StaticSiteTarget();
    }

    @Override
    Path out() {
      return out;
    }
  }

  /** {@code runwright wiki}. */
  @Command(
      name = "wiki",
      addMethodSubcommands = false,
      header = "Publish an inventory as GitHub or GitLab wiki pages.",
      mixinStandardHelpOptions = true,
      description = {
        "Builds an inventory into flat GitHub or GitLab wiki pages: Home.md, _Sidebar.md (on"
            + " GitLab home.md, _sidebar.md) and one page per runbook and step, with wiki links."
            + " Point --out at a clone of the wiki repository; its .git and your own pages are"
            + " kept."
      },
      footer = {"", "Example:", "  runwright wiki --config site/site.yaml --out ../myrepo.wiki"})
  static final class Wiki extends PublishCommand {
    @Option(
        names = {"-o", "--out"},
        paramLabel = "DIR",
        defaultValue = "wiki",
        description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The wiki's host, which decides the names of the home page and the sidebar. */
    enum Host {
      github,
      gitlab
    }

    @Option(
        names = "--host",
        paramLabel = "HOST",
        description =
            "github or gitlab (default: gitlab when --out holds home.md or is a clone of a GitLab"
                + " wiki, else github).")
    Host host;

    @Override
    PublishTarget target() {
      if (host == null) {
        return WikiTarget.forFolder(out);
      }
      return new WikiTarget(host == Host.gitlab ? WikiTarget.Host.GITLAB : WikiTarget.Host.GITHUB);
    }

    @Override
    Path out() {
      return out;
    }
  }
}
