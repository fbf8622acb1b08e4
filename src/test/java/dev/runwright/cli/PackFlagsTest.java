package dev.runwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class PackFlagsTest {
  private static CommandSpec generate(String... args) {
    CommandLine cli =
        Main.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    return cli.getSubcommands().get("generate").getCommandSpec();
  }

  @Test
  void onlyTheCommandsOwnOptionsReadNoPack() {
    CommandSpec spec = generate("generate", "--config", "r.yaml", "--out", "o", "-q", "--verbose");
    assertFalse(spec.optionsMap().containsKey("--cluster-id"));
    assertFalse(PackFlags.needed(spec, "generate", "--config=r.yaml", "--out", "o", "-"));
  }

  @Test
  void aPackFlagHelpOrAnythingUnexpectedInstallsEveryPacksFlags() {
    for (String[] args :
        new String[][] {
          {"generate", "--account", "111122223333", "--cluster-id", "c"},
          {"generate", "--help"},
          {"generate", "-h"},
          {"generate", "--clster-id", "c"},
          {"generate", "-qf"},
          {"generate", "--cluster-id=c"},
        }) {
      assertTrue(generate(args).optionsMap().containsKey("--cluster-id"), String.join(" ", args));
    }
  }

  @Test
  void aRunbookFromPackFlagsStillGenerates() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "generate",
            "--account",
            "111122223333",
            "--region",
            "us-east-1",
            "--key",
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "--no-follow-ups",
            "--print",
            "policy.json");
    assertEquals(0, code, err.toString());
    assertTrue(
        out.toString().contains("arn:aws:kms:us-east-1:111122223333:key/1234abcd"), out.toString());
  }
}
