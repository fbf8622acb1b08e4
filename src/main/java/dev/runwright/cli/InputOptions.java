package dev.runwright.cli;

import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.core.Inputs;
import dev.runwright.pack.PackCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The input of one runbook or an inventory: a YAML file, and flags that override it. The flags of
 * the packs' parameters ({@code --account}, {@code --cluster-id}, ...) are not declared here but by
 * the packs themselves (see {@link PackFlags}).
 */
final class InputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "YAML file: one runbook, or an inventory (then choose an entry with --id); - reads"
              + " standard input.")
  Path config;

  @Option(names = "--id", paramLabel = "ID", description = "The inventory entry to use.")
  String id;

  @Option(
      names = "--pack",
      paramLabel = "ID",
      description =
          "The pack (runbook kind); default "
              + PackCatalog.DEFAULT_PACK
              + ". See: runwright packs.")
  String pack;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "Set any parameter of the pack; repeat a name to give a list.")
  List<String> sets;

  @Option(
      names = "--forms",
      paramLabel = "FORM",
      split = ",",
      description =
          "The ways of applying it beside the console and CLI: terraform, cloudformation, ssm"
              + " (default: all the packs have), or none. Comma-separated. (YAML: forms)")
  List<String> forms;

  @Mixin TemplatesOption templates;

  @Mixin InputSizeOption size;

  @Option(
      names = "--no-follow-ups",
      description = "Only the first step of the procedure: no other steps and no overview.")
  boolean noFollowUps;

  /** The flags, as positioned values by parameter name. */
  Map<String, Node> flags() {
    Map<String, Node> out = new LinkedHashMap<>(PackFlags.values(spec));
    if (forms != null) {
      Position at = Position.flag("--forms");
      List<Node> items = new ArrayList<>();
      forms.forEach(f -> items.add(new Node.Scalar(f, Node.Style.QUOTED, at)));
      out.put("forms", new Node.Sequence(items, at));
    }
    if (sets == null) {
      return out;
    }
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), "--set needs NAME=VALUE, not '" + s + "'");
      }
      byName.computeIfAbsent(s.substring(0, eq), k -> new ArrayList<>()).add(s.substring(eq + 1));
    }
    byName.forEach(
        (name, values) -> {
          Node given = out.get(name);
          if (given != null) {
            throw new ParameterException(
                spec.commandLine(),
                "--set "
                    + name
                    + " and "
                    + given.pos().source()
                    + " both set "
                    + name
                    + "; give it once");
          }
          Position at = Position.flag("--set " + name);
          if (values.size() == 1) {
            out.put(name, new Node.Scalar(values.get(0), Node.Style.QUOTED, at));
          } else {
            List<Node> items = new ArrayList<>();
            values.forEach(v -> items.add(new Node.Scalar(v, Node.Style.QUOTED, at)));
            out.put(name, new Node.Sequence(items, at));
          }
        });
    return out;
  }

  /** Where the runbooks come from, as the core reads it. */
  Inputs.Request request() {
    return new Inputs.Request(
        config,
        config == null ? null : YamlReader.shown(config, config.toString()),
        id,
        flags(),
        pack,
        templates.dirs(),
        size.bytes(),
        false);
  }

  List<Path> templateDirs() {
    return templates.dirs();
  }

  long maxInputBytes() {
    return size.bytes();
  }
}
