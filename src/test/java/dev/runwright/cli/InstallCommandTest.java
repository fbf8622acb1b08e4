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

/** Issue 20, item 13: {@code bin/runwright install} puts {@code runwright} on PATH. */
class InstallCommandTest {
  private static final Path LAUNCHER = Path.of("bin/runwright").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void linksTheLauncherAndWritesBashCompletionAndSaysWhenThePrefixIsNotOnPath() throws IOException {
    Path prefix = tmp.resolve("local");
    var r = run("install", "--prefix", prefix.toString(), "--launcher", LAUNCHER.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    Path link = prefix.resolve("bin/runwright");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(LAUNCHER, Files.readSymbolicLink(link));
    assertTrue(Files.isExecutable(link), "the link leads to the executable launcher");
    Path completion = prefix.resolve("share/bash-completion/completions/runwright");
    String script = Files.readString(completion);
    assertTrue(script.contains("complete -F _complete_runwright"), script.substring(0, 200));
    assertTrue(script.contains("--cluster-id") && script.contains("wiki"), "every subcommand");
    assertEquals(
        "linked "
            + link
            + " -> "
            + LAUNCHER
            + "\n"
            + "wrote "
            + completion
            + " (bash completion; new shells load it)\n"
            + "zsh: add this line to ~/.zshrc: source <(runwright completion zsh)\n",
        r.out());
    assertTrue(
        r.err().startsWith("note: " + prefix.resolve("bin") + " is not on your PATH; "), r.err());
    assertTrue(r.err().contains("export PATH=\"" + prefix.resolve("bin") + ":$PATH\""), r.err());

    var again = run("install", "--prefix", prefix.toString(), "--launcher", LAUNCHER.toString());
    assertEquals(ExitCode.OK, again.code(), "installing again is fine: " + again.err());
  }

  @Test
  void aFileThatIsNotOurLinkIsReplacedOnlyWithForce() throws IOException {
    Path prefix = tmp.resolve("local");
    Path other = Files.createDirectories(prefix.resolve("bin")).resolve("runwright");
    Files.writeString(other, "#!/bin/sh\necho another tool\n");
    var refused = run("install", "--prefix", prefix.toString(), "--launcher", LAUNCHER.toString());
    assertEquals(ExitCode.OUTPUT, refused.code());
    assertEquals(
        "error: "
            + other
            + " already exists and is not a link to "
            + LAUNCHER
            + "; remove it, choose another --prefix, or add --force to replace it\n",
        refused.err());
    assertFalse(Files.isSymbolicLink(other));
    var forced =
        run("install", "--prefix", prefix.toString(), "--launcher", LAUNCHER.toString(), "--force");
    assertEquals(ExitCode.OK, forced.code(), forced.err());
    assertEquals(LAUNCHER, Files.readSymbolicLink(other));
  }

  @Test
  void onPathComparesFoldersNotText() {
    Path bin = tmp.resolve("bin");
    assertTrue(InstallCommand.onPath(bin, "/usr/bin:" + bin + "/:/bin"));
    assertFalse(InstallCommand.onPath(bin, "/usr/bin:" + bin + "x"));
    assertFalse(InstallCommand.onPath(bin, null));
  }

  @Test
  void topLevelHelpSaysHowToInstall() {
    String help = run("--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("bin/runwright install [--prefix DIR]"), help);
  }
}
