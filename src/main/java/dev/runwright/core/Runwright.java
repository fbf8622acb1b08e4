package dev.runwright.core;

import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.Suggest;
import dev.runwright.config.YamlReader;
import dev.runwright.io.Manifest;
import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code generate} job, top to bottom: read the input, apply the flags, validate against the
 * packs, render every document in memory, and only then write them.
 */
public final class Runwright {
  private Runwright() {}

  /**
   * What to generate.
   *
   * @param config the YAML file, or {@code null} when only flags are given
   * @param configName the file as the user typed it
   * @param id which entry of an inventory, or {@code null}
   * @param flags parameter values from flags, by parameter name
   * @param pack a pack id from {@code --pack}, or {@code null}
   * @param templateDirs template folders from {@code --templates}, searched before the YAML's
   * @param out the output folder
   * @param outName the output folder as the user typed it
   * @param maxInputBytes the largest input file accepted
   * @param followUps whether to write the follow-up steps too
   */
  public record GenerateRequest(
      Path config,
      String configName,
      String id,
      Map<String, Node> flags,
      String pack,
      List<Path> templateDirs,
      Path out,
      String outName,
      long maxInputBytes,
      boolean followUps) {}

  /**
   * What a generate run did.
   *
   * @param warnings problems that did not stop the run
   * @param notes things the user should know, such as placeholders left in a runbook
   * @param files what was written and what was already up to date
   * @param removed files an earlier run wrote that this one does not, now deleted
   * @param start the file to open first
   */
  public record GenerateResult(
      List<Diagnostic> warnings,
      List<String> notes,
      OutputFiles.Result files,
      List<String> removed,
      String start) {}

  /** Everything {@code generate} would write, rendered but not written. */
  public record Rendered(
      List<Diagnostic> warnings,
      List<String> notes,
      List<OutputFiles.Output> files,
      String start) {}

  /**
   * Runs {@code generate}.
   *
   * @throws InvalidInputException when the input is wrong; nothing is written
   * @throws dev.runwright.render.TemplateError when a template fails; nothing is written
   * @throws dev.runwright.pack.PackException when a pack is wrong; nothing is written
   * @throws dev.runwright.io.OutputException when the output cannot be written
   */
  public static GenerateResult generate(GenerateRequest req) {
    OutputFiles.checkFolder(req.out(), req.outName());
    Rendered r = render(req);
    Path out = req.out().toAbsolutePath().normalize();
    // The files an earlier generate wrote here and this one does not (the follow-ups after
    // --no-follow-ups, another pack's runbooks) would contradict the new ones: they go.
    Set<String> before;
    try {
      before = Manifest.read(out);
    } catch (IOException e) {
      throw new OutputException(
          "cannot read " + req.outName() + "/" + Manifest.NAME + ": " + OutputFiles.describe(e), e);
    }
    Set<String> now = new LinkedHashSet<>();
    List<OutputFiles.Output> files = new ArrayList<>(r.files());
    files.forEach(f -> now.add(f.path()));
    files.add(OutputFiles.Output.text(Manifest.NAME, Manifest.text(now)));
    OutputFiles.Result written = OutputFiles.write(req.out(), files, req.outName());
    List<String> removed;
    try {
      removed = Manifest.removeStale(out, before, now);
    } catch (IOException e) {
      throw new OutputException(
          "cannot remove a file an earlier run wrote in "
              + req.outName()
              + ": "
              + OutputFiles.describe(e),
          e);
    }
    OutputFiles.Result result =
        new OutputFiles.Result(
            written.written().stream().filter(f -> !f.equals(Manifest.NAME)).toList(),
            written.unchanged().stream().filter(f -> !f.equals(Manifest.NAME)).toList());
    return new GenerateResult(r.warnings(), r.notes(), result, removed, r.start());
  }

  /** Renders what {@code generate} would write, without writing. */
  public static Rendered render(GenerateRequest req) {
    YamlReader yaml = new YamlReader(req.maxInputBytes());
    RunbookInput input = ConfigLoader.empty();
    List<Path> templates = new ArrayList<>(req.templateDirs());
    if (req.config() != null) {
      ConfigLoader.Config config = new ConfigLoader(yaml).load(req.config(), req.configName());
      templates.addAll(config.templates());
      input = pick(config, req);
    } else if (req.id() != null) {
      throw new InvalidInputException(
          Diagnostic.error(
              Position.flag("--id"),
              "id",
              "--id selects an entry of an inventory;" + " give the inventory with --config"));
    }
    input = ConfigLoader.override(input, req.flags(), req.pack(), "--pack");

    Workspace ws = new Workspace(templates, yaml, req.followUps());
    Diagnostics d = new Diagnostics();
    Runbook rb = ws.prepare(input, null, d);
    d.throwIfErrors();

    List<OutputFiles.Output> files = new ArrayList<>();
    ws.renderer()
        .render(
            rb,
            FolderLayout.generate(),
            null,
            (path, text, title, step) -> files.add(OutputFiles.Output.text(path, text)),
            true);
    String start =
        files.stream()
            .map(OutputFiles.Output::path)
            .filter(p -> p.equals("procedure.html"))
            .findFirst()
            .orElse(
                files.stream()
                    .map(OutputFiles.Output::path)
                    .filter(p -> p.endsWith(".html"))
                    .findFirst()
                    .orElse(files.get(0).path()));
    return new Rendered(d.warnings(), rb.notes(), files, start);
  }

  private static RunbookInput pick(ConfigLoader.Config config, GenerateRequest req) {
    if (config instanceof ConfigLoader.Single s) {
      if (req.id() != null) {
        throw new InvalidInputException(
            Diagnostic.error(
                Position.flag("--id"),
                "id",
                req.configName() + " holds one runbook, not an inventory; leave out --id"));
      }
      return s.runbook();
    }
    ConfigLoader.Inventory inv = (ConfigLoader.Inventory) config;
    if (!inv.entryProblems().isEmpty()) {
      throw new InvalidInputException(inv.entryProblems());
    }
    List<String> ids = new ArrayList<>();
    List<RunbookInput> chosen = new ArrayList<>();
    for (RunbookInput r : inv.runbooks()) {
      if (r.id() != null) {
        ids.add(r.id());
        if (r.id().equals(req.id())) {
          chosen.add(r);
        }
      }
    }
    if (chosen.size() == 1) {
      return chosen.get(0);
    }
    if (chosen.size() > 1) {
      throw new InvalidInputException(
          Diagnostic.error(
              Position.flag("--id"),
              "id",
              "\""
                  + req.id()
                  + "\" is the id of "
                  + chosen.size()
                  + " entries of "
                  + req.configName()
                  + " ("
                  + chosen.stream().map(RunbookInput::label).collect(Collectors.joining(", "))
                  + "); give each entry its own id"));
    }
    String known =
        ids.isEmpty()
            ? "its entries have no ids"
            : "ids: "
                + String.join(", ", ids.size() > 10 ? ids.subList(0, 10) : ids)
                + (ids.size() > 10 ? ", ..." : "");
    if (req.id() == null) {
      throw new InvalidInputException(
          Diagnostic.error(
              new Position(req.configName(), 0, 0),
              "",
              "is an inventory of "
                  + inv.runbooks().size()
                  + " runbooks; choose one with --id ("
                  + known
                  + "), or build them all with runwright site"));
    }
    throw new InvalidInputException(
        Diagnostic.error(
            Position.flag("--id"),
            "id",
            "no entry of "
                + req.configName()
                + " has id \""
                + req.id()
                + "\""
                + Suggest.hint(req.id(), ids)
                + " ("
                + known
                + ")"));
  }
}
