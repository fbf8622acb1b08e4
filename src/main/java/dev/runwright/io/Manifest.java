package dev.runwright.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The list of files Runwright wrote into a folder ({@value #NAME}), so that the next run removes
 * what it no longer writes, and only that: files it did not write are never touched.
 */
public final class Manifest {
  /** The manifest's name inside an output folder. */
  public static final String NAME = ".runwright-manifest";

  private static final String HEADER =
      "# Runwright published these files here; it removes only these on the next build.";

  private Manifest() {}

  /** The files listed in {@code dir}'s manifest; empty when there is none. */
  public static Set<String> read(Path dir) throws IOException {
    Path m = dir.resolve(NAME);
    Set<String> out = new HashSet<>();
    if (!Files.isRegularFile(m)) {
      return out;
    }
    for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#") && isSafe(line)) {
        out.add(line);
      }
    }
    return out;
  }

  /** The manifest's text for {@code files}, sorted. */
  public static String text(Collection<String> files) {
    List<String> sorted = new ArrayList<>(files);
    sorted.sort(null);
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (String f : sorted) {
      sb.append(f).append('\n');
    }
    return sb.toString();
  }

  /**
   * Deletes the files of {@code before} that are not in {@code now}, and the folders that leaves
   * empty.
   *
   * @return the files deleted, sorted
   */
  public static List<String> removeStale(Path dir, Set<String> before, Set<String> now)
      throws IOException {
    List<String> removed = new ArrayList<>();
    for (String rel : before) {
      if (!now.contains(rel) && Files.deleteIfExists(dir.resolve(rel))) {
        removed.add(rel);
        pruneEmptyFolders(dir, dir.resolve(rel).getParent());
      }
    }
    removed.sort(null);
    return removed;
  }

  /** Removes {@code folder} and the folders above it, up to {@code dir}, while they are empty. */
  public static void pruneEmptyFolders(Path dir, Path folder) throws IOException {
    for (Path f = folder; f != null && f.startsWith(dir) && !f.equals(dir); f = f.getParent()) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(f)) {
        if (ds.iterator().hasNext()) {
          return;
        }
      } catch (NoSuchFileException e) {
        continue;
      }
      Files.delete(f);
    }
  }

  private static boolean isSafe(String rel) {
    return !rel.startsWith("/") && !rel.contains("\\") && !List.of(rel.split("/")).contains("..");
  }
}
