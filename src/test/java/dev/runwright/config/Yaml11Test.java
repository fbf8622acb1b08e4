package dev.runwright.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20, item 11: unquoted values that YAML 1.1 tools read otherwise than Runwright. The
 * expected readings are PyYAML 6's ({@code yaml.safe_load("a: " + v)}), recorded by hand.
 */
class Yaml11Test {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "012345670123 | the number 1402433619 (a leading 0 makes it base 8)",
        "0x1F | the number 31 (0x makes it base 16)",
        "0b101 | the number 5 (0b makes it base 2)",
        "1_000 | the number 1000 (YAML 1.1 leaves out the underscores)",
        "1:20 | the number 80 (YAML 1.1 reads numbers with colons as base 60, like times)",
        "190:20:30 | the number 685230 (YAML 1.1 reads numbers with colons as base 60, like times)",
        "+5 | the number 5 (without the +)",
        "-0 | the number 0",
        "010 | the number 8 (a leading 0 makes it base 8)",
        "1.10 | the number 1.1",
        "100. | the number 100.0",
        "1.0e+20 | the number 1e+20",
        "-.INF | the number -inf",
        "1:20.5 | the number 80.5 (YAML 1.1 reads numbers with colons as base 60, like times)",
        "yes | the boolean true, not as text",
        "No | the boolean false, not as text",
        "on | the boolean true, not as text",
        "OFF | the boolean false, not as text",
        "true | the boolean true, not as text",
        "2001-12-14t21:59:43.10-05:00 | a date and time, not as text",
      })
  void textThatYaml11ToolsReadAsAnotherValue(String plain, String reading) {
    assertEquals(
        Optional.of(
            "is unquoted, and YAML 1.1 tools such as PyYAML read it as "
                + reading
                + "; quote it (\""
                + plain
                + "\") so that every YAML tool reads the text"),
        Yaml11.difference(plain, plain));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "111122223333", // an int to PyYAML, but the same digits
        "1.5",
        "1e3", // text to PyYAML: YAML 1.1 floats need a dot
        "0o17", // YAML 1.2's octal; text in 1.1
        "eu-central-1",
        "2026-01-15", // a date that prints as written
        "y",
        "payments-prod"
      })
  void textThatEveryToolReadsAlike(String plain) {
    assertEquals(Optional.empty(), Yaml11.difference(plain, plain));
  }

  @Test
  void leadingZeroDigitsWithAnEightOrNineAreNamedAsAmbiguous() {
    assertTrue(
        Yaml11.difference("012345678901", "012345678901")
            .orElseThrow()
            .contains("YAML 1.1 tools disagree on it"));
  }

  @Test
  void numbersCompareByValue() {
    assertEquals(Optional.empty(), Yaml11.difference("3", 3));
    assertEquals(Optional.empty(), Yaml11.difference("03", 3), "octal 3 is 3");
    assertEquals(
        Optional.of(
            "is read by Runwright as 10, but YAML 1.1 tools such as PyYAML read it as the number 8"
                + " (a leading 0 makes it base 8); write 10"),
        Yaml11.difference("010", 10));
    assertEquals(
        Optional.of(
            "is read by Runwright as 9, but YAML 1.1 tools such as PyYAML read it as the text"
                + " \"09\" (a leading 0 makes it base 8, which 8 and 9 are not); write 9"),
        Yaml11.difference("09", 9));
    assertEquals(Optional.empty(), Yaml11.difference("true", Boolean.TRUE));
  }

  @Test
  void anUnquotedOctalAccountInAFileIsOneWarningWithItsPlaceAndStrictFailsOnIt()
      throws IOException {
    Path f =
        Files.writeString(
            tmp.resolve("runbook.yaml"),
            "account: 012345670123\nregion: us-east-1\nkeys: [1234abcd-12ab-34cd-56ef-1234567890ab]\n"
                + "clusterId: db1\ndescription: yes\n");
    String[] args = {"generate", "-q", "--config", f.toString(), "--out", tmp.resolve("out") + ""};
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    assertEquals(0, code, err.toString());
    assertEquals(
        f
            + ":1:10: warning: account: \"012345670123\" is unquoted, and YAML 1.1 tools such as"
            + " PyYAML read it as the number 1402433619 (a leading 0 makes it base 8); quote it"
            + " (\"012345670123\") so that every YAML tool reads the text\n"
            + f
            + ":5:14: warning: description: \"yes\" is unquoted, and YAML 1.1 tools such as"
            + " PyYAML read it as the boolean true, not as text; quote it (\"yes\") so that every"
            + " YAML tool reads the text\n",
        err.toString());

    StringWriter strictErr = new StringWriter();
    Path strictOut = tmp.resolve("strict");
    int strict =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(strictErr),
            "generate",
            "--strict",
            "--config",
            f.toString(),
            "--out",
            strictOut.toString());
    assertEquals(3, strict, strictErr.toString());
    assertTrue(Files.notExists(strictOut));
  }

  @Test
  void aQuotedAccountAndAFlagGetNoWarning() throws IOException {
    Path f =
        Files.writeString(
            tmp.resolve("runbook.yaml"),
            "account: \"012345670123\"\nregion: us-east-1\n"
                + "keys: [1234abcd-12ab-34cd-56ef-1234567890ab]\nclusterId: db1\n");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "generate",
            "-q",
            "--config",
            f.toString(),
            "--description",
            "yes",
            "--out",
            tmp.resolve("out").toString());
    assertEquals(0, code, err.toString());
    assertEquals("", err.toString());
  }
}
