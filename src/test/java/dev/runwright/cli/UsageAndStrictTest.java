package dev.runwright.cli;

import static dev.runwright.cli.GenerateCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, items 6 and 7: unknown options, Region typos in generate, and {@code --strict}. */
class UsageAndStrictTest {
  static final String KEY = GenerateCommandTest.KEY;

  @TempDir Path tmp;

  @Test
  void anUnknownOptionIsNamedAloneWithTheOptionItMostLikelyIs() {
    var r = run("generate", "--regoin", "eu-central-1", "--account", "111122223333");
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals(
        "error: Unknown option: '--regoin'; did you mean --region?\n"
            + "Try 'runwright generate --help' for more information.\n",
        r.err());
  }

  @Test
  void everyUnknownOptionGetsItsOwnLineAndAnEqualsValueIsNotPartOfTheName() {
    var r = run("site", "--config", "site/site.yaml", "--confg=x.yaml", "--otu", "x", "--zzzzzzzz");
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals(
        "error: Unknown option: '--confg'; did you mean --config?\n"
            + "error: Unknown option: '--otu'; did you mean --out?\n"
            + "error: Unknown option: '--zzzzzzzz'\n"
            + "Try 'runwright site --help' for more information.\n",
        r.err());
  }

  @Test
  void aRegionTypoSuggestsTheRegionAndStrictMakesItFailWithNothingWritten() {
    Path out = tmp.resolve("out");
    String[] args = {
      "generate",
      "--account",
      "111122223333",
      "--region",
      "eu-centrl-1",
      "--key",
      KEY,
      "--cluster-id",
      "db1",
      "--out",
      out.toString()
    };
    var warned = run(args);
    assertEquals(ExitCode.OK, warned.code(), warned.err());
    assertEquals(
        "--region: warning: region: \"eu-centrl-1\" is not a Region Runwright knows (botocore,"
            + " January 2026); it is well formed for partition aws, so the runbook uses it as"
            + " written; did you mean eu-central-1?\n",
        warned.err());

    Path strictOut = tmp.resolve("strict");
    args[args.length - 1] = strictOut.toString();
    String[] strict = java.util.Arrays.copyOf(args, args.length + 1);
    strict[args.length] = "--strict";
    var failed = run(strict);
    assertEquals(ExitCode.INVALID_INPUT, failed.code(), failed.err());
    assertTrue(failed.err().contains("did you mean eu-central-1?"), failed.err());
    assertTrue(failed.err().contains("(an error with --strict)"), failed.err());
    assertTrue(failed.err().endsWith("nothing was written\n"), failed.err());
    assertFalse(Files.exists(strictOut), "nothing was written");
  }

  @Test
  void aWellFormedNewRegionFarFromEveryKnownOneGetsNoSuggestion() {
    var r =
        run(
            "generate",
            "-q",
            "--account",
            "111122223333",
            "--region",
            "eu-nowhere-7",
            "--key",
            KEY,
            "--cluster-id",
            "db1",
            "--out",
            tmp.resolve("out").toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.err().contains("is not a Region Runwright knows"), r.err());
    assertFalse(r.err().contains("did you mean"), r.err());
  }

  @Test
  void lintStrictFailsOnAWarningButNotOnASuggestion() throws IOException {
    Path warning =
        Files.writeString(
            tmp.resolve("warning.json"),
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\":"
                + " \"kms:Decrypt\", \"Resource\":"
                + " \"arn:aws:kms:eu-centrl-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}}");
    assertEquals(ExitCode.OK, run("lint", warning.toString()).code());
    var strict = run("lint", "--strict", warning.toString());
    assertEquals(ExitCode.FINDINGS, strict.code(), strict.out());
    assertTrue(strict.out().contains("WARNING UNKNOWN_ARN_REGION"), strict.out());

    Path suggestion =
        Files.writeString(
            tmp.resolve("suggestion.json"),
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\":"
                + " \"kms:decrypt\", \"Resource\":"
                + " \"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}}");
    var onlySuggestion = run("lint", "--strict", suggestion.toString());
    assertTrue(onlySuggestion.out().contains("SUGGESTION"), onlySuggestion.out());
    assertEquals(ExitCode.OK, onlySuggestion.code(), onlySuggestion.out());
  }

  @Test
  void helpDocumentsTheExitCodesOfStrict() {
    String top = run("--help").out().replaceAll("\\s+", " ");
    assertTrue(top.contains("With --strict a warning fails too: exit 3"), top);
    String lint = run("lint", "--help").out().replaceAll("\\s+", " ");
    assertTrue(lint.contains("--strict"), lint);
    assertTrue(lint.contains("with --strict, also a WARNING or SECURITY_WARNING"), lint);
  }

  /**
   * A pack's help with a % in it (loader@'10.0.%') is shown as written, with no picocli warning.
   */
  @Test
  void helpShowsAPercentSignOfAPacksHelpAsWritten() {
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
    GenerateCommandTest.Run r;
    try {
      r = run("generate", "--help");
    } finally {
      System.setErr(before);
    }
    assertEquals(ExitCode.OK, r.code());
    assertTrue(r.out().replaceAll("\\s+", " ").contains("(loader@'10.0.%')"), r.out());
    assertEquals("", stderr.toString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
