package dev.runwright.cli;

import dev.runwright.config.YamlReader;
import dev.runwright.core.Inputs;
import dev.runwright.site.Carried;
import dev.runwright.site.PublishTarget;
import dev.runwright.site.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runwright site} and {@code runwright wiki}: an inventory published as a whole. */
abstract class PublishCommand implements Callable<Integer> {
  @ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      required = true,
      description = "The inventory YAML (title, defaults, runbooks); - reads standard input.")
  Path config;

  @Mixin TemplatesOption templates;

  @Mixin RedactOption redact;

  @Mixin StrictOption strict;

  @Mixin InputSizeOption size;

  @Option(
      names = "--force",
      description =
          "Publish into a non-empty folder that Runwright did not publish before. Its files are"
              + " kept, except ones with the same name as a published file, which are named.")
  boolean force;

  @Option(
      names = "--no-follow-ups",
      description = "Only the first step of each runbook: no other steps and no overview.")
  boolean noFollowUps;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Threads that render runbooks (default: the number of processors).")
  int jobs = Runtime.getRuntime().availableProcessors();

  abstract PublishTarget target();

  /** The inventory, as the core reads it. */
  Inputs.Request input() {
    return Inputs.Request.inventory(
        config,
        YamlReader.shown(config, config.toString()),
        templates.dirs(),
        size.bytes(),
        strict.strict);
  }

  abstract Path out();

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    SiteBuilder.Progress progress = top.quiet ? new Quiet(err) : new TerminalProgress(err, t0);
    Inputs.Request input = input();
    SiteBuilder.Result r =
        SiteBuilder.build(
            new SiteBuilder.Request(
                target(),
                input,
                out(),
                out().toString(),
                force,
                redact.redact,
                !noFollowUps,
                Math.max(1, jobs),
                progress));
    if (progress instanceof TerminalProgress tp) {
      tp.clear();
    }
    r.warnings().forEach(err::println);
    if (!top.quiet) {
      r.notes().forEach(n -> err.println("note: " + n));
    }
    r.kept().replaced().forEach(f -> err.println("replaced " + out().resolve(f)));
    if (top.verbose) {
      r.timings().forEach((phase, ms) -> err.println(phase + ": " + ms + " ms"));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!top.quiet) {
      PrintWriter o = spec.commandLine().getOut();
      o.println(
          String.format(
              Locale.ROOT,
              "Built %d runbook%s (%d files) in %.1f s%s: %s",
              r.runbooks(),
              r.runbooks() == 1 ? "" : "s",
              r.files(),
              seconds,
              kept(r.kept()),
              out().resolve(r.start())));
    }
    return ExitCode.OK;
  }

  /** No progress, but the line that says what an interruption cleaned up, even with -q. */
  private record Quiet(PrintWriter err) implements SiteBuilder.Progress {
    @Override
    public void update(int done, int total) {}

    @Override
    public void interrupted(String line) {
      err.println(line);
      err.flush();
    }
  }

  /**
   * ", kept .git and 2 of your own files (notes.md, CNAME)", or nothing: git's own files are not
   * counted as the user's, and a few files are named so the user can tell they are the right ones.
   */
  static String kept(Carried kept) {
    List<String> parts = new ArrayList<>();
    if (kept.git()) {
      parts.add(".git");
    }
    if (kept.files() > 0) {
      parts.add(
          kept.files()
              + " of your own files"
              + (kept.files() <= Carried.SHOWN
                  ? " (" + String.join(", ", kept.first()) + ")"
                  : ""));
    }
    return parts.isEmpty() ? "" : ", kept " + String.join(" and ", parts);
  }
}
