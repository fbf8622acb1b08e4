package dev.runwright.validators;

import dev.runwright.cli.ExitCode;
import dev.runwright.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runwright's output for the bundled examples, built once per test JVM (on first use) and shared by
 * every validator test: the example inventory as a site, as a wiki and as a site with {@code
 * --redact-accounts}, and {@code generate} of the single example runbook. Built in-process through
 * {@link Main#run}, into {@code target/validators-output-N/} (N: surefire's fork number).
 */
final class GeneratedOutput {
  private GeneratedOutput() {}

  /** The four outputs, by folder name under {@link #root()}. */
  static final List<String> KINDS = List.of("site", "wiki", "redacted-site", "generate");

  /** The folder holding one folder per output kind. */
  static Path root() {
    return Holder.ROOT;
  }

  /**
   * Every file under {@code kind}'s folder (or under all of them when null) ending with {@code
   * ext}.
   */
  static List<Path> files(String kind, String ext) {
    Path dir = kind == null ? root() : root().resolve(kind);
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(ext))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code file} as tests name it: relative to {@link #root()}, with {@code /}. */
  static String label(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }

  private static final class Holder {
    static final Path ROOT = build();

    private static Path build() {
      // One folder per test JVM: the two forks each build theirs, and one must not delete the
      // folder the other is reading.
      String fork = System.getProperty("runwright.fork", "0");
      Path root = Path.of("target", "validators-output-" + fork).toAbsolutePath();
      if (Files.exists(root)) {
        Validators.deleteTree(root);
      }
      String inventory = Path.of("site", "site.yaml").toString();
      run("site", "-q", "--config", inventory, "--out", root.resolve("site").toString());
      run("wiki", "-q", "--config", inventory, "--out", root.resolve("wiki").toString());
      run(
          "site",
          "-q",
          "--redact-accounts",
          "--config",
          inventory,
          "--out",
          root.resolve("redacted-site").toString());
      run(
          "generate",
          "-q",
          "--config",
          Path.of("site", "examples", "runbook.yaml").toString(),
          "--out",
          root.resolve("generate").toString());
      return root;
    }

    private static void run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
      if (code != ExitCode.OK) {
        throw new AssertionError(
            "runwright " + String.join(" ", args) + " exited " + code + "\n" + out + err);
      }
    }
  }
}
