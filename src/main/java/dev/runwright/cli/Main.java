package dev.runwright.cli;

import dev.runwright.daemon.Daemon;
import dev.runwright.daemon.DaemonClient;
import dev.runwright.daemon.Endpoint;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine;

/** The {@code runwright} command. {@link #run} is the testable entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String socket = System.getProperty("runwright.daemon");
    if (socket != null) {
      System.exit(serve(socket));
    }
    Map<String, String> env = System.getenv();
    String jvm = System.getProperty("runwright.jvm");
    if (DaemonClient.eligible(env, jvm, args)) {
      OptionalInt code = DaemonClient.run(env, jvm, args);
      if (code.isPresent()) {
        System.exit(code.getAsInt());
      }
    }
    String train = System.getProperty("runwright.train");
    if (train != null) {
      DaemonClient.train(Path.of(train)); // the archive's training run: see pom.xml
    }
    StartUp.warm(args);
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    String hint = JarHint.forArgs(System.getProperty("runwright.launcher"), args);
    if (hint != null) {
      err.println(hint);
    }
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Answers short commands on {@code socket} until idle (see {@link Daemon}). */
  private static int serve(String socket) {
    String idle = System.getProperty("runwright.daemon.idle");
    try {
      AtomicReference<DaemonWarmUp> warmUp = new AtomicReference<>();
      Daemon.serve(
          new Endpoint(Path.of(socket)),
          (out, err, args) -> {
            if (warmUp.compareAndSet(null, new DaemonWarmUp(args))) {
              StartUp.warm(args); // the second core parses templates while the first reads input
            }
            return run(out, err, args);
          },
          () -> warmUp.get() != null && warmUp.get().step(),
          idle != null ? Duration.ofSeconds(Long.parseLong(idle)) : Daemon.IDLE,
          Path.of(System.getProperty("java.class.path")));
      return ExitCode.OK;
    } catch (IOException | RuntimeException e) {
      System.err.println("runwright daemon: " + e);
      return ExitCode.INTERNAL;
    }
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
    return run(out, err, System::getenv, args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, String...)}, reading environment variables (the
   * Confluence token) with {@code env}, for tests.
   */
  public static int run(
      PrintWriter out, PrintWriter err, Function<String, String> env, String... args) {
    CommandLine cli = commandLine(out, err, env, args);
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
  private static final List<String> COMMANDS =
      List.of(
          "generate",
          "site",
          "wiki",
          "mkdocs",
          "confluence",
          "serve",
          "check",
          "validate",
          "lint",
          "packs",
          "templates",
          "schema",
          "init",
          "completion",
          "install",
          "daemon");

  /** The subcommands that need every other one: they write completion scripts. */
  private static final List<String> WHOLE_TREE = List.of("completion", "install");

  /** The subcommands that take a runbook's values as flags, which the packs declare. */
  private static final List<String> READS_RUNBOOK = List.of("generate", "check", "validate");

  /**
   * A new subcommand object. A switch rather than a map of constructor references: those would load
   * every command class and link a lambda for each when a one-runbook run starts.
   */
  private static Object command(String name, Function<String, String> env) {
    return switch (name) {
      case "generate" -> new GenerateCommand();
      case "site" -> new SiteCommands.Site();
      case "wiki" -> new SiteCommands.Wiki();
      case "mkdocs" -> new MkDocsCommand();
      case "confluence" -> new ConfluenceCommand(env);
      case "serve" -> new ServeCommand();
      case "check" -> new CheckCommand();
      case "validate" -> new ValidateCommand();
      case "lint" -> new LintCommand();
      case "packs" -> new PacksCommand();
      case "templates" -> new TemplatesCommand();
      case "schema" -> new SchemaCommand();
      case "init" -> new InitCommand();
      case "completion" -> new CompletionCommand();
      case "install" -> new InstallCommand();
      case "daemon" -> new DaemonCommand();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * The command line with the error handlers and exit codes wired. Building picocli's model of
   * every subcommand costs a noticeable part of a one-runbook run, so when the arguments name a
   * subcommand only that one is added; help, completion and mistakes get all of them.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(out, err, System::getenv, args);
  }

  private static CommandLine commandLine(
      PrintWriter out, PrintWriter err, Function<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new RunwrightCommand());
    String named = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        named = COMMANDS.contains(a) && !WHOLE_TREE.contains(a) ? a : null;
        break;
      }
    }
    for (String c : COMMANDS) {
      if (named == null || named.equals(c)) {
        cli.addSubcommand(c, command(c, env));
        if (READS_RUNBOOK.contains(c)) {
          // The whole tree (help, completion scripts, mistakes) shows every flag.
          PackFlags.install(cli.getSubcommands().get(c).getCommandSpec(), named == null, args);
        }
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
