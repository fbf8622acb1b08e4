package dev.runwright.cli;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Suggest;
import dev.runwright.io.OutputException;
import dev.runwright.pack.PackException;
import dev.runwright.render.TemplateError;
import dev.runwright.site.Publisher;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become messages and exit codes. Users see one line per problem;
 * {@code --verbose} adds the stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int code = report(ex, err);
    if (isVerbose(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Prints {@code ex} for the user and returns its exit code. */
  static int report(Throwable ex, PrintWriter err) {
    if (Publisher.interruptedBySignal() && ex instanceof OutputException) {
      // SIGINT or SIGTERM: the clean-up said what happened in one line, and the JVM exits with
      // 130 or 143; the build's failure to write into its removed staging folder is not news.
      return ExitCode.INTERRUPTED;
    }
    if (ex instanceof InvalidInputException e) {
      printDiagnostics(e.diagnostics(), err);
      long errors = e.diagnostics().stream().filter(Diagnostic::isError).count();
      err.println(
          "runwright: "
              + errors
              + (errors == 1 ? " error" : " errors")
              + " in the input; nothing was written");
      return ExitCode.INVALID_INPUT;
    }
    if (ex instanceof PackException e) {
      e.lines().forEach(err::println);
      err.println("runwright: the templates have errors; nothing was written");
      return ExitCode.TEMPLATE;
    }
    if (ex instanceof TemplateError e) {
      err.println(e.getMessage());
      err.println("runwright: a template failed; nothing was written");
      return ExitCode.TEMPLATE;
    }
    if (ex instanceof OutputException e) {
      err.println("error: " + e.getMessage());
      return ExitCode.OUTPUT;
    }
    err.println(
        "internal error: "
            + ex
            + " (this is a bug in Runwright; run again with --verbose and report the stack trace)");
    return ExitCode.INTERNAL;
  }

  /**
   * Warnings first, then errors; each group in the order of the input: flags first, then by file,
   * line and column (stable, so problems at one place keep the order they were found).
   */
  static void printDiagnostics(List<Diagnostic> ds, PrintWriter err) {
    java.util.Comparator<Diagnostic> byPlace =
        java.util.Comparator.comparing(
                (Diagnostic d) -> d.where() == null || d.where().isFlag() ? 0 : 1)
            .thenComparing(d -> d.where() == null || d.where().isFlag() ? "" : d.where().source())
            .thenComparingInt(d -> d.where() == null ? 0 : d.where().line())
            .thenComparingInt(d -> d.where() == null ? 0 : d.where().column());
    ds.stream().filter(d -> !d.isError()).sorted(byPlace).forEach(err::println);
    ds.stream().filter(Diagnostic::isError).sorted(byPlace).forEach(err::println);
  }

  /** Usage errors: one line, the suggestion if any, and where to find help. */
  static int usage(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    List<String> unknown =
        ex instanceof UnmatchedArgumentException u ? unknownOptions(u.getUnmatched()) : List.of();
    if (!unknown.isEmpty()) {
      // picocli lists the unknown option's value as an unknown option too ('--regoin',
      // 'eu-central-1'): name only the options, each with the option it most likely is.
      Set<String> known = cmd.getCommandSpec().optionsMap().keySet();
      for (String option : unknown) {
        err.println(
            "error: Unknown option: '"
                + option
                + "'"
                + Suggest.nearest(option, known).map(s -> "; did you mean " + s + "?").orElse(""));
      }
    } else {
      err.println("error: " + ex.getMessage());
    }
    if (unknown.isEmpty() && ex instanceof UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      String file =
          u.getUnmatched().stream()
              .filter(a -> !a.startsWith("-") && a.matches("(?i).*\\.ya?ml"))
              .findFirst()
              .orElse(null);
      if (file != null && cmd.getCommandSpec().findOption("--config") != null) {
        err.println("Did you mean: --config " + file + "?");
      } else if (!suggestions.isEmpty()) {
        err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
      }
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.USAGE;
  }

  /**
   * The arguments picocli could not match that are options ({@code --regoin}, or {@code
   * --regoin=eu-central-1} as {@code --regoin}), in order and once each; not the values after them,
   * nor a lone {@code -} (standard input).
   */
  static List<String> unknownOptions(List<String> unmatched) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : unmatched) {
      if (a.startsWith("-") && a.length() > 1 && !a.equals("--") && !isNumber(a)) {
        int eq = a.indexOf('=');
        out.add(eq > 0 ? a.substring(0, eq) : a);
      }
    }
    return List.copyOf(out);
  }

  private static boolean isNumber(String a) {
    return a.matches("-[0-9][0-9.]*");
  }

  static int exitCode(Throwable t) {
    return ExitCode.INTERNAL;
  }

  private static boolean isVerbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
