package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.runwright;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.ExitCode;
import dev.runwright.site.SiteTestSupport.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, items 1 and 5: {@code site --force} and {@code wiki} name each of the user's files they
 * replace, and count as kept only the user's own files, not git's.
 */
class KeptAndReplacedTest {
  @TempDir Path tmp;

  @Test
  void siteForceNamesEveryFileItReplacesAndTheFewFilesItKeeps() {
    Path out = tmp.resolve("mysite");
    write(out.resolve("index.html"), "<p>my own page</p>\n");
    write(out.resolve("404.html"), "<p>my own 404</p>\n");
    write(out.resolve("README.md"), "my own docs\n");

    Run r = buildSite(EXAMPLE, out, "--force");

    List<String> replaced = r.errLines().stream().filter(l -> l.startsWith("replaced ")).toList();
    assertEquals(
        List.of("replaced " + out.resolve("404.html"), "replaced " + out.resolve("index.html")),
        replaced,
        r::describe);
    assertTrue(r.out().contains(", kept 1 of your own files (README.md): "), r::describe);
    assertEquals("my own docs\n", read(out.resolve("README.md")));

    Run again = buildSite(EXAMPLE, out);
    assertFalse(again.err().contains("replaced "), "nothing of the user's is replaced twice");
    assertTrue(again.out().contains(", kept 1 of your own files (README.md): "), again::describe);
  }

  @Test
  void manyKeptFilesAreCountedNotListed() {
    Path out = tmp.resolve("mysite");
    for (int i = 0; i < 4; i++) {
      write(out.resolve("notes/" + i + ".txt"), "mine\n");
    }
    Run r = buildSite(EXAMPLE, out, "--force");
    assertTrue(r.out().contains(", kept 4 of your own files: "), r::describe);
    assertFalse(r.err().contains("replaced "), r::describe);
  }

  @Test
  void aWikiCloneCountsOnlyTheUsersPagesAndNamesTheHomePageItReplaces() throws Exception {
    Path clone = tmp.resolve("payments.wiki");
    Files.createDirectories(clone);
    git(clone, "init", "-q");
    write(clone.resolve("Home.md"), "# The wiki's own home\n");
    write(clone.resolve("On-call.md"), "# Who to call\n");
    git(clone, "add", "Home.md", "On-call.md");
    git(clone, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "x");

    Run r = runwright("wiki", "--config", EXAMPLE.toString(), "--out", clone.toString());

    assertEquals(ExitCode.OK, r.code(), r::describe);
    assertEquals(
        List.of("replaced " + clone.resolve("Home.md")),
        r.errLines().stream().filter(l -> l.startsWith("replaced ")).toList(),
        r::describe);
    assertTrue(r.out().contains(", kept .git and 1 of your own files (On-call.md): "), r::describe);
    assertEquals("# Who to call\n", read(clone.resolve("On-call.md")));
    assertTrue(Files.isDirectory(clone.resolve(".git/objects")), "git's files are kept");
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
  }
}
