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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 4: {@code site} into a folder the user may write whose parent they may not. As a
 * normal user the parent is made read-only with chmod; root ignores permissions, so as root it is
 * made immutable with {@code chattr +i} (which refuses root too). The test is skipped where neither
 * works (chattr needs ext4 or a similar file system and CAP_LINUX_IMMUTABLE).
 */
class ReadOnlyParentTest {
  @TempDir Path tmp;

  @Test
  void aFolderWhoseParentIsReadOnlyIsStagedInsideAndPublishedFileByFile() throws Exception {
    Path parent = Files.createDirectory(tmp.resolve("shared"));
    Path out = Files.createDirectory(parent.resolve("mysite"));
    write(out.resolve("notes.txt"), "mine\n");
    lock(parent);
    try {
      Run first = buildSite(EXAMPLE, out, "--force");
      assertTrue(
          first
              .err()
              .contains(
                  "note: published file by file, not by swapping the folder: the"
                      + " folder it is in, "
                      + parent
                      + ", cannot be written ("),
          first::describe);
      assertTrue(Files.isRegularFile(out.resolve("prod-use1/index.html")));
      assertTrue(first.out().contains(", kept 1 of your own files (notes.txt): "), first::describe);
      assertEquals(List.of("mysite"), names(parent), "nothing beside it: the parent is unchanged");
      assertFalse(
          names(out).stream().anyMatch(n -> n.startsWith(".mysite.runwright-")),
          "neither the staging folder nor the lock is left inside: " + names(out));

      // A rebuild with one runbook fewer removes that runbook's files, and keeps the user's.
      String all = read(EXAMPLE);
      int from = all.indexOf("\n  - id: dr-usw2\n");
      int to = all.indexOf("\n  - id:", from + 1);
      Path fewer = tmp.resolve("fewer.yaml");
      write(fewer, all.substring(0, from) + (to < 0 ? "\n" : all.substring(to)));
      Run again = buildSite(fewer, out);
      assertTrue(again.out().contains(", kept 1 of your own files (notes.txt): "), again::describe);
      assertFalse(Files.exists(out.resolve("dr-usw2")), "the removed runbook is gone");
      assertEquals("mine\n", read(out.resolve("notes.txt")));
      assertFalse(
          names(out).stream().anyMatch(n -> n.startsWith(".mysite.runwright-")), "" + names(out));
    } finally {
      unlock(parent);
    }
  }

  @Test
  void aFolderThatDoesNotExistUnderAReadOnlyParentIsOneLineSayingWhatToDo() throws Exception {
    Path parent = Files.createDirectory(tmp.resolve("shared"));
    Path out = parent.resolve("mysite");
    lock(parent);
    try {
      Run r = runwright("site", "--config", EXAMPLE.toString(), "--out", out.toString());
      assertEquals(ExitCode.OUTPUT, r.code(), r::describe);
      assertEquals(1, r.errLines().size(), r::describe);
      assertEquals(
          "error: --out "
              + out
              + " cannot be created: "
              + parent
              + " is not writable; create "
              + out
              + " first as someone who may write there (mkdir, then make it yours: Runwright"
              + " publishes into a folder whose parent is read-only), or choose another --out\n",
          r.err());
      assertEquals(List.of(), names(parent));
    } finally {
      unlock(parent);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Makes {@code dir} refuse new entries and renames, for this user. */
  private static void lock(Path dir) throws Exception {
    if (isRoot()) {
      Process p =
          new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      Assumptions.assumeTrue(p.waitFor() == 0, "chattr +i does not work here: " + out);
    } else {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    Assumptions.assumeFalse(canCreateIn(dir), "cannot make " + dir + " read-only here");
  }

  private static boolean canCreateIn(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ""));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void unlock(Path dir) throws Exception {
    if (isRoot()) {
      new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
    } else {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
