package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * An outside program a validator test runs: a command on {@code PATH}, a Node.js script in {@code
 * tools/validators/} or a jar from its {@code node_modules}. A test calls {@link #require()} first:
 * a missing tool skips the test with a message that says how to install it, or fails it when {@code
 * RUNWRIGHT_REQUIRE_TOOLS} is set (as {@code .ci/run} does), so CI never passes by skipping.
 */
public record Tool(String name, List<String> command, List<Path> needs, String install) {

  /** The variable that turns a missing tool from a skip into a failure. */
  public static final String REQUIRE = "RUNWRIGHT_REQUIRE_TOOLS";

  /** The npm tools' folder (package.json, package-lock.json, the scripts), from the project. */
  public static final Path NPM_FOLDER = Path.of("tools", "validators").toAbsolutePath();

  private static final String NPM_INSTALL =
      "(cd tools/validators && npm ci --ignore-scripts), as .ci/run does";

  /** What one run printed and returned. */
  public record Run(int exit, String out, String err) {
    /** The run as a message for a failed assertion. */
    public String describe() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** A program found on {@code PATH}, installed with {@code install} when missing. */
  public static Tool onPath(String program, String install) {
    Optional<Path> found = which(program);
    return new Tool(
        program,
        List.of(found.map(Path::toString).orElse(program)),
        found.isPresent() ? List.of() : List.of(Path.of(program)),
        install);
  }

  /** {@code node tools/validators/SCRIPT}, which needs the npm {@code packages}. */
  public static Tool nodeScript(String script, String... packages) {
    List<Path> needs = new ArrayList<>();
    needs.add(NPM_FOLDER.resolve(script));
    for (String p : packages) {
      needs.add(NPM_FOLDER.resolve("node_modules").resolve(p).resolve("package.json"));
    }
    Optional<Path> node = which("node");
    if (node.isEmpty()) {
      needs.add(Path.of("node"));
    }
    return new Tool(
        script,
        List.of(node.map(Path::toString).orElse("node"), NPM_FOLDER.resolve(script).toString()),
        needs,
        "apt-get install nodejs npm, then " + NPM_INSTALL);
  }

  /** {@code java -jar} a jar under {@code tools/validators/node_modules}, with this JVM's java. */
  public static Tool npmJar(String name, String jarInNodeModules) {
    Path jar = NPM_FOLDER.resolve("node_modules").resolve(jarInNodeModules);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new Tool(
        name,
        // C1 alone and the serial collector, as the tests' own JVMs: the checker's run over the
        // golden pages takes half the CPU seconds it takes with C2 and G1 (10 against 21). C1's
        // larger frames need a larger stack than the default for its schema's recursion.
        List.of(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss8m",
            "-Dfile.encoding=UTF-8",
            "-jar",
            jar.toString()),
        List.of(jar),
        NPM_INSTALL);
  }

  /** A file under {@code tools/validators/node_modules} that a test reads (not a program). */
  public static Tool npmFile(String name, String pathInNodeModules) {
    Path file = NPM_FOLDER.resolve("node_modules").resolve(pathInNodeModules);
    return new Tool(name, List.of(), List.of(file), NPM_INSTALL);
  }

  /**
   * {@code tests} when every tool is there; else one test that skips (or fails) naming the missing
   * tool, so that a report counts it with its message (JUnit reports nothing for a test factory
   * that aborts before it returns its tests).
   */
  public static Stream<DynamicTest> whenPresent(
      Supplier<Stream<DynamicTest>> tests, Tool... tools) {
    for (Tool t : tools) {
      if (!t.present()) {
        return Stream.of(DynamicTest.dynamicTest(t.name() + " is missing", t::require));
      }
    }
    return tests.get();
  }

  /** Whether everything the tool needs is there. */
  public boolean present() {
    return needs.stream().allMatch(p -> p.isAbsolute() && Files.exists(p));
  }

  /** Skips the calling test (or fails it under {@link #REQUIRE}) when the tool is missing. */
  public Tool require() {
    if (present()) {
      return this;
    }
    List<Path> absent = needs.stream().filter(p -> !p.isAbsolute() || !Files.exists(p)).toList();
    String missing = name + " is missing (no " + absent + ")";
    if (System.getenv(REQUIRE) != null) {
      fail(missing + "; install it: " + install + ". " + REQUIRE + " is set");
    }
    Assumptions.abort(
        missing + "; install it: " + install + ", or set " + REQUIRE + "=1 to fail instead");
    return this;
  }

  /** Runs the tool with {@code args}; see {@link #run(List, Path, Map, String, Duration)}. */
  public Run run(List<String> args) {
    return run(args, null, Map.of(), null, Duration.ofSeconds(60));
  }

  /**
   * Runs the tool and waits for it.
   *
   * @param dir the working folder, or null for the current one
   * @param env variables set on top of this process's environment
   * @param stdin what the tool reads, or null for nothing
   * @param timeout how long it may take; the test fails, naming the command, when it takes longer
   */
  public Run run(
      List<String> args, Path dir, Map<String, String> env, String stdin, Duration timeout) {
    require();
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(args);
    try {
      Path out = Files.createTempFile("rw-tool-", ".out");
      Path err = Files.createTempFile("rw-tool-", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        if (dir != null) {
          pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
          if (stdin != null) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor();
          fail(name + " took longer than " + timeout.toSeconds() + " s: " + String.join(" ", cmd));
        }
        return new Run(p.exitValue(), read(out), read(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + name, e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static Optional<Path> which(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }
}
