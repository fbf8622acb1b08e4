package dev.runwright.cli;

import dev.runwright.site.DriftCheck;
import dev.runwright.site.PublishTarget;
import dev.runwright.site.PublishTargets;
import dev.runwright.site.StaticSiteTarget;
import dev.runwright.site.WikiTarget;
import dev.runwright.usecase.Check;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runwright check}: is what is on disk what Runwright would write now? */
@Command(
    name = "check",
    addMethodSubcommands = false,
    header = "Check that the files on disk are what Runwright would write.",
    mixinStandardHelpOptions = true,
    description = {
      "Regenerates in memory and compares with the files in --out, for CI: exit 0 when they are"
          + " identical, 1 with a unified diff and the lists of missing and extra files when not."
          + " Nothing is written.",
      "In the diff, a/ is the file on disk and b/ what Runwright would write now: lines marked -"
          + " would go, lines marked + would come.",
      "A runbook file is checked as generate would write it; an inventory as its --target"
          + " publishes it: site, github-wiki, gitlab-wiki, mkdocs or confluence. Without"
          + " --target, the folder says: a pages.json means a Confluence bundle, a mkdocs.yml a"
          + " MkDocs bundle (its theme and catalog-info.yaml as they are there), a Home.md or"
          + " home.md a wiki, anything else a site."
    },
    footer = {
      "",
      "Examples:",
      "  runwright check --config runbook.yaml --out out",
      "  runwright check --config site/site.yaml --out public",
      "  runwright check --config site/site.yaml --out ../payments.wiki --target github-wiki",
      "  runwright check --config site/site.yaml --out docs-site --target mkdocs"
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "The folder to compare with.")
  Path out;

  @ArgGroup(exclusive = true)
  Mode mode;

  static final class Mode {
    @Option(
        names = "--target",
        paramLabel = "TARGET",
        completionCandidates = TargetNames.class,
        description =
            "What --out was published as: site, github-wiki, gitlab-wiki, mkdocs or confluence"
                + " (default: as the folder shows).")
    String target;

    @Option(names = "--site", description = "Short for --target site.")
    boolean site;

    @Option(
        names = "--wiki",
        description = "Compare as wiki pages, GitHub's or GitLab's as the folder shows.")
    boolean wiki;
  }

  /** The targets' names, for completion. */
  static final class TargetNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return PublishTargets.NAMES.iterator();
    }
  }

  @Mixin RedactOption redact;

  @Mixin StrictOption strict;

  /** The target --out is compared as, or null to tell from the folder. */
  private PublishTarget target() {
    if (mode == null) {
      return null;
    }
    if (mode.wiki) {
      return WikiTarget.forFolder(out);
    }
    if (mode.site) {
      return new StaticSiteTarget();
    }
    PublishTarget t = PublishTargets.get(mode.target, out);
    if (t == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--target: \""
              + mode.target
              + "\" is not a publish target; expected one of "
              + String.join(", ", PublishTargets.NAMES));
    }
    return t;
  }

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    if (!Files.isDirectory(out)) {
      o.println(
          "Out of date: "
              + out
              + (Files.exists(out) ? " is not a folder" : " does not exist")
              + "; nothing to compare with (generate or publish it first)");
      return ExitCode.FINDINGS;
    }
    PublishTarget target = target();
    DriftCheck.Report report =
        Check.run(
            new Check.Request(
                input.request().strict(strict.strict),
                out,
                target,
                redact.redact,
                !input.noFollowUps,
                Runtime.getRuntime().availableProcessors()));
    report.changed().values().forEach(o::print);
    List<String> lines = new ArrayList<>();
    report.missing().forEach(f -> lines.add("missing: " + out.resolve(f)));
    report.extra().forEach(f -> lines.add("extra: " + out.resolve(f)));
    report.changed().keySet().forEach(f -> lines.add("changed: " + out.resolve(f)));
    lines.forEach(o::println);
    if (!top.quiet) {
      o.println(
          report.clean()
              ? "Up to date: " + report.compared() + " files in " + out + " match the input"
              : "Out of date: "
                  + report.changed().size()
                  + " changed, "
                  + report.missing().size()
                  + " missing, "
                  + report.extra().size()
                  + " extra in "
                  + out
                  + "; regenerate to update");
    }
    return report.clean() ? ExitCode.OK : ExitCode.FINDINGS;
  }
}
