package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.ExitCode;
import dev.runwright.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates that try what a template must not do, from {@code hostile/templates/}: each {@code
 * NAME.md.ftl} runs as the user's {@code kms-policy/runbook.md.ftl} through {@code generate}, and
 * must fail as a template error whose one line names the file, line and column and contains {@code
 * NAME.expected}, with no stack trace, no side effect and nothing written. {@code @PWNED@} in a
 * template is the path of a file only a successful attack would create. A {@code NAME.bug} file
 * marks a case that fails today, and says why; the case is skipped.
 */
class SandboxCatalogueTest {
  private static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";

  @TempDir Path tmp;

  /** The endless-loop cases stop after one second rather than the default 30. */
  @BeforeAll
  static void shortTimeLimit() {
    System.setProperty(TimeLimit.PROPERTY, "1");
  }

  @AfterAll
  static void defaultTimeLimit() {
    System.clearProperty(TimeLimit.PROPERTY);
  }

  record Run(int code, String out, String err) {}

  record Case(String name, Path template, String expected, String bug) {}

  @TestFactory
  Stream<DynamicTest> everyHostileTemplateFailsCleanly() throws IOException {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 15, "the catalogue is found: " + cases.size());
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), c.template().toUri(), () -> check(c)));
  }

  private void check(Case c) throws IOException {
    Assumptions.assumeTrue(c.bug() == null, c.bug());
    Path dir = Files.createDirectories(tmp.resolve(c.name()));
    Path pwned = dir.resolve("pwned");
    Path template = dir.resolve("templates/kms-policy/runbook.md.ftl");
    Files.createDirectories(template.getParent());
    Files.writeString(
        template, Files.readString(c.template()).replace("@PWNED@", pwned.toString()));
    Path out = dir.resolve("out");

    Run r =
        run(
            "generate",
            "--account",
            "111122223333",
            "--region",
            "us-east-1",
            "--key",
            KEY,
            "--templates",
            dir.resolve("templates").toString(),
            "--out",
            out.toString());

    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(
        Pattern.compile(Pattern.quote(template.toString()) + ":\\d+:\\d+: error: .+")
            .matcher(first)
            .matches(),
        () -> "the first line names the template, line and column: " + first);
    assertTrue(first.contains(c.expected()), () -> "expected \"" + c.expected() + "\" in " + first);
    assertFalse(r.err().contains("\tat "), () -> "no stack trace: " + r.err());
    assertFalse(Files.exists(pwned), "the attack had no effect");
    assertFalse(Files.exists(out), "nothing was written");
  }

  @Test
  void aTimeLimitThatIsNotANumberIsRefusedBeforeAnythingIsWritten() {
    Path out = tmp.resolve("limit-out");
    System.setProperty(TimeLimit.PROPERTY, "ten");
    Run r;
    try {
      r =
          run(
              "generate",
              "--account",
              "111122223333",
              "--region",
              "us-east-1",
              "--key",
              KEY,
              "--out",
              out.toString());
    } finally {
      System.setProperty(TimeLimit.PROPERTY, "1");
    }
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    assertEquals(
        "error: -Drunwright.templateTimeout=ten: expected the seconds one template may run, a"
            + " number from 0.001 to 86400 (default 30)",
        r.err().lines().findFirst().orElse(""));
    assertFalse(Files.exists(out), "nothing was written");
  }

  @Test
  void templateErrorsShowNoJavaObjects() throws IOException {
    for (Case c : cases()) {
      if (c.bug() != null) {
        continue;
      }
      Path dir = Files.createDirectories(tmp.resolve("objects-" + c.name()));
      Path template = dir.resolve("templates/kms-policy/runbook.md.ftl");
      Files.createDirectories(template.getParent());
      Files.writeString(template, Files.readString(c.template()).replace("@PWNED@", "x"));
      Run r =
          run(
              "generate",
              "--account",
              "111122223333",
              "--region",
              "us-east-1",
              "--key",
              KEY,
              "--templates",
              dir.resolve("templates").toString(),
              "--out",
              dir.resolve("out").toString());
      assertFalse(
          Pattern.compile("[A-Za-z]\\w*(\\.\\w+)*(\\$\\w+)?@[0-9a-f]{4,}").matcher(r.err()).find(),
          () -> c.name() + ": " + r.err());
    }
  }

  /** The catalogue, sorted by name. */
  static List<Case> cases() throws IOException {
    Path root;
    try {
      root = Path.of(SandboxCatalogueTest.class.getResource("/hostile/templates").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Case> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".md.ftl")) {
          continue;
        }
        String name = file.substring(0, file.length() - ".md.ftl".length());
        Path expected = root.resolve(name + ".expected");
        assertTrue(Files.isRegularFile(expected), name + " has a .expected file");
        Path bug = root.resolve(name + ".bug");
        out.add(
            new Case(
                name,
                f,
                Files.readString(expected).strip(),
                Files.isRegularFile(bug) ? Files.readString(bug).strip() : null));
      }
    }
    return out;
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }
}
