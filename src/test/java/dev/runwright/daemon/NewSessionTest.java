package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the client puts a daemon in a session of its own: the {@code setsid} command where there is
 * one, else Perl's {@code POSIX::setsid} (macOS has no {@code setsid} command), else no daemon.
 */
class NewSessionTest {
  /** A child's process id and session id, as Linux's /proc gives them. */
  private static final List<String> PID_AND_SESSION =
      List.of(
          "/bin/sh",
          "-c",
          "read -r pid comm state ppid pgrp sid rest < /proc/$$/stat; echo \"$pid $sid\"");

  @Test
  void theSetsidCommandWhereThereIsOne() {
    assertEquals(Optional.of(List.of("/usr/bin/setsid")), DaemonClient.newSession(p -> true));
  }

  @Test
  void noSessionCommandMeansNoDaemon() {
    assertEquals(Optional.empty(), DaemonClient.newSession(p -> false));
  }

  @Test
  void withoutSetsidPerlStartsTheCommandInASessionOfItsOwn() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/perl"))
            && Files.isReadable(Path.of("/proc/self/stat")));
    List<String> prefix =
        DaemonClient.newSession(
                p -> p.getFileName().toString().equals("perl") && Files.isExecutable(p))
            .orElseThrow();
    assertEquals("/usr/bin/perl", prefix.get(0));
    String[] child = run(prefix).split(" ");
    assertEquals(child[0], child[1], "the child leads a session of its own");
    String[] plain = run(List.of()).split(" ");
    assertNotEquals(plain[0], plain[1], "without the prefix the child is in the test's session");
  }

  @Test
  void perlPassesTheArgumentsAsTheyAre() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")));
    List<String> command =
        new ArrayList<>(DaemonClient.newSession(p -> p.toString().endsWith("perl")).orElseThrow());
    command.addAll(List.of("/usr/bin/printf", "[%s]", "-e", "a b", "$HOME", "--", ""));
    assertEquals("[-e][a b][$HOME][--][]", output(command));
  }

  private static String run(List<String> prefix) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(PID_AND_SESSION);
    String out = output(command).strip();
    assertTrue(out.matches("\\d+ \\d+"), out);
    return out;
  }

  private static String output(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}
