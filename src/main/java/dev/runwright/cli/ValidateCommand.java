package dev.runwright.cli;

import dev.runwright.config.ConfigLoader;
import dev.runwright.config.YamlReader;
import dev.runwright.core.Runwright;
import dev.runwright.render.FreeMarkerEngine;
import dev.runwright.render.TemplateError;
import dev.runwright.render.TemplateRoots;
import dev.runwright.site.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runwright validate}: checks input and templates without writing anything. */
@Command(
    name = "validate",
    addMethodSubcommands = false,
    header = "Check input and templates without writing anything.",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a runbook file or an inventory, and the templates, without writing anything:"
          + " every value, every pack manifest and template, and every policy the templates"
          + " produce. Problems are reported with the YAML line and column."
    },
    footer = {
      "",
      "Examples:",
      "  runwright validate --config runbook.yaml",
      "  runwright validate --config site/site.yaml --templates my-templates"
    })
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  /** Parses every template in the user's folders, so that all syntax errors show at once. */
  private static void checkEveryTemplate(List<Path> dirs) {
    TemplateRoots roots = new TemplateRoots(dirs);
    FreeMarkerEngine engine = new FreeMarkerEngine(roots);
    List<String> problems = new ArrayList<>();
    for (String name : roots.userTemplateNames()) {
      try {
        engine.check(name);
      } catch (TemplateError e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new TemplateError(String.join("\n", problems));
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    int runbooks;
    int files;
    boolean inventory = false;
    List<Path> templateDirs = new ArrayList<>(input.templateDirs());
    if (input.config != null) {
      ConfigLoader.Config c =
          new ConfigLoader(new YamlReader(input.maxInputBytes()))
              .load(input.config, input.config.toString());
      inventory = input.id == null && c instanceof ConfigLoader.Inventory;
      templateDirs.addAll(c.templates());
    }
    checkEveryTemplate(templateDirs);
    if (inventory) {
      SiteBuilder.Prepared p =
          SiteBuilder.prepare(
              SiteBuilder.Kind.SITE,
              input.config,
              YamlReader.shown(input.config, input.config.toString()),
              input.templateDirs(),
              false,
              !input.noFollowUps,
              input.maxInputBytes());
      AtomicInteger count = new AtomicInteger();
      SiteBuilder.render(
          p,
          SiteBuilder.Kind.SITE,
          (rel, bytes) -> count.incrementAndGet(),
          Runtime.getRuntime().availableProcessors(),
          SiteBuilder.Progress.NONE);
      p.warnings().forEach(err::println);
      if (!top.quiet) {
        SiteBuilder.runbookNotes(p.runbooks()).forEach(n -> err.println("note: " + n));
      }
      runbooks = p.runbooks().size();
      files = count.get();
    } else {
      Runwright.Rendered r = Runwright.render(input.request(java.nio.file.Path.of("."), "."));
      r.warnings().forEach(err::println);
      if (!top.quiet) {
        r.notes().forEach(n -> err.println("note: " + n));
      }
      runbooks = 1;
      files = r.files().size();
    }
    if (!top.quiet) {
      spec.commandLine()
          .getOut()
          .println(
              (input.config == null
                      ? "The flags"
                      : YamlReader.shown(input.config, input.config.toString()))
                  + " valid: "
                  + runbooks
                  + " runbook"
                  + (runbooks == 1 ? "" : "s")
                  + ", "
                  + files
                  + " files would be written");
    }
    return ExitCode.OK;
  }
}
