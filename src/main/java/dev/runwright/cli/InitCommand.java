package dev.runwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import dev.runwright.pack.InputSchema;
import dev.runwright.pack.PackCatalog;
import dev.runwright.pack.StarterYaml;
import dev.runwright.render.TemplateRoots;
import java.io.IOException;
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

/** {@code runwright init}: a commented starter YAML that validates. */
@Command(
    name = "init",
    addMethodSubcommands = false,
    header = "Write a commented starter YAML that validates.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a commented starter YAML (one runbook, or an inventory with --inventory) that"
          + " validates as it is, with every parameter of the pack explained, and the JSON Schema"
          + " beside it for editors (runwright.schema.json)."
    },
    footer = {
      "",
      "Examples:",
      "  runwright init                      # runwright.yaml",
      "  runwright init --inventory          # inventory.yaml",
      "  runwright init --pack s3-load --templates my-templates s3.yaml",
      "  runwright init --stdout"
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "Where to write it (default: runwright.yaml, or inventory.yaml).")
  Path file;

  @Option(names = "--pack", paramLabel = "ID", description = "The pack (default: kms-policy).")
  String pack = PackCatalog.DEFAULT_PACK;

  @Option(names = "--inventory", description = "Write an inventory for site and wiki.")
  boolean inventory;

  @Option(
      names = {"-t", "--templates"},
      paramLabel = "DIR",
      converter = TemplateFolder.class,
      description = "Template folders with your own packs. Repeatable.")
  List<Path> templates;

  @Option(names = "--stdout", description = "Print the YAML instead of writing files.")
  boolean stdout;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    List<Path> dirs = templates == null ? List.of() : templates;
    PackCatalog catalog = new PackCatalog(new TemplateRoots(dirs), new YamlReader());
    var procedure = catalog.procedure(pack, Position.flag("--pack"));
    var params = procedure.parameters();
    java.util.Set<String> filled = new java.util.LinkedHashSet<>();
    for (var r : procedure.head().requires()) {
      if (r.when().tests().isEmpty()) {
        filled.add(r.anyOf().get(0));
      }
    }
    params.values().stream()
        .filter(p -> p.whenMissing() != null && p.example() != null)
        .forEach(p -> filled.add(p.name()));
    Path target = file != null ? file : Path.of(inventory ? "inventory.yaml" : "runwright.yaml");
    // The folders go into the file, relative to it, so that validate and generate find the pack.
    Path base = stdout ? Path.of("").toAbsolutePath() : target.toAbsolutePath().getParent();
    List<String> relative = new ArrayList<>();
    for (Path d : dirs) {
      String rel = base.relativize(d.toAbsolutePath().normalize()).toString().replace('\\', '/');
      relative.add(rel.isEmpty() ? "." : rel);
    }
    String yaml =
        StarterYaml.write(pack, params, inventory, "runwright.schema.json", relative, filled);
    if (stdout) {
      spec.commandLine().getOut().print(yaml);
      return ExitCode.OK;
    }
    if (Files.exists(target) && !force) {
      throw new OutputException(target + " already exists; add --force to overwrite it");
    }
    Path dir = target.toAbsolutePath().getParent();
    List<OutputFiles.Output> files = new ArrayList<>();
    files.add(OutputFiles.Output.text(target.getFileName().toString(), yaml));
    Path schemaFile = dir.resolve("runwright.schema.json");
    String note = null;
    if (!Files.exists(schemaFile) || force) {
      files.add(OutputFiles.Output.text("runwright.schema.json", SchemaCommand.text(dirs)));
    } else {
      switch (schemaState(schemaFile, pack)) {
        case KNOWS_PACK -> {}
        case LACKS_PACK -> {
          // An earlier init's schema, without this pack: the new file would not validate in an
          // editor. Runwright wrote it and can write it again, so it is brought up to date.
          files.add(OutputFiles.Output.text("runwright.schema.json", SchemaCommand.text(dirs)));
          note = "updated " + schemaFile + " so that it knows pack " + pack;
        }
        case NOT_OURS ->
            note =
                "kept "
                    + schemaFile
                    + ", which Runwright did not write; editors will check "
                    + target.getFileName()
                    + " against it (write Runwright's with: runwright schema)";
      }
    }
    OutputFiles.write(dir, files, dir.toString(), "");
    if (note != null) {
      spec.commandLine().getErr().println("note: " + note);
    }
    if (((RunwrightCommand) spec.root().userObject()).quiet) {
      return ExitCode.OK;
    }
    spec.commandLine()
        .getOut()
        .println(
            "Wrote "
                + target
                + ". Edit it, then: runwright "
                + (inventory ? "site" : "generate")
                + " --config "
                + target
                + (inventory ? " --out public" : " --out out"));
    return ExitCode.OK;
  }

  private enum SchemaState {
    KNOWS_PACK,
    LACKS_PACK,
    NOT_OURS
  }

  /** Whether an existing schema file is Runwright's, and whether it knows {@code pack}. */
  private static SchemaState schemaState(Path file, String pack) {
    JsonNode schema;
    try {
      schema = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      return SchemaState.NOT_OURS;
    }
    if (schema == null || !InputSchema.ID.equals(schema.path("$id").asText())) {
      return SchemaState.NOT_OURS;
    }
    JsonNode packs = schema.at("/$defs/runbook/properties/pack/enum");
    for (JsonNode p : packs) {
      if (pack.equals(p.asText())) {
        return SchemaState.KNOWS_PACK;
      }
    }
    return SchemaState.LACKS_PACK;
  }
}
