package dev.runwright.cli;

import dev.runwright.config.InvalidInputException;
import dev.runwright.config.YamlReader;
import dev.runwright.io.OutputException;
import dev.runwright.pack.PackException;
import dev.runwright.render.TemplateError;
import dev.runwright.serve.Preview;
import dev.runwright.serve.PreviewServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code runwright serve}: previews an inventory's site on 127.0.0.1 and rebuilds it when the
 * inventory or a template changes. Uses the JDK's HTTP server; pages reload themselves after a
 * rebuild.
 */
@Command(
    name = "serve",
    addMethodSubcommands = false,
    header = "Preview a site on 127.0.0.1, rebuilt on every change.",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the inventory's site into a temporary folder, serves it on 127.0.0.1 only, and"
          + " rebuilds it when the inventory or a template changes; open pages reload after a"
          + " rebuild. A build with errors prints them and keeps serving the last good site."
          + " Ctrl-C stops it and removes the temporary folder."
    },
    footer = {
      "",
      "Examples:",
      "  runwright serve --config site/site.yaml",
      "  runwright serve --config fleet.yaml --port 8080 --templates my-templates"
    })
final class ServeCommand implements Callable<Integer> {
  /** Running servers, so that tests can stop them as Ctrl-C would. */
  static final Set<ServeCommand> RUNNING = ConcurrentHashMap.newKeySet();

  @ParentCommand RunwrightCommand top;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      required = true,
      description = "The inventory YAML.")
  Path config;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "8000",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Mixin TemplatesOption templates;

  @Mixin RedactOption redact;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);

  /** Stops every running server, as Ctrl-C does. */
  static void stopAll() {
    RUNNING.forEach(s -> s.stopped.countDown());
  }

  /** Whether a Host header names this machine (see {@link PreviewServer#localHost}). */
  static boolean localHost(String host) {
    return PreviewServer.localHost(host);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (YamlReader.isStdin(config)) {
      throw new ParameterException(
          spec.commandLine(),
          "--config -: serve rebuilds when its inventory changes, so it needs a file, not"
              + " standard input");
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--port': " + port + " is not a port; expected 0 to 65535");
    }
    Path work = Files.createTempDirectory("runwright-serve-");
    Path site = work.resolve("site");
    Preview preview = new Preview(config, templates.dirs(), redact.redact);
    // Ctrl-C: stop the loop, then let it remove its temporary copy of the site before the JVM
    // halts.
    Thread hook =
        new Thread(
            () -> {
              stopped.countDown();
              try {
                cleanedUp.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "runwright-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    RUNNING.add(this);
    try (PreviewServer server = new PreviewServer(port, preview::build, preview::baseUrl)) {
      preview.rebuild(site).warnings().forEach(err::println);
      int bound = server.start(site);
      out.println("Serving " + config + " at http://127.0.0.1:" + bound + "/ (Ctrl-C to stop)");
      out.flush();
      String seen = preview.fingerprint();
      while (!stopped.await(500, TimeUnit.MILLISECONDS)) {
        String now = preview.fingerprint();
        if (!now.equals(seen)) {
          seen = now;
          long t0 = System.nanoTime();
          if (rebuildQuietly(preview, site, err)) {
            out.println(
                String.format(Locale.ROOT, "Rebuilt in %.1f s", (System.nanoTime() - t0) / 1e9));
            out.flush();
          }
        }
      }
      out.println("Stopped.");
      return ExitCode.OK;
    } finally {
      RUNNING.remove(this);
      Preview.deleteTree(work);
      cleanedUp.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running
      }
    }
  }

  /** Rebuilds; on errors prints them and keeps the last good site. */
  private static boolean rebuildQuietly(Preview preview, Path site, PrintWriter err) {
    try {
      preview.rebuild(site).warnings().forEach(err::println);
      return true;
    } catch (InvalidInputException | PackException | TemplateError | OutputException e) {
      ErrorHandler.report(e, err);
      err.println("runwright: still serving the last good build");
      err.flush();
      return false;
    }
  }
}
