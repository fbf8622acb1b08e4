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

  /**
   * The files listed in {@code dir}'s manifest, as a compact set for a large site; the list itself
   * waits in a temporary file, for {@link PathSet#forEach}. Empty when there is none.
   */
  public static PathSet paths(Path dir) throws IOException {
    Path m = dir.resolve(NAME);
    if (!Files.isRegularFile(m)) {
      return PathSet.EMPTY;
    }
    PathSet.Builder set = PathSet.builder();
    SpillFile spill = SpillFile.create();
    List<Long> chunks = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    try (java.io.BufferedReader in = Files.newBufferedReader(m, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank() && !line.startsWith("#") && isSafe(line)) {
          set.add(line);
          chunk.add(line);
          if (chunk.size() == 1024) {
            chunks.add(spill.append(chunk));
            chunk.clear();
          }
        }
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(spill.append(chunk));
    }
    return set.build(each -> chunks.forEach(at -> spill.read(at).forEach(each)));
  }

  /**
   * Writes the manifest of {@code root}: every file under it, sorted as strings are (a folder's
   * files as if its name ended in {@code /}), read from the folder, not kept in memory.
   *
   * @return how many files it lists
   */
  public static int writeOf(Path root) throws IOException {
    Path m = root.resolve(NAME);
    int[] count = {0};
    try (java.io.BufferedWriter out = Files.newBufferedWriter(m, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      list(root, "", m, out, count);
    }
    return count[0];
  }

  private static void list(Path dir, String prefix, Path skip, java.io.Writer out, int[] count)
      throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        boolean folder = Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!p.equals(skip)) {
          names.add(p.getFileName().toString() + (folder ? "/" : ""));
        }
      }
    }
    names.sort(null);
    for (String name : names) {
      if (name.endsWith("/")) {
        list(dir.resolve(name.substring(0, name.length() - 1)), prefix + name, skip, out, count);
      } else {
        out.write(prefix);
        out.write(name);
        out.write('\n');
        count[0]++;
      }
    }
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

  /**
   * As {@link #removeStale(Path, Set, Set)}, for the sets of a large site.
   *
   * @return how many files it deleted
   */
  public static int removeStale(Path dir, PathSet before, PathSet now) throws IOException {
    int[] removed = {0};
    try {
      before.forEach(
          rel -> {
            try {
              if (!now.contains(rel) && Files.deleteIfExists(dir.resolve(rel))) {
                removed[0]++;
                pruneEmptyFolders(dir, dir.resolve(rel).getParent());
              }
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return removed[0];
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
