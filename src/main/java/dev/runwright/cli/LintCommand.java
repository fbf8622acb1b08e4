package dev.runwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runwright.aws.Region;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.policy.Finding;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.PolicyLinter;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runwright lint}: checks IAM policy files offline, like Access Analyzer. */
@Command(
    name = "lint",
    addMethodSubcommands = false,
    header = "Check IAM policy JSON files offline.",
    mixinStandardHelpOptions = true,
    description = {
      "Checks IAM policy JSON files offline and prints findings shaped like IAM Access Analyzer's"
          + " policy checks: ERROR, SECURITY_WARNING, WARNING or SUGGESTION, a code, a message,"
          + " the JSON path and line:column.",
      "Exit codes: 0 when no file has an ERROR; 1 when any file has one (with --strict, also a"
          + " WARNING or SECURITY_WARNING; a SUGGESTION never fails). A file that cannot be read"
          + " (missing, a folder, not UTF-8) is an ERROR UNREADABLE_FILE for that file, and the"
          + " other files are still checked; 3 when no file at all can be read; 2 for a usage"
          + " error.",
      "Checks: JSON syntax, duplicate keys, Version, Effect, statement elements, the actions of"
          + " every AWS service (AWS's Service Authorization Reference, shipped with Runwright),"
          + " wildcard actions and resources in an Allow, Allow with NotAction or NotResource, an"
          + " element with its Not form, ARN shapes and resource formats, partition/Region/account"
          + " consistency, alias ARNs used for key actions, condition operators and values, Sids,"
          + " size (6,144 characters without whitespace), and characters IAM refuses.",
      "--list-rules prints every code with its type, whether it stops generate (blocks), and"
          + " what it means."
    },
    footer = {
      "",
      "Examples:",
      "  runwright lint out/policy.json out/role/trust-policy.json",
      "  runwright lint --account 111122223333 --region us-east-1 --json policy.json",
      "  cat policy.json | runwright lint -",
      "  runwright lint --strict out/policy.json    # warnings fail too, for CI",
      "  runwright lint --list-rules"
    })
final class LintCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Policy files; - reads stdin.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "identity, trust or auto (default: auto, a Principal means trust).")
  PolicyLinter.PolicyType type = PolicyLinter.PolicyType.AUTO;

  @Option(
      names = "--account",
      paramLabel = "ID",
      description = "The account the policy is for: resources in other accounts get a warning.")
  String account;

  @Option(
      names = "--region",
      paramLabel = "CODE",
      description = "The Region the policy is for: resources in another partition are errors.")
  String region;

  @Option(
      names = "--json",
      description = "Print the findings (or, with --list-rules, the codes) as JSON.")
  boolean json;

  @Mixin StrictOption strict;

  @Option(
      names = "--list-rules",
      description = "Print every finding code, its type, whether it blocks generate, and its help.")
  boolean listRules;

  @Override
  public Integer call() throws JsonProcessingException {
    if (listRules) {
      if (!files.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "--list-rules checks no file; give --list-rules or FILE");
      }
      return listRules();
    }
    if (files.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Missing required parameter: 'FILE' (or give --list-rules)");
    }
    YamlReader reader = new YamlReader();
    PolicyLinter linter = new PolicyLinter(reader);
    PolicyLinter.Options options = new PolicyLinter.Options(type, account, partition());
    List<Finding> all = new ArrayList<>();
    int unreadable = 0;
    for (String file : files) {
      String text = read(reader, file, all);
      if (text == null) {
        unreadable++;
      } else {
        all.addAll(linter.lint(text, file.equals("-") ? "<stdin>" : file, options));
      }
    }
    long errors = all.stream().filter(f -> f.type() == Finding.Type.ERROR).count();
    long warnings =
        all.stream()
            .filter(
                f -> f.type() == Finding.Type.WARNING || f.type() == Finding.Type.SECURITY_WARNING)
            .count();
    if (json) {
      printJson(all);
    } else {
      printText(all, errors, unreadable);
    }
    // Nothing could be checked at all: an input error, as for any other command.
    if (unreadable == files.size()) {
      return ExitCode.INVALID_INPUT;
    }
    return errors > 0 || (strict.strict && warnings > 0) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** The partition of {@code --region}, or null without it. */
  private String partition() {
    if (region == null) {
      return null;
    }
    return Region.of(region)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    Diagnostic.error(
                        Position.flag("--region"),
                        "region",
                        "\"" + region + "\" is not an AWS Region code")))
        .partition()
        .id();
  }

  /**
   * The file's text, or null after adding why it cannot be read: one file that cannot be read is
   * reported like a finding, so the others are still checked and --json stays one document.
   */
  private static String read(YamlReader reader, String file, List<Finding> all) {
    try {
      // - is standard input, read with the same size limit and strict UTF-8 as a file.
      return reader.readText(Path.of(file), file, "a JSON policy file");
    } catch (InvalidInputException e) {
      for (Diagnostic d : e.diagnostics()) {
        all.add(unreadable(d.where(), "the file " + d.message()));
      }
    } catch (InvalidPathException e) {
      all.add(
          unreadable(new Position(file, 0, 0), "the name is not a valid path: " + e.getReason()));
    }
    return null;
  }

  private void printJson(List<Finding> all) throws JsonProcessingException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Finding f : all) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", f.at().source());
      m.put("findingType", f.type().name());
      m.put("issueCode", f.code());
      m.put("findingDetails", f.message());
      m.put("path", f.path());
      m.put("line", f.at().line());
      m.put("column", f.at().column());
      rows.add(m);
    }
    spec.commandLine().getOut().println(json(rows));
  }

  private void printText(List<Finding> all, long errors, int unreadable) {
    PrintWriter out = spec.commandLine().getOut();
    for (Finding f : all) {
      out.println(f.at() + ": " + f.type() + " " + f.code() + " " + f.path() + ": " + f.message());
    }
    if (top.quiet) {
      return;
    }
    String inFiles = " in " + files.size() + " file" + (files.size() == 1 ? "" : "s");
    if (all.isEmpty()) {
      out.println("No findings" + inFiles);
      return;
    }
    out.println(
        all.size()
            + " finding"
            + (all.size() == 1 ? "" : "s")
            + " ("
            + errors
            + " error"
            + (errors == 1 ? "" : "s")
            + ")"
            + inFiles
            + (unreadable == 0
                ? ""
                : "; "
                    + unreadable
                    + (unreadable == 1 ? " file" : " files")
                    + " could not be read"));
  }

  /** {@code --list-rules}: one code a line, sorted, in columns; or one JSON list. */
  private int listRules() throws JsonProcessingException {
    List<FindingCode> codes = FindingCode.sorted();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (FindingCode c : codes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.id());
        m.put("findingType", c.type().name());
        m.put("blocksGeneration", c.blocksGeneration());
        m.put("blame", c.blame().name());
        m.put("help", c.help());
        rows.add(m);
      }
      out.println(json(rows));
      return ExitCode.OK;
    }
    int width = codes.stream().mapToInt(c -> c.id().length()).max().orElse(0);
    String row = "%-" + width + "s  %-16s  %-14s  %s%n";
    out.printf(row, "CODE", "TYPE", "GENERATE", "HELP");
    for (FindingCode c : codes) {
      out.printf(row, c.id(), c.type(), generate(c), c.help());
    }
    return ExitCode.OK;
  }

  /** What a finding with this code does to {@code generate}. */
  private static String generate(FindingCode c) {
    if (!c.blocksGeneration()) {
      return "passes";
    }
    return c.blame() == FindingCode.Blame.INPUT ? "blocks (input)" : "blocks";
  }

  private static String json(Object value) throws JsonProcessingException {
    return JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValueAsString(value);
  }

  private static Finding unreadable(Position at, String message) {
    return new Finding(FindingCode.UNREADABLE_FILE, message, "$", at);
  }
}
