package dev.runwright.cli;

import dev.runwright.site.DriftCheck;
import dev.runwright.site.PublishTarget;
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
      "A runbook file is checked as generate would write it; an inventory as site would publish"
          + " it, or as wiki with --wiki (the default when --out holds a Home.md, or GitLab's"
          + " home.md)."
    },
    footer = {
      "",
      "Examples:",
      "  runwright check --config runbook.yaml --out out",
      "  runwright check --config site/site.yaml --out public",
      "  runwright check --config site/site.yaml --out ../payments.wiki --wiki"
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
    @Option(names = "--site", description = "Compare an inventory as a site (the default).")
    boolean site;

    @Option(names = "--wiki", description = "Compare an inventory as wiki pages.")
    boolean wiki;
  }

  @Mixin RedactOption redact;

  @Mixin StrictOption strict;

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
    PublishTarget target =
        mode == null ? null : mode.wiki ? WikiTarget.forFolder(out) : new StaticSiteTarget();
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
