package dev.runwright.cli;

import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import dev.runwright.model.TemplateModels;
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
    subcommands = {TemplatesCommand.Export.class, TemplatesCommand.Model.class})
final class TemplatesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code runwright templates model}: every name a template may use. */
  @Command(
      name = "model",
      addMethodSubcommands = false,
      header = "List every name a template may use, and the helper functions.",
      mixinStandardHelpOptions = true,
      description = {
        "Lists, for each family of templates, every name its templates see (p, aws, step, docs,"
            + " ...; page.title, ...), with what it is, and the helper functions by template"
            + " ending. Templates see nothing else: they are sandboxed."
      },
      footer = {"", "Example:", "  runwright templates model"})
  static final class Model implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      for (TemplateModels.Family f :
          TemplateModels.families(dev.runwright.site.SiteTemplates.families())) {
        o.println("Names in " + f.templates() + ":");
        for (TemplateModels.Name n : TemplateModels.names(f.root())) {
          o.println(String.format(java.util.Locale.ROOT, "  %-28s %s", n.path(), n.help()));
        }
        o.println();
      }
      o.println("Helper functions:");
      for (String[] h : HELPERS) {
        o.println(String.format(java.util.Locale.ROOT, "  %-28s %s", h[0], h[1]));
      }
      return ExitCode.OK;
    }

    static final String[][] HELPERS = {
      {"md.code(x)", "x as an inline code span (*.md.ftl)"},
      {"md.link(text, url)", "a link whose text is escaped and URL kept whole"},
      {"md.block(text, lang)", "a fenced code block longer than any backtick run inside"},
      {"md.text(x)", "x escaped, as ${x} in a Markdown template"},
      {"sh(x)", "x quoted for a POSIX shell (required for values in sh blocks)"},
      {"opt(\"--flag\", x)", "a command-line option with its value, shell-quoted"},
      {"url(x)", "x percent-encoded as one URL component"},
      {"json(x)", "x as a JSON value (*.json.ftl)"},
      {"mysql.str(x), mysql.id(x)", "a MySQL string literal, a backtick identifier"},
      {"mysql.user(name, host)", "a MySQL account, 'name'@'host'"},
      {"pg.str(x), pg.id(x)", "a PostgreSQL string literal, a double-quoted identifier"},
      {"hcl.str(x)", "an HCL string (${x} in a *.tf.ftl)"},
      {"hcl.json(text, indent)", "a JSON document as the HCL object jsonencode gives back"},
      {"yaml.str(x)", "a double-quoted YAML scalar (${x} in a *.yaml.ftl)"},
      {"yaml.json(text, indent)", "a JSON document as the block YAML value of a key"},
      {"yaml.compact(text)", "a JSON document as one quoted line (SSM API parameters)"}
    };
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
