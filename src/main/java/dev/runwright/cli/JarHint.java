package dev.runwright.cli;

import java.util.List;

/**
 * The one line {@code java -jar target/runwright.jar} prints before a long build. bin/runwright is
 * the documented way to run Runwright: its JVM flags (the serial collector, a fixed young
 * generation, the class-data-sharing archive, C1 alone except for large builds) use a sixth to a
 * ninth of the memory a bare {@code java -jar} takes, and start one runbook in a third of its time
 * (a ninth through the daemon that answers the short commands; issue 17, the README's Performance
 * section has the figures). A jar cannot carry JVM flags, and starting a second JVM with them would
 * cost every short command its start-up again, so the jar says so once, instead.
 */
final class JarHint {
  private JarHint() {}

  /** The commands that build many pages, where the flags matter. */
  private static final List<String> LONG = List.of("site", "wiki", "mkdocs", "confluence", "check");

  /**
   * The hint for {@code args}, or {@code null}: none through the launcher (which sets {@code
   * launcher}), with {@code -q}/{@code --quiet}, or for a short command.
   */
  static String forArgs(String launcher, String... args) {
    if (launcher != null) {
      return null;
    }
    String command = null;
    for (String a : args) {
      if (a.equals("-q") || a.equals("--quiet")) {
        return null;
      }
      if (command == null && !a.startsWith("-")) {
        command = a;
      }
    }
    if (command == null || !LONG.contains(command)) {
      return null;
    }
    return "note: running without bin/runwright's JVM flags: large builds take longer and use"
        + " several times the memory; use bin/runwright (runwright install puts it on PATH),"
        + " or give java the flags it sets (-q hides this note)";
  }
}
