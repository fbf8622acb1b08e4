package dev.runwright.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathSetTest {
  @TempDir Path dir;

  @Test
  void holdsWhatWasAddedAndNothingElse() {
    Random r = new Random(7);
    PathSet.Builder b = PathSet.builder();
    List<String> in = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String p = "rb-" + r.nextInt(1_000_000) + "/step-" + (i % 7) + "/index.html";
      in.add(p);
      b.add(p);
      b.add(p); // twice: kept once
    }
    PathSet set = b.build(null);
    assertEquals(in.stream().distinct().count(), set.size());
    in.forEach(p -> assertTrue(set.contains(p), p));
    for (int i = 0; i < 20_000; i++) {
      String p = "rb-" + (1_000_000 + i) + "/step-1/index.html";
      assertFalse(set.contains(p), p);
    }
    assertFalse(set.contains(""));
    assertThrows(UnsupportedOperationException.class, () -> set.forEach(p -> {}));
    assertTrue(PathSet.EMPTY.isEmpty());
    assertFalse(PathSet.EMPTY.contains("index.html"));
  }

  @Test
  void aManifestIsWrittenFromTheFolderSortedAsStringsAndReadBack() throws IOException {
    List<String> files =
        List.of("a-b/x", "a/x.html", "a.b", "a/x-y/z", "a/x/y", "b", "é/ü.html", "A/B", "a/x.z");
    for (String f : files) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f);
    }
    assertEquals(files.size(), Manifest.writeOf(dir));
    List<String> sorted = new ArrayList<>(files);
    sorted.sort(null);
    List<String> lines = Files.readAllLines(dir.resolve(Manifest.NAME));
    assertTrue(lines.get(0).startsWith("#"));
    assertEquals(sorted, lines.subList(1, lines.size()), "the order Manifest.text gives");
    assertEquals(Manifest.text(files), Files.readString(dir.resolve(Manifest.NAME)));

    PathSet read = Manifest.paths(dir);
    assertEquals(files.size(), read.size());
    files.forEach(f -> assertTrue(read.contains(f), f));
    assertFalse(read.contains(Manifest.NAME));
    List<String> walked = new ArrayList<>();
    read.forEach(walked::add);
    assertEquals(sorted, walked);
    assertEquals(PathSet.EMPTY, Manifest.paths(dir.resolve("a-b")));
  }
}
