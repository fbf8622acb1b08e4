package dev.runwright.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code runwright} command. {@link #run} is the testable entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  private static PrintWriter writer(FileDescriptor fd) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
  }

  /**
   * Runs Runwright with {@code args}, printing to {@code out} and {@code err}.
   *
   * @return the exit code (see {@link ExitCode})
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(out, err, args);
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "error: Runwright ran out of memory; give Java more with"
              + " RUNWRIGHT_JAVA_OPTS=-Xmx4g bin/runwright ... (the previous output is unchanged)");
      code = ExitCode.INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The subcommands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("generate", GenerateCommand::new);
    COMMANDS.put("site", SiteCommands.Site::new);
    COMMANDS.put("wiki", SiteCommands.Wiki::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("check", CheckCommand::new);
    COMMANDS.put("validate", ValidateCommand::new);
    COMMANDS.put("lint", LintCommand::new);
    COMMANDS.put("packs", PacksCommand::new);
    COMMANDS.put("templates", TemplatesCommand::new);
    COMMANDS.put("schema", SchemaCommand::new);
    COMMANDS.put("init", InitCommand::new);
    COMMANDS.put("completion", CompletionCommand::new);
  }

  /**
   * The command line with the error handlers and exit codes wired. Building picocli's model of
   * every subcommand costs a noticeable part of a one-runbook run, so when the arguments name a
   * subcommand only that one is added; help, completion and mistakes get all of them.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new RunwrightCommand());
    String named = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        named = COMMANDS.containsKey(a) && !a.equals("completion") ? a : null;
        break;
      }
    }
    for (var c : COMMANDS.entrySet()) {
      if (named == null || named.equals(c.getKey())) {
        cli.addSubcommand(c.getKey(), c.getValue().get());
      }
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(ErrorHandler::usage);
    cli.setExitCodeExceptionMapper(ErrorHandler::exitCode);
    return cli;
  }
}
