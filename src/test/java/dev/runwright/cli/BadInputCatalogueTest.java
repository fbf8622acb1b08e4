package dev.runwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue of bad inputs: each {@code src/test/resources/bad-inputs/NAME.yaml} goes to {@code
 * generate}, which must exit with the code on the first line of {@code NAME.expected} and print
 * exactly the lines after it on stderr ({@code {file}} stands for the input's path), write nothing,
 * and show no stack trace. A person has read every expected file.
 */
class BadInputCatalogueTest {
  private static final Path ROOT = Path.of("src/test/resources/bad-inputs");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyBadInputGetsItsMessage() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(ROOT)) {
      inputs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(inputs.size() >= 20, "the catalogue is missing");
    return inputs.stream()
        .map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> check(in)));
  }

  private void check(Path input) throws IOException {
    String name = input.getFileName().toString().replace(".yaml", "");
    List<String> expected =
        Files.readAllLines(ROOT.resolve(name + ".expected"), StandardCharsets.UTF_8);
    int code = Integer.parseInt(expected.get(0).replace("# exit ", "").trim());
    Path out = tmp.resolve(name);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int got =
        Main.run(
            new PrintWriter(o),
            new PrintWriter(e),
            "generate",
            "--config",
            input.toString(),
            "--out",
            out.toString());
    String want =
        String.join("\n", expected.subList(1, expected.size())).replace("{file}", input.toString())
            + "\n";
    assertEquals(want, e.toString(), name);
    assertEquals(code, got, name);
    assertFalse(e.toString().contains("\tat "), "no stack trace");
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
    Path big = tmp.resolve("big.yaml");
    byte[] line =
        "# padding padding padding padding padding padding padding padding\n"
            .getBytes(StandardCharsets.UTF_8);
    try (var os = Files.newOutputStream(big)) {
      for (long written = 0; written <= 10L * 1024 * 1024; written += line.length) {
        os.write(line);
      }
    }
    StringWriter e = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(e),
            "generate",
            "--config",
            big.toString(),
            "--out",
            tmp.resolve("out").toString());
    assertEquals(ExitCode.INVALID_INPUT, code);
    assertTrue(
        e.toString()
            .startsWith(
                big
                    + ": error: is "
                    + Files.size(big)
                    + " bytes; Runwright reads files of at most 10485760 bytes (--max-input-bytes raises the"
                    + " limit)"),
        e.toString());
  }
}
