package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runwright.cli.ExitCode;
import dev.runwright.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs Runwright in-process and reads published folders back; shared by the site tests. */
final class SiteTestSupport {
  private SiteTestSupport() {}

  /** The example inventory, relative to the project folder (the tests' working folder). */
  static final Path EXAMPLE = Path.of("site", "site.yaml");

  /** The example's runbook ids. */
  static final List<String> EXAMPLE_IDS =
      List.of(
          "prod-use1",
          "prod-euw1",
          "dr-usw2",
          "staging-use2",
          "analytics-use1",
          "gov-usgw1",
          "china-cnn1");

  /** Every account ID in the example. */
  static final List<String> EXAMPLE_ACCOUNTS =
      List.of("111122223333", "012345678901", "444455556666", "777788889999", "333344445555");

  /** The files every runbook of a site has, relative to its folder. */
  /** The steps of each example runbook beyond the role and association every one has. */
  static final Map<String, List<String>> EXAMPLE_STEPS =
      Map.of(
          "prod-use1", List.of("s3", "kms", "database", "test"),
          "prod-euw1", List.of("s3", "kms", "database", "test"),
          "dr-usw2", List.of("kms"),
          "staging-use2", List.of("s3", "database", "test"),
          "analytics-use1", List.of("s3", "database", "test"),
          "gov-usgw1", List.of("s3", "kms", "lambda", "database", "test"),
          "china-cnn1", List.of("s3", "kms", "database", "test"));

  /** The files a site has for the example runbook {@code id}, relative to its folder. */
  static List<String> runbookFiles(String id) {
    List<String> out =
        new java.util.ArrayList<>(
            List.of(
                "index.html",
                "procedure.md",
                "role/trust-policy.json",
                "role/runbook.md",
                "role/index.html",
                "associate/runbook.md",
                "associate/index.html",
                // The Terraform form: each step that changes AWS, and the whole procedure.
                "terraform/main.tf",
                "role/main.tf",
                "associate/main.tf"));
    // The CloudFormation forms: the whole procedure's, the role's, the MySQL parameter group's;
    // the SSM Automation runbooks (the whole procedure's, the association's) and their roles'
    // policies need the cluster.
    boolean pg = id.equals("analytics-use1");
    out.add("cloudformation.yaml");
    out.add("role/cloudformation.yaml");
    if (!pg) {
      out.addAll(
          List.of(
              "associate/cloudformation.yaml",
              "associate/automation.yaml",
              "associate/automation-policy.json",
              "associate/automation-trust-policy.json",
              "automation.yaml",
              "automation-policy.json",
              "automation-trust-policy.json"));
    }
    for (String step : EXAMPLE_STEPS.get(id)) {
      out.add(step + "/index.html");
      out.add(step + "/runbook.md");
      if (List.of("kms", "lambda", "s3").contains(step)) {
        out.add(step + "/main.tf");
        out.add(step + "/cloudformation.yaml");
      }
      switch (step) {
        case "kms", "lambda" -> out.add(step + "/policy.json");
        case "s3" -> {
          if (id.equals("analytics-use1")) {
            out.add("s3/import-policy.json");
            out.add("s3/export-policy.json");
          } else {
            out.add("s3/policy.json");
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    /** The run as a message for a failed assertion. */
    String describe() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code runwright ARGS} through {@link Main#run}, as the command line would. */
  static Run runwright(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Builds {@code config} as a site into {@code out} and checks that it worked. */
  static Run buildSite(Path config, Path out, String... more) {
    List<String> args =
        new ArrayList<>(List.of("site", "--config", config.toString(), "--out", out.toString()));
    args.addAll(Arrays.asList(more));
    Run r = runwright(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.code(), r::describe);
    return r;
  }

  /**
   * Every file and folder under {@code dir} with its bytes, by path relative to {@code dir} with
   * {@code /}; folders end with {@code /} and have no bytes. Empty when {@code dir} is missing.
   */
  static SortedMap<String, byte[]> snapshot(Path dir) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    if (!Files.exists(dir)) {
      return out;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (p.equals(dir)) {
          continue;
        }
        out.put(
            Files.isDirectory(p) ? rel + "/" : rel,
            Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Only the files of {@link #snapshot}. */
  static SortedMap<String, byte[]> files(Path dir) {
    SortedMap<String, byte[]> out = new TreeMap<>(snapshot(dir));
    out.keySet().removeIf(k -> k.endsWith("/"));
    return out;
  }

  /** What changed between two snapshots, one line per path; empty when they are the same. */
  static List<String> differences(Map<String, byte[]> before, Map<String, byte[]> after) {
    List<String> out = new ArrayList<>();
    TreeSet<String> all = new TreeSet<>(before.keySet());
    all.addAll(after.keySet());
    for (String k : all) {
      if (!after.containsKey(k)) {
        out.add("removed " + k);
      } else if (!before.containsKey(k)) {
        out.add("added " + k);
      } else if (!Arrays.equals(before.get(k), after.get(k))) {
        out.add("changed " + k);
      }
    }
    return out;
  }

  /** What an interrupted or refused publish could leave beside {@code out}. */
  static List<String> leftovers(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    String prefix = "." + abs.getFileName() + ".runwright-";
    try (Stream<Path> siblings = Files.list(abs.getParent())) {
      return siblings
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with {@code from} replaced once; fails when {@code from} is not there. */
  static String replaceOnce(String text, String from, String to) {
    int i = text.indexOf(from);
    if (i < 0 || text.indexOf(from, i + 1) >= 0) {
      throw new AssertionError("expected exactly one \"" + from + "\" in the inventory");
    }
    return text.substring(0, i) + to + text.substring(i + from.length());
  }

  /** The 1-based {@code line:col} of {@code offset} in {@code text}, as diagnostics print it. */
  static String lineCol(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (offset - lineStart + 1);
  }
}
