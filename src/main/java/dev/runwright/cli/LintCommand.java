package dev.runwright.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runwright.aws.Region;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.policy.Finding;
import dev.runwright.policy.PolicyLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      "Exit codes: 0 when no file has an ERROR; 1 when any file has one. A file that cannot be"
          + " read (missing, a folder, not UTF-8) is an ERROR UNREADABLE_FILE for that file, and"
          + " the other files are still checked; 3 when no file at all can be read.",
      "Checks: JSON syntax, duplicate keys, Version, Effect, statement elements, KMS action"
          + " names, wildcard actions and resources in an Allow, Allow with NotAction or"
          + " NotResource, an element with its Not form, ARN shapes and partition/Region/account"
          + " consistency, alias ARNs used for key actions, condition operators and values, Sids,"
          + " size (6,144 characters without whitespace), and characters IAM refuses."
    },
    footer = {
      "",
      "Examples:",
      "  runwright lint out/policy.json out/role/trust-policy.json",
      "  runwright lint --account 111122223333 --region us-east-1 --json policy.json",
      "  cat policy.json | runwright lint -"
    })
final class LintCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files; - reads stdin.")
  List<String> files;

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

  @Option(names = "--json", description = "Print the findings as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    String partition = null;
    if (region != null) {
      partition =
          Region.of(region)
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
    YamlReader reader = new YamlReader();
    PolicyLinter linter = new PolicyLinter(reader);
    PolicyLinter.Options options = new PolicyLinter.Options(type, account, partition);
    List<Finding> all = new ArrayList<>();
    int unreadable = 0;
    for (String file : files) {
      String name = file.equals("-") ? "<stdin>" : file;
      String text;
      try {
        // - is standard input, read with the same size limit and strict UTF-8 as a file.
        text = reader.readText(Path.of(file), file, "a JSON policy file");
      } catch (InvalidInputException e) {
        // One file that cannot be read is reported like a finding, so the others are still
        // checked and --json stays one document.
        unreadable++;
        for (Diagnostic d : e.diagnostics()) {
          all.add(unreadable(d.where(), "the file " + d.message()));
        }
        continue;
      } catch (InvalidPathException e) {
        unreadable++;
        all.add(
            unreadable(new Position(file, 0, 0), "the name is not a valid path: " + e.getReason()));
        continue;
      }
      all.addAll(linter.lint(text, name, options));
    }
    PrintWriter out = spec.commandLine().getOut();
    long errors = all.stream().filter(f -> f.type() == Finding.Type.ERROR).count();
    if (json) {
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
      out.println(
          JsonMapper.builder()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .build()
              .writeValueAsString(rows));
    } else {
      for (Finding f : all) {
        out.println(
            f.at() + ": " + f.type() + " " + f.code() + " " + f.path() + ": " + f.message());
      }
      if (!top.quiet) {
        out.println(
            all.isEmpty()
                ? "No findings in " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                : all.size()
                    + " finding"
                    + (all.size() == 1 ? "" : "s")
                    + " ("
                    + errors
                    + " error"
                    + (errors == 1 ? "" : "s")
                    + ") in "
                    + files.size()
                    + " file"
                    + (files.size() == 1 ? "" : "s")
                    + (unreadable == 0
                        ? ""
                        : "; "
                            + unreadable
                            + (unreadable == 1 ? " file" : " files")
                            + " could not be read"));
      }
    }
    // Nothing could be checked at all: an input error, as for any other command.
    if (unreadable == files.size()) {
      return ExitCode.INVALID_INPUT;
    }
    return errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static Finding unreadable(Position at, String message) {
    return new Finding(Finding.Type.ERROR, "UNREADABLE_FILE", message, "$", at);
  }
}
