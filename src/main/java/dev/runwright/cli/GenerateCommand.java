package dev.runwright.cli;

import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import dev.runwright.core.Runwright;
import dev.runwright.io.OutputFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runwright generate}: one runbook's policy, runbooks and pages into a folder. */
@Command(
    name = "generate",
    addMethodSubcommands = false,
    header = "Write one runbook: its policies, step runbooks and pages.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the procedure for one cluster (or one entry of an inventory): the overview"
          + " (procedure.md, procedure.html) and a folder per step that applies (s3/, kms/,"
          + " lambda/, role/, associate/, database/, test/), each with its policy or other"
          + " documents and its runbook (runbook.md, runbook.html). Other files in the folder are"
          + " left alone (a folder holding files Runwright did not write is refused unless"
          + " --force); unchanged files are not touched; files an earlier generate wrote there and"
          + " this one does not are removed.",
      "Flags override the YAML file."
    },
    footer = {
      "",
      "Examples:",
      "  runwright generate --account 111122223333 --region us-east-1 \\",
      "      --key 1234abcd-12ab-34cd-56ef-1234567890ab --out out",
      "  runwright generate --config runbook.yaml --cluster-id payments-prod --out out",
      "  runwright generate --config site/site.yaml --id prod-use1 --out out",
      "  runwright generate --config runbook.yaml --print policy.json"
    })
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin StrictOption strict;

  @Option(
      names = "--force",
      description =
          "Replace files in --out that Runwright did not write (each is named); without it such a"
              + " folder is refused and nothing is written.")
  boolean force;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "out",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--print",
      paramLabel = "FILE",
      description =
          "Print one file (policy.json, runbook.md, role/trust-policy.json ...) to standard output"
              + " instead of writing the folder, e.g. for aws iam create-policy"
              + " --policy-document \"$(runwright generate ... --print policy.json)\".")
  String print;

  @Override
  public Integer call() {
    if (print != null) {
      return print();
    }
    Runwright.GenerateResult r = Runwright.generate(request());
    PrintWriter err = spec.commandLine().getErr();
    r.warnings().forEach(err::println);
    if (!top.quiet) {
      r.notes().forEach(n -> err.println("note: " + n));
    }
    r.replaced().forEach(f -> err.println("replaced " + out.resolve(f)));
    if (!top.quiet) {
      PrintWriter o = spec.commandLine().getOut();
      if (top.verbose) {
        r.files().written().forEach(f -> o.println("wrote " + out.resolve(f)));
        r.files().unchanged().forEach(f -> o.println("unchanged " + out.resolve(f)));
        r.removed().forEach(f -> o.println("removed " + out.resolve(f)));
      }
      int total = r.files().written().size() + r.files().unchanged().size();
      o.println(
          "Generated "
              + total
              + " files in "
              + out
              + " ("
              + r.files().written().size()
              + " written, "
              + r.files().unchanged().size()
              + " unchanged"
              + (r.removed().isEmpty()
                  ? ""
                  : "; removed "
                      + r.removed().size()
                      + (r.removed().size() == 1 ? " file" : " files")
                      + " an earlier run wrote")
              + "). Start with "
              + out.resolve(r.start()));
    }
    return ExitCode.OK;
  }

  private Runwright.GenerateRequest request() {
    return new Runwright.GenerateRequest(
        input.request().strict(strict.strict), out, out.toString(), !input.noFollowUps, force);
  }

  /** Every path, and every file name that only one path has, for suggestions. */
  private static List<String> names(List<String> paths) {
    List<String> out = new java.util.ArrayList<>(paths);
    for (String p : paths) {
      String name = p.substring(p.lastIndexOf('/') + 1);
      if (paths.stream().filter(q -> q.endsWith("/" + name) || q.equals(name)).count() == 1) {
        out.add(name);
      }
    }
    return out;
  }

  /** A bare file name is enough when one step has a file of that name (policy.json). */
  private static List<String> byName(List<String> paths, String wanted) {
    return paths.stream().filter(p -> p.equals(wanted) || p.endsWith("/" + wanted)).toList();
  }

  /** The path {@code wanted} names among the rendered files, or null. */
  private static String chosen(Runwright.Rendered r, String wanted) {
    List<String> paths = r.files().stream().map(OutputFiles.Output::path).toList();
    List<String> byName = byName(paths, wanted);
    return paths.contains(wanted) ? wanted : byName.size() == 1 ? byName.get(0) : null;
  }

  /** {@code --print FILE}: renders as generate would, prints that one file, writes nothing. */
  private int print() {
    if (spec.commandLine().getParseResult().hasMatchedOption("--out")) {
      throw new ParameterException(
          spec.commandLine(),
          "--print writes nothing to a folder, so --out has no use with it; give one of them");
    }
    String wanted = print.startsWith("./") ? print.substring(2) : print;
    // A file that is not a page needs none of the pages (most of the work) rendered; a page, or a
    // name the files without pages do not answer, gets the whole rendering.
    Runwright.Rendered r = null;
    if (!wanted.endsWith(".html")) {
      r = Runwright.render(request(), false);
      if (chosen(r, wanted) == null) {
        r = null;
      }
    }
    if (r == null) {
      r = Runwright.render(request());
    }
    PrintWriter err = spec.commandLine().getErr();
    r.warnings().forEach(err::println);
    if (!top.quiet) {
      r.notes().forEach(n -> err.println("note: " + n));
    }
    List<String> paths = r.files().stream().map(OutputFiles.Output::path).toList();
    List<String> byName = byName(paths, wanted);
    String chosen = chosen(r, wanted);
    for (OutputFiles.Output f : r.files()) {
      if (f.path().equals(chosen)) {
        PrintWriter o = spec.commandLine().getOut();
        o.print(new String(f.bytes(), StandardCharsets.UTF_8));
        o.flush();
        return ExitCode.OK;
      }
    }
    if (byName.size() > 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--print: "
              + Values.show(print)
              + " is the name of "
              + byName.size()
              + " files; give one with its folder: "
              + String.join(", ", byName));
    }
    throw new ParameterException(
        spec.commandLine(),
        "--print: "
            + Values.show(print)
            + " is not a file this generate writes"
            + Suggest.hint(wanted, names(paths))
            + " (files: "
            + String.join(", ", paths)
            + ")");
  }
}
