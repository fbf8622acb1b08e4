package dev.runwright.site;

import dev.runwright.io.OutputException;
import dev.runwright.io.PathSet;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Carries the user's own files from a published folder into the staging folder before the swap
 * (hard links, else copies), so that the swapped-in folder still holds them; and tells which of
 * them a published file replaces. Git's files count apart from the user's.
 */
final class CarryOver {
  private final Path dir;
  private final String shown;
  private final Path staging;
  private final PathSet previous;
  private final Predicate<String> written;
  private PathSet previousFolders;

  /**
   * @param dir the published folder
   * @param shown the folder as the user typed it
   * @param staging the staging folder
   * @param previous the files Runwright published there before (its manifest)
   * @param written the files this publish wrote
   */
  CarryOver(Path dir, String shown, Path staging, PathSet previous, Predicate<String> written) {
    this.dir = dir;
    this.shown = shown;
    this.staging = staging;
    this.previous = previous;
    this.written = written;
  }

  /**
   * Hard-links (or copies) every file in the output that Runwright did not write into staging, and
   * notes the user's files that a published file replaces.
   */
  Carried run() throws IOException {
    int[] kept = {0};
    boolean[] git = {false};
    java.util.TreeSet<String> first = new java.util.TreeSet<>();
    List<String> replaced = new ArrayList<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (d.equals(staging)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (!d.equals(dir)) {
              String rel = rel(d);
              if (!isOurFolder(rel)) {
                Path to = staging.resolve(rel);
                if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(to)) {
                  throw inTheWay(rel, "a folder", "a file");
                }
                Files.createDirectories(to);
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            String rel = rel(f);
            if (rel.equals(Publisher.MANIFEST)
                || previous.contains(rel)
                || (f.getParent().equals(dir) && StagingFolders.isOurs(dir, rel))) {
              return FileVisitResult.CONTINUE; // ours: the manifest, a published file, the lock
            }
            if (written.test(rel)) {
              replaced.add(rel); // the user's file, which a published file now replaces
              return FileVisitResult.CONTINUE;
            }
            Path to = staging.resolve(rel);
            Files.createDirectories(to.getParent());
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
              throw inTheWay(
                  rel, attrs.isSymbolicLink() ? "a symbolic link" : "a file", "a folder");
            }
            if (attrs.isSymbolicLink()) {
              Files.createSymbolicLink(to, Files.readSymbolicLink(f));
            } else {
              try {
                Files.createLink(to, f);
              } catch (IOException | UnsupportedOperationException e) {
                Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
              }
            }
            if (rel.equals(".git") || rel.startsWith(".git/")) {
              git[0] = true; // git's own files are not the user's pages
            } else {
              kept[0]++;
              first.add(rel);
              if (first.size() > Carried.SHOWN) {
                first.pollLast();
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
    replaced.sort(null);
    return new Carried(kept[0], List.copyOf(first), git[0], replaced);
  }

  /** A file of the user's where the site now writes something of another kind. */
  private OutputException inTheWay(String rel, String what, String siteHas) {
    return new OutputException(
        "cannot publish "
            + shown
            + ": "
            + shown
            + "/"
            + rel
            + " is "
            + what
            + " Runwright did not write, and the site has "
            + siteHas
            + " there; move it away (nothing was changed)");
  }

  private String rel(Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }

  /** A folder that holds files Runwright published before. */
  private boolean isOurFolder(String rel) {
    if (previousFolders == null) {
      PathSet.Builder folders = PathSet.builder();
      String[] prev = {""};
      previous.forEach(
          p -> {
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
              // The manifest is sorted, so a folder's files come together: add it once.
              if (!prev[0].startsWith(p.substring(0, slash + 1))) {
                folders.add(p.substring(0, slash));
              }
            }
            prev[0] = p;
          });
      previousFolders = folders.build(null);
    }
    return previousFolders.contains(rel);
  }
}
