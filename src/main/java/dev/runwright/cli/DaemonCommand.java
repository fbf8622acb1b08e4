package dev.runwright.cli;

import dev.runwright.daemon.Daemons;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runwright daemon}: lists or stops the daemons that answer short commands. */
@Command(
    name = "daemon",
    addMethodSubcommands = false,
    header = "List or stop the daemons that answer generate, validate, lint and schema.",
    mixinStandardHelpOptions = true,
    description = {
      "bin/runwright answers generate, validate, lint and schema from a daemon, a JVM that stays"
          + " running in the background after the first of them in a folder, so that the next"
          + " take a fraction of a second. A daemon answers only your own user, works in the"
          + " folder it was started in, and stops after 10 minutes without a request or when"
          + " the jar is rebuilt. RUNWRIGHT_DAEMON=0 runs every command in its own process."
    },
    footer = {
      "",
      "Examples:",
      "  runwright daemon           # list the running daemons",
      "  runwright daemon --stop    # stop them all"
    })
final class DaemonCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--stop", description = "Stop every daemon of yours.")
  boolean stop;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Daemons.Running> running = Daemons.list(System.getenv());
    if (!stop) {
      if (running.isEmpty()) {
        out.println("No daemon is running.");
      }
      for (Daemons.Running d : running) {
        out.println("pid " + d.pid() + "  " + d.folder());
      }
      return ExitCode.OK;
    }
    int left = 0;
    for (Daemons.Running d : running) {
      if (!Daemons.stop(d, Duration.ofSeconds(5))) {
        spec.commandLine().getErr().println("error: daemon " + d.pid() + " did not stop");
        left++;
      }
    }
    out.println(
        running.size() == 1
            ? "Stopped 1 daemon."
            : "Stopped " + (running.size() - left) + " daemons.");
    return left == 0 ? ExitCode.OK : ExitCode.INTERNAL;
  }
}
