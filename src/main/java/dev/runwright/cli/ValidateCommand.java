package dev.runwright.cli;

import dev.runwright.config.YamlReader;
import dev.runwright.usecase.Validate;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

  @Mixin StrictOption strict;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Validate.Result r =
        Validate.run(
            input.request().strict(strict.strict),
            !input.noFollowUps,
            Runtime.getRuntime().availableProcessors());
    r.warnings().forEach(err::println);
    if (!top.quiet) {
      r.notes().forEach(n -> err.println("note: " + n));
      spec.commandLine()
          .getOut()
          .println(
              (input.config == null
                      ? "The flags"
                      : YamlReader.shown(input.config, input.config.toString()))
                  + " valid: "
                  + r.runbooks()
                  + " runbook"
                  + (r.runbooks() == 1 ? "" : "s")
                  + ", "
                  + r.files()
                  + " files would be written");
    }
    return ExitCode.OK;
  }
}
