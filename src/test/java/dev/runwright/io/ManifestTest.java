package dev.runwright.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of files Runwright wrote: written sorted, read back the same, and the next run removes
 * what it no longer writes and nothing else.
 */
class ManifestTest {
  @TempDir Path dir;

  private void write(String rel) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, rel);
  }

  @Test
  void theTextIsAHeaderAndTheFilesSorted() {
    String text = Manifest.text(List.of("kms/runbook.md", "index.html", "assets/site.css"));
    List<String> lines = text.lines().toList();
    assertTrue(lines.get(0).startsWith("# "), "a comment says what the file is");
    assertEquals(List.of("assets/site.css", "index.html", "kms/runbook.md"), lines.subList(1, 4));
    assertTrue(text.endsWith("kms/runbook.md\n"));
  }

  @Test
  void whatIsWrittenIsReadBack() throws IOException {
    Set<String> files = Set.of("index.html", "kms/runbook.md", "a b/ü.html");
    Files.writeString(dir.resolve(Manifest.NAME), Manifest.text(files));
    assertEquals(files, Manifest.read(dir));
  }

  @Test
  void noManifestIsNoFiles() throws IOException {
    assertEquals(Set.of(), Manifest.read(dir));
  }

  @Test
  void linesThatWouldLeaveTheFolderAreIgnored() throws IOException {
    Files.writeString(
        dir.resolve(Manifest.NAME),
        "# header\nok.html\n../outside\n/etc/passwd\na/../../b\na\\b\n\n   \n# comment\n");
    assertEquals(Set.of("ok.html"), Manifest.read(dir));
  }

  @Test
  void staleFilesAreRemovedAndOthersKept() throws IOException {
    write("index.html");
    write("old/page.html");
    write("kms/old.md");
    write("kms/runbook.md");
    write("mine.txt"); // not Runwright's: never listed
    List<String> removed =
        Manifest.removeStale(
            dir,
            Set.of("index.html", "old/page.html", "kms/old.md", "kms/runbook.md", "gone.html"),
            Set.of("index.html", "kms/runbook.md"));
    assertEquals(List.of("kms/old.md", "old/page.html"), removed, "sorted, only what existed");
    assertFalse(Files.exists(dir.resolve("old")), "the folder it left empty is removed");
    assertTrue(Files.exists(dir.resolve("kms/runbook.md")));
    assertTrue(Files.exists(dir.resolve("mine.txt")));
    assertTrue(Files.exists(dir.resolve("index.html")));
  }

  @Test
  void pruningStopsAtAFolderThatHoldsSomethingAndAtTheRoot() throws IOException {
    Files.createDirectories(dir.resolve("a/b/c"));
    write("a/keep.txt");
    Manifest.pruneEmptyFolders(dir, dir.resolve("a/b/c"));
    assertFalse(Files.exists(dir.resolve("a/b")));
    assertTrue(Files.exists(dir.resolve("a/keep.txt")));
    Path empty = Files.createDirectories(dir.resolve("e"));
    Manifest.pruneEmptyFolders(empty, empty);
    assertTrue(Files.exists(empty), "the output folder itself stays");
  }
}
