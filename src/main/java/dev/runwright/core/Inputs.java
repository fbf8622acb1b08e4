package dev.runwright.core;

import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.Suggest;
import dev.runwright.config.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a command's runbooks come from, decided once for every command: flags alone, a runbook
 * file, one entry of an inventory ({@code --id}), or a whole inventory; a file may be standard
 * input. Flags are set over what the file says.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * What the user gave.
   *
   * @param config the YAML file, or {@code null} when only flags are given
   * @param configName the file as the user typed it
   * @param id which entry of an inventory, or {@code null}
   * @param flags parameter values from flags, by parameter name
   * @param pack a pack id from {@code --pack}, or {@code null}
   * @param templateDirs template folders from {@code --templates}, searched before the YAML's
   * @param maxInputBytes the largest input file accepted
   * @param strict whether a warning about the input fails as an error would ({@code --strict})
   */
  public record Request(
      Path config,
      String configName,
      String id,
      Map<String, Node> flags,
      String pack,
      List<Path> templateDirs,
      long maxInputBytes,
      boolean strict) {
    public Request {
      flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
      templateDirs = List.copyOf(templateDirs);
    }

    /** An inventory as {@code site} reads it: no flags, no entry chosen. */
    public static Request inventory(
        Path config,
        String configName,
        List<Path> templateDirs,
        long maxInputBytes,
        boolean strict) {
      return new Request(
          config, configName, null, Map.of(), null, templateDirs, maxInputBytes, strict);
    }

    /** The same request, strict or not. */
    public Request strict(boolean on) {
      return new Request(config, configName, id, flags, pack, templateDirs, maxInputBytes, on);
    }
  }

  /** What the input turned out to be. */
  public sealed interface Routed {
    /** Template folders: the flags' first, then the file's. */
    List<Path> templates();

    /** The YAML reader, with the request's size limit, to reuse for the packs. */
    YamlReader yaml();
  }

  /** One runbook: from flags, a runbook file, or one entry of an inventory. */
  public record One(RunbookInput input, List<Path> templates, YamlReader yaml) implements Routed {}

  /** A whole inventory. */
  public record Fleet(ConfigLoader.Inventory inventory, List<Path> templates, YamlReader yaml)
      implements Routed {}

  /**
   * Reads the input.
   *
   * @param wholeInventory whether an inventory without {@code --id} means all of it (site, check,
   *     validate) rather than a mistake (generate)
   * @throws InvalidInputException when the input is wrong
   */
  public static Routed route(Request req, boolean wholeInventory) {
    YamlReader yaml = new YamlReader(req.maxInputBytes());
    List<Path> templates = new ArrayList<>(req.templateDirs());
    if (req.config() == null) {
      if (req.id() != null) {
        throw new InvalidInputException(
            Diagnostic.error(
                Position.flag("--id"),
                "id",
                "--id selects an entry of an inventory; give the inventory with --config"));
      }
      return new One(override(ConfigLoader.empty(), req), templates, yaml);
    }
    ConfigLoader.Config config = new ConfigLoader(yaml).load(req.config(), req.configName());
    templates.addAll(config.templates());
    if (config instanceof ConfigLoader.Single s) {
      if (req.id() != null) {
        throw new InvalidInputException(
            Diagnostic.error(
                Position.flag("--id"),
                "id",
                req.configName() + " holds one runbook, not an inventory; leave out --id"));
      }
      return new One(override(s.runbook(), req), templates, yaml);
    }
    ConfigLoader.Inventory inv = (ConfigLoader.Inventory) config;
    if (req.id() == null && wholeInventory) {
      if (!req.flags().isEmpty() || req.pack() != null) {
        String flag =
            req.pack() != null ? "--pack" : req.flags().values().iterator().next().pos().source();
        throw new InvalidInputException(
            Diagnostic.error(
                Position.flag(flag),
                "",
                flag
                    + " sets a value of one runbook, but "
                    + req.configName()
                    + " is an inventory; choose an entry with --id, or set it in the inventory"));
      }
      return new Fleet(inv, templates, yaml);
    }
    return new One(override(entry(inv, req), req), templates, yaml);
  }

  private static RunbookInput override(RunbookInput in, Request req) {
    return ConfigLoader.override(in, req.flags(), req.pack(), "--pack");
  }

  private static RunbookInput entry(ConfigLoader.Inventory inv, Request req) {
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
