package dev.runwright.cli;

import dev.runwright.confluence.BundlePage;
import dev.runwright.confluence.ConfluenceBundle;
import dev.runwright.confluence.ConfluenceException;
import dev.runwright.confluence.ConfluencePublisher;
import dev.runwright.confluence.ConfluenceTarget;
import dev.runwright.confluence.PublishResult;
import dev.runwright.site.ConfluencePagesTarget;
import dev.runwright.site.PublishTarget;
import dev.runwright.site.SiteBuilder;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code runwright confluence}: an inventory as a Confluence bundle and, with {@code --url}, the
 * bundle published to a space. The token comes only from an environment variable.
 */
@Command(
    name = "confluence",
    addMethodSubcommands = false,
    header = "Publish an inventory as Confluence pages.",
    mixinStandardHelpOptions = true,
    description = {
      "Builds an inventory into a Confluence bundle in --out: one storage-format page per runbook"
          + " overview and step (<key>.xml), home.xml, and pages.json (key, title, parent, labels"
          + " and hash of every page). Titles start with the runbook id, as they must be unique in"
          + " a space; each page says it is generated from the inventory.",
      "With --url, --space and --parent it then publishes the bundle under that page (Cloud:"
          + " *.atlassian.net with --user and an API token; Data Center: a personal access token)."
          + " Pages are found by a property holding their key, so they keep their ids when titles"
          + " change; a page is written only when it changed, so a second run writes nothing;"
          + " pages Runwright did not create are never touched and nothing is ever deleted.",
      "The token is read from the environment variable --token-env names, never from a flag."
          + " --dry-run prints the plan (create, update, unchanged, left alone) and writes"
          + " nothing, not even --out; --check does the same and exits 1 when something would"
          + " change. When a publish stops midway it says what was done and what was not; run it"
          + " again to finish."
    },
    footer = {
      "",
      "Examples:",
      "  runwright confluence --config site/site.yaml --out confluence",
      "  CONFLUENCE_TOKEN=... runwright confluence --config site/site.yaml --out confluence \\",
      "      --url https://example.atlassian.net --space OPS --parent 123456 --user ops@example.com",
      "  runwright confluence --config site/site.yaml --url https://confluence.example.com"
          + " --space OPS --parent 123456 --check"
    })
final class ConfluenceCommand extends PublishCommand {
  private final Function<String, String> env;

  ConfluenceCommand(Function<String, String> env) {
    this.env = env;
  }

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "confluence",
      description = "Output folder of the bundle (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The Confluence site to publish to: https://example.atlassian.net (Cloud) or"
              + " https://confluence.example.com[/context] (Data Center).")
  String url;

  @Option(names = "--space", paramLabel = "KEY", description = "The space key (OPS).")
  String space;

  @Option(
      names = "--parent",
      paramLabel = "PAGE_ID",
      description = "The id of the page the bundle's home page goes under.")
  String parent;

  @Option(
      names = "--user",
      paramLabel = "EMAIL",
      description = "Cloud: the email of the Atlassian account the API token belongs to.")
  String user;

  @Option(
      names = "--token-env",
      paramLabel = "NAME",
      defaultValue = "CONFLUENCE_TOKEN",
      description = "The environment variable holding the token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  /** Which REST API the site has. */
  enum Flavor {
    cloud,
    datacenter
  }

  @Option(
      names = "--flavor",
      paramLabel = "FLAVOR",
      description = "cloud or datacenter (default: cloud for *.atlassian.net, else datacenter).")
  Flavor flavor;

  /** Declared only to refuse it without echoing the token, as an unknown option would. */
  @Option(names = "--token", hidden = true, arity = "0..1", paramLabel = "TOKEN")
  String tokenGiven;

  @Option(names = "--dry-run", description = "Print the plan; write nothing anywhere.")
  boolean dryRun;

  @Option(
      names = "--check",
      description = "As --dry-run, and exit 1 when Confluence differs from the inventory.")
  boolean check;

  @Option(
      names = "--insecure-http",
      description = "Allow an http:// URL, for a test server on this machine only.")
  boolean insecureHttp;

  @Override
  PublishTarget target() {
    return new ConfluencePagesTarget();
  }

  @Override
  Path out() {
    return out;
  }

  @Override
  public Integer call() {
    if (tokenGiven != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--token: the token is never given as a flag, where shell history and CI logs keep it;"
              + " put it in the environment variable "
              + tokenEnv
              + " (or the one --token-env names)");
    }
    if (url == null) {
      requireNoPublishOptions();
      return super.call();
    }
    ConfluenceTarget site = site();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String token = env.apply(tokenEnv);
    if (token == null || token.isBlank()) {
      // Before anything is built: the publisher would refuse it too, after the bundle was written.
      err.println(
          "error: environment variable "
              + tokenEnv
              + " is not set: put the Confluence API token (Cloud) or personal access token (Data"
              + " Center) in it");
      return ExitCode.INVALID_INPUT;
    }
    List<BundlePage> pages;
    try {
      if (dryRun || check) {
        pages = inMemory();
      } else {
        int built = super.call();
        if (built != ExitCode.OK) {
          return built;
        }
        pages = ConfluenceBundle.read(out);
      }
      PublishResult r = new ConfluencePublisher(site, env).publish(pages, dryRun || check);
      List<String> report = r.report();
      // --quiet keeps the summary and what went wrong, not a line per page
      (top.quiet ? report.subList(r.plan().size(), report.size()) : report).forEach(o::println);
      if (!r.ok()) {
        err.println("error: the publish to " + site.url() + " did not finish: " + r.failure());
        return ExitCode.OUTPUT;
      }
      return check && r.changes() ? ExitCode.FINDINGS : ExitCode.OK;
    } catch (ConfluenceException e) {
      e.problems().forEach(x -> err.println("error: " + x));
      return ExitCode.INVALID_INPUT;
    }
  }

  /** The bundle built in memory, for a plan that writes nothing. */
  private List<BundlePage> inMemory() {
    ConfluencePagesTarget t = new ConfluencePagesTarget();
    SiteBuilder.Prepared p = SiteBuilder.prepare(t, input(), redact.redact, !noFollowUps);
    p.warnings().forEach(spec.commandLine().getErr()::println);
    SiteBuilder.render(p, t, (rel, bytes) -> {}, out, Math.max(1, jobs), SiteBuilder.Progress.NONE);
    return t.bundle();
  }

  private ConfluenceTarget site() {
    if (space == null || parent == null) {
      throw new ParameterException(
          spec.commandLine(), "--url needs --space KEY and --parent PAGE_ID as well");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ParameterException(
          spec.commandLine(), "--url: not a URL: " + e.getReason() + "; expected https://HOST");
    }
    ConfluenceTarget.Flavor f =
        flavor == null
            ? ConfluenceTarget.Flavor.guess(uri)
            : flavor == Flavor.cloud
                ? ConfluenceTarget.Flavor.CLOUD
                : ConfluenceTarget.Flavor.DATA_CENTER;
    try {
      return new ConfluenceTarget(uri, f, space, parent, user, tokenEnv, insecureHttp);
    } catch (ConfluenceException e) {
      String m = e.getMessage();
      throw new ParameterException(
          spec.commandLine(),
          "--" + (m.startsWith("token variable:") ? "token-env" + m.substring(14) : m));
    }
  }

  /** The publishing options mean nothing without a site to publish to. */
  private void requireNoPublishOptions() {
    Map<String, Boolean> given = new LinkedHashMap<>();
    given.put("--space", space != null);
    given.put("--parent", parent != null);
    given.put("--user", user != null);
    given.put("--flavor", flavor != null);
    given.put("--dry-run", dryRun);
    given.put("--check", check);
    given.put("--insecure-http", insecureHttp);
    for (Map.Entry<String, Boolean> e : given.entrySet()) {
      if (e.getValue()) {
        throw new ParameterException(spec.commandLine(), e.getKey() + " needs --url");
      }
    }
  }
}
