package dev.runwright.cli;

import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import dev.runwright.render.Assets;
import dev.runwright.render.TemplateRoots;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runwright templates}: work with template folders. */
@Command(
    name = "templates",
    addMethodSubcommands = false,
    header = "Work with template folders (export the built-ins).",
    mixinStandardHelpOptions = true,
    description = "Works with template folders.",
    footer = {
      "",
      "Example:",
      "  runwright templates export my-templates --pack kms-policy",
      "  runwright generate --config runbook.yaml --templates my-templates --out out"
    },
    subcommands = {TemplatesCommand.Export.class})
final class TemplatesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code runwright templates export DIR}: the built-ins as a starting point. */
  @Command(
      name = "export",
      addMethodSubcommands = false,
      header = "Write the built-in templates out as a starting point.",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the built-in templates into DIR as a starting point: edit a file there and pass"
            + " --templates DIR; files you delete fall back to the built-ins. Existing files are"
            + " not overwritten unless --force."
      },
      footer = {
        "",
        "Examples:",
        "  runwright templates export my-templates",
        "  runwright templates export my-templates --pack kms-policy"
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder to write the templates into.")
    Path dir;

    @Option(
        names = "--pack",
        paramLabel = "ID",
        description = "Only this pack, with the shared common/ templates it imports.")
    String pack;

    @Option(names = "--force", description = "Overwrite files that already exist in DIR.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      List<String> names = new ArrayList<>();
      for (String name : TemplateRoots.builtinNames()) {
        if (pack == null || name.startsWith(pack + "/") || name.startsWith("common/")) {
          names.add(name);
        }
      }
      if (pack != null && names.stream().noneMatch(n -> n.startsWith(pack + "/"))) {
        List<String> ids = new TemplateRoots(List.of()).packIds();
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--pack: there is no built-in pack \""
                + pack
                + "\""
                + dev.runwright.config.Suggest.hint(pack, ids)
                + " (built-in packs: "
                + String.join(", ", ids)
                + ")");
      }
      List<OutputFiles.Output> files = new ArrayList<>();
      for (String name : names) {
        try (InputStream in = TemplateRoots.openBuiltin(name)) {
          files.add(new OutputFiles.Output(name, in.readAllBytes()));
        }
      }
      if (pack == null) {
        for (String a : Assets.FILES) {
          files.add(new OutputFiles.Output("assets/" + a, Assets.bytes(a)));
        }
      }
      List<String> existing = new ArrayList<>();
      for (OutputFiles.Output f : files) {
        if (Files.exists(dir.resolve(f.path()))) {
          existing.add(f.path());
        }
      }
      if (!existing.isEmpty() && !force) {
        throw new OutputException(
            dir
                + " already has "
                + existing.size()
                + " of these files ("
                + existing.get(0)
                + (existing.size() > 1 ? ", ..." : "")
                + "); add --force to overwrite them");
      }
      OutputFiles.write(dir, files, dir.toString(), "");
      if (((RunwrightCommand) spec.root().userObject()).quiet) {
        return ExitCode.OK;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Wrote "
              + files.size()
              + " template files to "
              + dir
              + ". Use them with: runwright generate --templates "
              + dir
              + " ...");
      return ExitCode.OK;
    }
  }
}
