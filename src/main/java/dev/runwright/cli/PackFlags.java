package dev.runwright.cli;

import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.pack.PackCatalog;
import dev.runwright.pack.PackManifest;
import dev.runwright.pack.ParameterSpec;
import dev.runwright.render.TemplateRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command-line flags that packs declare for their parameters ({@code flag: --cluster-id} in a
 * pack.yaml), added to a command before it parses, so that a pack of the user's own gets flags
 * without a line of Java. The packs are those built in and those in the folders the command line
 * names with {@code --templates}.
 */
final class PackFlags {
  private PackFlags() {}

  /** What an added option sets: a parameter, one value or a list. */
  private record Marker(String param, boolean list) {}

  /**
   * Adds an option for every declared flag, unless the command line needs none ({@link #needed});
   * with {@code always}, in every case. A pack whose manifest is broken adds none: the command
   * reports it when it reads the pack.
   */
  static void install(CommandSpec spec, boolean always, String... args) {
    if (!always && !needed(spec, args)) {
      return;
    }
    Map<String, ParameterSpec> byFlag = new LinkedHashMap<>();
    YamlReader yaml = new YamlReader(YamlReader.DEFAULT_MAX_BYTES);
    List<Path> dirs = templateDirs(args);
    PackCatalog catalog = new PackCatalog(new TemplateRoots(dirs), yaml);
    PackCatalog builtin =
        dirs.isEmpty() ? catalog : new PackCatalog(TemplateRoots.builtinOnly(), yaml);
    for (String id : catalog.ids()) {
      PackManifest m = manifest(catalog, id);
      if (m == null && builtin != catalog) {
        m = manifest(builtin, id); // the user's copy is broken: the run will say so, at its line
      }
      if (m == null) {
        continue;
      }
      for (ParameterSpec p : m.parameters().values()) {
        if (p.flag() != null && !spec.optionsMap().containsKey(p.flag().name())) {
          byFlag.putIfAbsent(p.flag().name(), p);
        }
      }
    }
    byFlag.values().forEach(p -> spec.addOption(option(p)));
  }

  /**
   * Whether the command line may use a pack's flag or shows the command's help: when every option
   * it gives is one of the command's own (say {@code --config FILE --out DIR}), reading every pack
   * to learn flags nobody gave would only cost start-up. Anything unexpected (an unknown option, a
   * cluster of short options, a value that looks like an option) counts as a pack flag, so that
   * picocli then parses and reports it as usual.
   */
  static boolean needed(CommandSpec spec, String... args) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq > 0 ? a.substring(0, eq) : a;
      if (name.equals("-h") || name.equals("--help") || !spec.optionsMap().containsKey(name)) {
        return true;
      }
    }
    return false;
  }

  private static PackManifest manifest(PackCatalog catalog, String id) {
    try {
      return catalog.get(id, Position.flag("--pack"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static OptionSpec option(ParameterSpec p) {
    String help = p.help() == null ? "Sets " + p.name() + "." : p.help();
    OptionSpec.Builder b =
        OptionSpec.builder(p.flag().name())
            .paramLabel(p.flag().label())
            .userObject(new Marker(p.name(), p.list()));
    if (p.list()) {
      b.type(List.class).auxiliaryTypes(String.class);
      if (!p.values().isEmpty()) {
        b.splitRegex(",");
        help += " Comma-separated or repeated.";
      } else {
        help += " Repeat for several; replaces the YAML's list.";
      }
    } else {
      b.type(String.class);
    }
    // picocli formats descriptions: a % of the pack's help (loader@'10.0.%') is text, not a format.
    return b.description((help + " (YAML: " + p.name() + ")").replace("%", "%%")).build();
  }

  /** The values the command line gave with pack flags, by parameter name, at their flags. */
  static Map<String, Node> values(CommandSpec spec) {
    Map<String, Node> out = new LinkedHashMap<>();
    ParseResult parsed = spec.commandLine().getParseResult();
    for (OptionSpec o : spec.options()) {
      if (!(o.userObject() instanceof Marker m) || parsed == null || !parsed.hasMatchedOption(o)) {
        continue;
      }
      Position at = Position.flag(o.longestName());
      if (m.list()) {
        List<Node> items = new ArrayList<>();
        for (Object v : (List<?>) o.getValue()) {
          items.add(new Node.Scalar(String.valueOf(v), Node.Style.QUOTED, at));
        }
        out.put(m.param(), new Node.Sequence(items, at));
      } else {
        Object value = o.getValue();
        out.put(m.param(), new Node.Scalar(String.valueOf(value), Node.Style.QUOTED, at));
      }
    }
    return out;
  }

  /**
   * The folders {@code -t}/{@code --templates} name, in order; ones that do not exist are left out.
   */
  static List<Path> templateDirs(String... args) {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String dir = null;
      if ((a.equals("-t") || a.equals("--templates")) && i + 1 < args.length) {
        dir = args[++i];
      } else if (a.startsWith("--templates=")) {
        dir = a.substring("--templates=".length());
      } else if (a.startsWith("-t") && a.length() > 2 && !a.startsWith("--")) {
        dir = a.substring(2);
      } else if (a.equals("--")) {
        break;
      }
      if (dir != null && Files.isDirectory(Path.of(dir))) {
        out.add(Path.of(dir));
      }
    }
    return out;
  }
}
