package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon through bin/runwright, as a user meets it: the first short command in a folder starts
 * one and the next are answered by it; what it answers is byte for byte what a run without it gives
 * (the files, the output, the errors, the exit code); relative paths are the caller's; a command
 * reading standard input runs in its own process; a folder replaced under the same name gets a new
 * daemon; {@code runwright daemon --stop} stops them and leaves no file behind.
 */
class DaemonIT {
  private static final Path LAUNCHER = Path.of("bin/runwright").toAbsolutePath();
  private static final Path EXAMPLE = Path.of("site/examples/runbook.yaml").toAbsolutePath();

  @TempDir Path tmp;
  private Path runtime;
  private Path work;

  /** One finished run: exit code, standard output and standard error. */
  private record Run(int code, String out, String err) {}

  @BeforeEach
  void folders() throws IOException {
    runtime = Files.createDirectory(tmp.resolve("run"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    work = Files.createDirectory(tmp.resolve("work"));
    Files.copy(EXAMPLE, work.resolve("runbook.yaml"));
    Files.writeString(work.resolve("bad.yaml"), "account: \"11112222333\"\nregion: us-east-1\n");
  }

  @AfterEach
  void stopDaemons() throws Exception {
    run(true, "", "daemon", "--stop");
  }

  private Run run(boolean daemon, String stdin, String... args) throws Exception {
    return runMasked("022", daemon, stdin, args);
  }

  /** A run with file mode mask {@code umask}. */
  private Run runMasked(String umask, boolean daemon, String stdin, String... args)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
    cmd.add(LAUNCHER.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    pb.environment().remove("RUNWRIGHT_JAVA_OPTS");
    if (daemon) {
      pb.environment().remove("RUNWRIGHT_DAEMON");
    } else {
      pb.environment().put("RUNWRIGHT_DAEMON", "0");
    }
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", args));
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private List<Path> pids() throws IOException {
    Path dir = runtime.resolve("runwright");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".pid")).sorted().toList();
    }
  }

  private static String tree(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        sb.append(dir.relativize(p)).append('\n').append(Files.readString(p)).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void theDaemonAnswersAsARunWithoutItWould() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target/runwright.jar")), "build the jar first");
    Run first = run(true, "", "generate", "--config", "runbook.yaml", "--out", "by-daemon");
    assertEquals(0, first.code(), first.err());
    assertEquals(1, pids().size(), "the first short command started a daemon");
    String pid = Files.readString(pids().get(0));
    assertEquals(work.toString(), pid.lines().toList().get(1), "it works in the caller's folder");

    Run again = run(true, "", "generate", "--config", "runbook.yaml", "--out", "by-daemon");
    Run alone = run(false, "", "generate", "--config", "runbook.yaml", "--out", "alone");
    assertEquals(List.of(pids().get(0)), pids(), "the second was answered by the same daemon");
    assertEquals(pid, Files.readString(pids().get(0)));
    assertEquals(alone.code(), again.code());
    assertEquals(alone.out().replace("alone", "by-daemon"), first.out());
    assertEquals(DaemonClient.STARTED + "\n" + alone.err(), first.err(), "a note, then the same");
    assertEquals(alone.err(), again.err());
    assertTrue(again.out().contains("(0 written, 24 unchanged)"), again.out());
    assertEquals(tree(work.resolve("alone")), tree(work.resolve("by-daemon")));

    Run printed =
        run(true, "", "generate", "--config", "runbook.yaml", "--print", "kms/policy.json");
    assertEquals(Files.readString(work.resolve("alone/kms/policy.json")), printed.out());

    Run bad = run(true, "", "generate", "--config", "bad.yaml", "--out", "never");
    Run badAlone = run(false, "", "generate", "--config", "bad.yaml", "--out", "never");
    assertEquals(3, bad.code());
    assertEquals(badAlone, bad, "the same one-line errors, to standard error");
    assertTrue(bad.err().startsWith("bad.yaml:1:1: error:"), bad.err());
    assertFalse(Files.exists(work.resolve("never")));

    Run usage = run(true, "", "generate", "--bogus");
    assertEquals(run(false, "", "generate", "--bogus"), usage);
    assertEquals(2, usage.code());

    Run lint = run(true, "", "lint", "alone/kms/policy.json");
    assertEquals(run(false, "", "lint", "alone/kms/policy.json"), lint);
  }

  @Test
  void aCallerWithAnotherFileModeMaskGetsADaemonOfItsOwn() throws Exception {
    assertEquals(
        0, runMasked("022", true, "", "generate", "-c", "runbook.yaml", "-o", "wide").code());
    assertEquals(
        0, runMasked("077", true, "", "generate", "-c", "runbook.yaml", "-o", "narrow").code());
    assertEquals(2, pids().size(), "a daemon for each mask");
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(work.resolve("wide/kms/policy.json"))));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(work.resolve("narrow/kms/policy.json"))));
  }

  @Test
  void standardInputIsReadInTheCallersOwnProcess() throws Exception {
    String yaml = Files.readString(work.resolve("runbook.yaml"));
    Run r = run(true, yaml, "generate", "--config", "-", "--print", "kms/policy.json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"kms:Decrypt\""), r.out());
    assertEquals(List.of(), pids(), "no daemon for a command reading standard input");
  }

  @Test
  void aFolderReplacedUnderTheSameNameGetsADaemonOfItsOwn() throws Exception {
    assertEquals(0, run(true, "", "generate", "--config", "runbook.yaml", "--out", "o").code());
    String before = Files.readString(pids().get(0));
    Path moved = Files.move(work, tmp.resolve("moved"));
    Files.createDirectory(work);
    Files.copy(moved.resolve("runbook.yaml"), work.resolve("runbook.yaml"));
    Run r = run(true, "", "generate", "--config", "runbook.yaml", "--out", "o");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(work.resolve("o/kms/policy.json")), "written where asked");
    assertFalse(Files.exists(moved.resolve("o/o")));
    assertEquals(0, run(true, "", "schema").code());
    List<Path> now = pids();
    assertEquals(1, now.size(), "the old daemon went, and the next run started one");
    assertNotEquals(before, Files.readString(now.get(0)));
    assertEquals(work.toString(), Files.readString(now.get(0)).lines().toList().get(1));
  }

  @Test
  void stopStopsThemAllAndLeavesNothingBehind() throws Exception {
    Run quiet = run(true, "", "-q", "schema");
    assertEquals(0, quiet.code());
    assertEquals("", quiet.err(), "-q: no note that a daemon started");
    assertEquals(1, pids().size());
    Run list = run(true, "", "daemon");
    assertTrue(list.out().matches("pid [0-9]+  " + work + "\n"), list.out());
    Run stop = run(true, "", "daemon", "--stop");
    assertEquals(new Run(0, "Stopped 1 daemon.\n", ""), stop);
    try (Stream<Path> left = Files.list(runtime.resolve("runwright"))) {
      assertEquals(List.of(), left.toList());
    }
    assertEquals("No daemon is running.\n", run(true, "", "daemon").out());
  }
}
