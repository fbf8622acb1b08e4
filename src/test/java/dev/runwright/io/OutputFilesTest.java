package dev.runwright.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writing an output folder: paths that would leave it are refused, unchanged files are left alone,
 * and a failed write changes nothing.
 */
class OutputFilesTest {
  @TempDir Path tmp;

  private static OutputFiles.Output text(String path, String text) {
    return OutputFiles.Output.text(path, text);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(
      strings = {
        "",
        "/etc/passwd",
        "../x",
        "a/../../x",
        "a/../b",
        "./a",
        "a/./b",
        "a//b",
        "a/",
        "a\\b",
        "..",
        "."
      })
  void aPathThatIsNotRelativeInsideTheFolderIsRefused(String rel) {
    OutputException e =
        assertThrows(OutputException.class, () -> OutputFiles.checkRelative(rel, "out"));
    assertEquals(
        "refusing to write " + rel + ": it is not a relative path inside out", e.getMessage());
  }

  @ParameterizedTest(name = "\"{0}\" is accepted")
  @ValueSource(strings = {"a", "kms/runbook.md", "..a", "a..", ".hidden", "a/.b/c", "a b/c"})
  void aRelativePathInsideTheFolderIsAccepted(String rel) {
    assertEquals(rel, OutputFiles.checkRelative(rel, "out"));
  }

  @Test
  void resolveInsideRefusesEscapesAndGivesThePathInside() {
    Path dir = tmp.resolve("out");
    assertEquals(
        dir.resolve("kms/policy.json"),
        OutputFiles.resolveInside(dir, dir, "kms/policy.json", "out"));
    assertThrows(OutputException.class, () -> OutputFiles.resolveInside(dir, dir, "../x", "out"));
  }

  @Test
  void filesAreWrittenAndFoldersMade() throws IOException {
    Path out = tmp.resolve("out");
    OutputFiles.Result r =
        OutputFiles.write(out, List.of(text("a.md", "A"), text("kms/b/c.json", "{}")), "out");
    assertEquals(List.of("a.md", "kms/b/c.json"), r.written());
    assertEquals(List.of(), r.unchanged());
    assertEquals("A", Files.readString(out.resolve("a.md")));
    assertEquals("{}", Files.readString(out.resolve("kms/b/c.json")));
    assertEquals(List.of(), leftovers(out), "no temporary file is left");
  }

  @Test
  void anUnchangedFileIsNotTouched() throws IOException {
    Path out = tmp.resolve("out");
    OutputFiles.write(out, List.of(text("a.md", "A"), text("b.md", "B")), "out");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(out.resolve("a.md"), old);
    OutputFiles.Result r =
        OutputFiles.write(out, List.of(text("a.md", "A"), text("b.md", "B2")), "out");
    assertEquals(List.of("b.md"), r.written());
    assertEquals(List.of("a.md"), r.unchanged());
    assertEquals(old, Files.getLastModifiedTime(out.resolve("a.md")));
    assertEquals("B2", Files.readString(out.resolve("b.md")));
  }

  @Test
  void aFailedWriteChangesNothing() throws IOException {
    Path out = tmp.resolve("out");
    OutputFiles.write(out, List.of(text("a.md", "A")), "out");
    Files.createDirectories(out.resolve("b.md"));
    OutputException e =
        assertThrows(
            OutputException.class,
            () ->
                OutputFiles.write(
                    out,
                    List.of(text("a.md", "A2"), text("new/c.md", "C"), text("b.md", "B")),
                    "out"));
    assertEquals(
        "cannot write b.md: out/b.md is a folder; move it away or choose another --out",
        e.getMessage());
    assertEquals("A", Files.readString(out.resolve("a.md")), "the earlier file is unchanged");
    assertFalse(Files.exists(out.resolve("new")), "the folder made for it is removed");
    assertEquals(List.of(), leftovers(out));
  }

  @Test
  void anEscapingPathIsRefusedBeforeAnythingIsWritten() {
    Path out = tmp.resolve("out");
    OutputException e =
        assertThrows(
            OutputException.class,
            () -> OutputFiles.write(out, List.of(text("a.md", "A"), text("../x.md", "X")), "out"));
    assertEquals("refusing to write ../x.md: it is not a relative path inside out", e.getMessage());
    assertFalse(Files.exists(tmp.resolve("x.md")));
    assertFalse(Files.exists(out.resolve("a.md")));
  }

  @Test
  void aSymbolicLinkOutOfTheFolderIsRefused() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(out.resolve("kms"), elsewhere);
    OutputException e =
        assertThrows(
            OutputException.class,
            () -> OutputFiles.write(out, List.of(text("kms/policy.json", "{}")), "out"));
    assertEquals(
        "refusing to write kms/policy.json: a folder on its way is a symbolic link out of out",
        e.getMessage());
    assertFalse(Files.exists(elsewhere.resolve("policy.json")));
  }

  @Test
  void anOutputFolderThatCannotBeOneIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertEquals(
        "--out file is a file, not a folder",
        assertThrows(OutputException.class, () -> OutputFiles.checkFolder(file, "file"))
            .getMessage());
    Path link =
        Files.createSymbolicLink(tmp.resolve("link"), Files.createDirectories(tmp.resolve("real")));
    assertTrue(
        assertThrows(OutputException.class, () -> OutputFiles.checkFolder(link, "link"))
            .getMessage()
            .startsWith("--out link is a symbolic link (to "));
    assertEquals(
        "--out is empty; give a folder, such as out (or . for the current folder)",
        assertThrows(OutputException.class, () -> OutputFiles.checkFolder(tmp, "")).getMessage());
    assertEquals(
        "the folder is empty; give a folder, such as out (or . for the current folder)",
        assertThrows(OutputException.class, () -> OutputFiles.checkFolder(tmp, "", ""))
            .getMessage());
    assertTrue(
        assertThrows(
                OutputException.class,
                () -> OutputFiles.checkFolder(file.resolve("sub"), "file/sub"))
            .getMessage()
            .startsWith("--out file/sub cannot be created: "));
  }

  @Test
  void sameBytesIsTrueOnlyForARegularFileWithExactlyThoseBytes() throws IOException {
    Path f = Files.writeString(tmp.resolve("f"), "abc");
    assertTrue(OutputFiles.sameBytes(f, "abc".getBytes()));
    assertFalse(OutputFiles.sameBytes(f, "abd".getBytes()));
    assertFalse(OutputFiles.sameBytes(f, "ab".getBytes()));
    assertFalse(OutputFiles.sameBytes(tmp.resolve("missing"), new byte[0]));
    Path link = Files.createSymbolicLink(tmp.resolve("l"), f);
    assertFalse(OutputFiles.sameBytes(link, "abc".getBytes()), "a link is not the file");
  }

  @Test
  void aTemporaryFileIsHiddenBesideItsTarget() {
    Path t = OutputFiles.tempBeside(tmp.resolve("kms/policy.json"));
    assertEquals(tmp.resolve("kms"), t.getParent());
    assertTrue(
        t.getFileName().toString().matches("\\.policy\\.json\\.runwright-[0-9a-f]+\\.tmp"),
        t.toString());
  }

  private static List<Path> leftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
