package dev.runwright.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runwright.config.Node;
import dev.runwright.config.YamlReader;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackCatalog;
import dev.runwright.pack.PackManifest;
import dev.runwright.pack.ParameterSpec;
import dev.runwright.render.TemplateRoots;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runwright packs}: the packs in the template folders, with their parameters. */
@Command(
    name = "packs",
    addMethodSubcommands = false,
    header = "List the packs (runbook kinds) and their parameters.",
    mixinStandardHelpOptions = true,
    description = "Lists the packs (runbook kinds) with their parameters, as a table or as JSON.",
    footer = {
      "",
      "Examples:",
      "  runwright packs",
      "  runwright packs --templates my-templates --json"
    })
final class PacksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-t", "--templates"},
      paramLabel = "DIR",
      converter = TemplateFolder.class,
      description = "Folder of templates searched before the built-ins. Repeatable.")
  List<Path> templates;

  @Option(names = "--json", description = "Print JSON for scripts.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PackCatalog catalog =
        new PackCatalog(
            new TemplateRoots(templates == null ? List.of() : templates), new YamlReader());
    List<PackManifest> packs = new ArrayList<>();
    List<String> ids = new ArrayList<>(catalog.ids());
    if (ids.remove(PackCatalog.DEFAULT_PACK)) {
      ids.add(0, PackCatalog.DEFAULT_PACK); // the default first
    }
    for (String id : ids) {
      packs.add(catalog.get(id, dev.runwright.config.Position.flag("packs")));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          JsonMapper.builder()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .build()
              .writeValueAsString(packs.stream().map(PacksCommand::describe).toList()));
      return ExitCode.OK;
    }
    for (PackManifest m : packs) {
      out.println(m.id() + " - " + m.title());
      if (!m.description().isEmpty()) {
        out.println("  " + m.description());
      }
      out.println(
          "  step: "
              + m.stepTitle()
              + (m.followUp() == null ? "" : "; then: " + m.followUp())
              + "; from: "
              + m.source());
      int w = m.parameters().keySet().stream().mapToInt(String::length).max().orElse(4);
      int tw = m.parameters().values().stream().mapToInt(p -> typeOf(p).length()).max().orElse(4);
      for (ParameterSpec p : m.parameters().values()) {
        out.println(
            String.format(
                "    %-" + w + "s  %-" + tw + "s  %-24s  %s",
                p.name(),
                typeOf(p),
                p.required()
                    ? "required"
                    : defaultOf(p) == null ? "optional" : "default " + defaultOf(p),
                p.help() == null ? "" : p.help()));
      }
      out.println();
    }
    return ExitCode.OK;
  }

  private static String typeOf(ParameterSpec p) {
    String t = p.values().isEmpty() ? p.type().id() : String.join("|", p.values());
    return p.list() ? "list of " + t : t;
  }

  private static String defaultOf(ParameterSpec p) {
    Node d = p.defaultValue();
    if (d instanceof Node.Scalar s) {
      return s.isNull() ? null : s.text();
    }
    if (d instanceof Node.Sequence seq) {
      List<String> items = new ArrayList<>();
      seq.items().forEach(i -> items.add(i instanceof Node.Scalar s ? s.text() : "?"));
      return "[" + String.join(", ", items) + "]";
    }
    return null;
  }

  private static Map<String, Object> describe(PackManifest m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("title", m.title());
    out.put("description", m.description());
    out.put("step", m.stepTitle());
    out.put("followUp", m.followUp());
    out.put("stepDir", m.stepDir());
    out.put("source", m.source());
    List<Map<String, Object>> params = new ArrayList<>();
    for (ParameterSpec p : m.parameters().values()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("name", p.name());
      pm.put("type", p.type().id());
      pm.put("list", p.list());
      pm.put("required", p.required());
      pm.put("default", p.defaultJson());
      pm.put("values", p.values());
      pm.put("pattern", p.pattern() == null ? null : p.pattern().pattern());
      pm.put("help", p.help());
      params.add(pm);
    }
    out.put("parameters", params);
    List<Map<String, Object>> docs = new ArrayList<>();
    for (DocumentSpec d : m.documents()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("id", d.id());
      dm.put("path", d.path());
      dm.put("kind", d.kind().id());
      docs.add(dm);
    }
    out.put("documents", docs);
    return out;
  }
}
