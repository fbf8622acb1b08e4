package dev.runwright.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runwright.config.YamlReader;
import dev.runwright.pack.InputSchema;
import dev.runwright.pack.PackCatalog;
import dev.runwright.render.TemplateRoots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runwright schema}: the JSON Schema of the YAML input. */
@Command(
    name = "schema",
    addMethodSubcommands = false,
    header = "Print the JSON Schema of the YAML input.",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the JSON Schema (2020-12) of Runwright's YAML input, a single runbook or an"
          + " inventory, with every pack's parameters. Editors use it through a"
          + " '# yaml-language-server: $schema=...' line. The built-in packs' schema is also in"
          + " the repository as schema/runwright.schema.json."
    },
    footer = {
      "",
      "Examples:",
      "  runwright schema > runwright.schema.json",
      "  runwright schema --templates my-templates > runwright.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-t", "--templates"},
      paramLabel = "DIR",
      converter = TemplateFolder.class,
      description = "Include the packs of these template folders. Repeatable.")
  List<Path> templates;

  @Override
  public Integer call() throws Exception {
    spec.commandLine().getOut().print(text(templates == null ? List.of() : templates));
    return ExitCode.OK;
  }

  /** The schema as it is printed and committed. */
  static String text(List<Path> templateDirs) throws Exception {
    PackCatalog catalog = new PackCatalog(new TemplateRoots(templateDirs), new YamlReader());
    return JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(InputSchema.of(catalog))
            .replace("\r\n", "\n")
        + "\n";
  }
}
