package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/runwright-client, the launcher's fast path, against a daemon in this process with an echoing
 * runner: it finds the daemon {@link Endpoint} names for the same conditions (the folder, the jar,
 * java.home, the flags, the variables), relays its output, error output and exit code byte for
 * byte, and in every other case runs the JVM command it was given, unchanged (here a stand-in
 * {@code java} that prints its arguments).
 */
class DaemonPerlClientTest {
  private static final Path CLIENT = Path.of("bin/runwright-client").toAbsolutePath();
  private static final String JVM = "-XX:+UseSerialGC -Drunwright.umask=0022";

  @TempDir Path dir;

  private Path java;
  private Path jar;
  private Map<String, String> env;
  private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
  private CompletableFuture<Void> serving;
  private Endpoint endpoint;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(new ProcessBuilder("perl", "-e", "1").start().waitFor() == 0, "perl is missing");
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf 'fell back:'; printf ' [%s]' \"$@\"; exit 42\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    jar = Files.writeString(dir.resolve("runwright.jar"), "a jar");
    Path runtime = Files.createDirectory(dir.resolve("run"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("XDG_RUNTIME_DIR", runtime.toString());
    env.put("LANG", "C.UTF-8");
    env.put("TZ", "Europe/Paris");
  }

  @AfterEach
  void stop() throws Exception {
    if (serving != null) {
      Files.deleteIfExists(endpoint.socket()); // the watcher sees it gone and stops the daemon
      serving.get(10, TimeUnit.SECONDS);
    }
  }

  /** Starts a daemon for {@code env} as Endpoint names it, echoing what it is asked. */
  private void daemon() throws Exception {
    String javaHome = dir.resolve("jdk").toRealPath().toString();
    endpoint = Endpoint.of(env, jar, javaHome, JVM, Path.of("").toAbsolutePath()).orElseThrow();
    serving =
        InProcessDaemon.start(
            endpoint,
            (out, err, args) -> {
              ran.add(String.join(" ", args));
              out.println("out: " + String.join(" ", args));
              err.print("err: ü\n");
              out.print("no newline");
              return 100 + args.length;
            },
            Daemon.COLD,
            Duration.ofSeconds(30),
            jar);
  }

  private Run client(Map<String, String> environment, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("perl", CLIENT.toString(), java.toString()));
    cmd.addAll(List.of("-XX:+UseSerialGC", "-Drunwright.jvm=" + JVM, "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().putAll(environment);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private String fellBack(String... args) {
    StringBuilder sb = new StringBuilder("fell back:");
    List<String> all = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Drunwright.jvm=" + JVM));
    all.addAll(List.of("-jar", jar.toString()));
    all.addAll(List.of(args));
    all.forEach(a -> sb.append(" [").append(a).append(']'));
    return sb.toString();
  }

  @Test
  void itRelaysTheDaemonsAnswerByteForByte() throws Exception {
    daemon();
    Run r = client(env, "generate", "--config", "a b.yaml", "--description", "café");
    assertEquals(
        new Run(105, "out: generate --config a b.yaml --description café\nno newline", "err: ü\n"),
        r);
    assertEquals(List.of("generate --config a b.yaml --description café"), ran);
    assertEquals(new Run(101, "out: schema\nno newline", "err: ü\n"), client(env, "schema"));
  }

  @Test
  void withoutADaemonItRunsTheJvmCommandUnchanged() throws Exception {
    Run r = client(env, "generate", "--config", "a b.yaml");
    assertEquals(new Run(42, fellBack("generate", "--config", "a b.yaml"), ""), r);
  }

  @Test
  void whatADaemonDoesNotAnswerGoesToTheJvmAndNeverToTheDaemon() throws Exception {
    daemon();
    for (String[] args :
        List.of(
            new String[] {"site", "--config", "a.yaml"},
            new String[] {"generate", "--config", "-"},
            new String[] {"generate", "--config=-"},
            new String[] {"-q"})) {
      assertEquals(new Run(42, fellBack(args), ""), client(env, args), String.join(" ", args));
    }
    Map<String, String> off = new HashMap<>(env);
    off.put("RUNWRIGHT_DAEMON", " off ");
    assertEquals(42, client(off, "generate").code(), "RUNWRIGHT_DAEMON=off");
    Map<String, String> plain = new HashMap<>(env);
    plain.put("LANG", "C");
    assertEquals(42, client(plain, "generate", "--description", "café").code(), "C locale");
    Map<String, String> otherTime = new HashMap<>(env);
    otherTime.put("TZ", "UTC");
    assertEquals(42, client(otherTime, "generate").code(), "another daemon's conditions");
    assertEquals(List.of(), ran, "the daemon was asked nothing");
  }

  @Test
  void aDaemonThatRefusesLeavesTheRunToTheJvm() throws Exception {
    daemon();
    // The same size and second, so the same name; but another file: the daemon refuses and stops.
    Path copy = Files.copy(jar, dir.resolve("copy.jar"));
    Files.setLastModifiedTime(copy, Files.getLastModifiedTime(jar));
    Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
    assertEquals(new Run(42, fellBack("lint", "p.json"), ""), client(env, "lint", "p.json"));
    assertEquals(List.of(), ran);
  }
}
