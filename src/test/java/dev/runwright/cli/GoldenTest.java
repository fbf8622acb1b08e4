package dev.runwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files: each folder under {@code src/test/resources/golden/} holds an {@code input.yaml}
 * and the {@code expected/} files {@code runwright generate} must write for it, byte for byte. A
 * person has read every expected file. After a deliberate change, regenerate them with {@code mvn
 * test -Dtest=GoldenTest -Drunwright.golden.update=true} and read the diff.
 */
class GoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("runwright.golden.update");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsExpectedFiles() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(ROOT)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(cases.size() >= 3, "golden cases are missing");
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private void check(Path caseDir) throws IOException {
    Path out = tmp.resolve(caseDir.getFileName());
    Map<String, String> first = generate(caseDir, out);
    Path expected = caseDir.resolve("expected");
    if (UPDATE) {
      deleteTree(expected);
      for (var e : first.entrySet()) {
        Path f = expected.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue());
      }
    }
    Map<String, String> want = read(expected);
    assertEquals(want.keySet(), first.keySet(), "the files written");
    for (var e : want.entrySet()) {
      assertEquals(e.getValue(), first.get(e.getKey()), caseDir.getFileName() + "/" + e.getKey());
    }
    // Running again into the same folder changes nothing and rewrites nothing.
    StringWriter o = new StringWriter();
    int code = run(caseDir, out, o);
    assertEquals(0, code);
    // The manifest (the list of files it wrote, for the next run) is not counted.
    assertTrue(
        o.toString().contains("(0 written, " + (want.size() - 1) + " unchanged)"), o.toString());
    assertEquals(first, read(out), "a second run gives the same bytes");
  }

  private Map<String, String> generate(Path caseDir, Path out) throws IOException {
    StringWriter o = new StringWriter();
    int code = run(caseDir, out, o);
    assertEquals(0, code, o.toString());
    return read(out);
  }

  private static int run(Path caseDir, Path out, StringWriter o) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "--config",
                caseDir.resolve("input.yaml").toString(),
                "--out",
                out.toString()));
    Path extra = caseDir.resolve("args");
    if (Files.exists(extra)) {
      args.addAll(List.of(Files.readString(extra).trim().split("\\s+")));
    }
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(o), new PrintWriter(e), args.toArray(String[]::new));
    o.append(e.toString());
    return code;
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
