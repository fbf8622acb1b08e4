package dev.runwright.site;

import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The folders a publish makes beside or inside its output, and what an interrupted one leaves: the
 * hidden staging and old folders ({@code .public.runwright-staging-1a2b3c}), their permissions, and
 * their removal. Stateless.
 */
final class StagingFolders {
  private StagingFolders() {}

  /**
   * Gives the staging folder the output folder's group and set-group-ID bit before anything is
   * written, so that everything built in it belongs to that group, as it would in the output folder
   * itself (a web root shared by a team, for example). Best effort.
   */
  static void inheritGroup(Path dir, Path staging) {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      Object group = Files.getAttribute(dir, "posix:group", LinkOption.NOFOLLOW_LINKS);
      if (!group.equals(Files.getAttribute(staging, "posix:group"))) {
        Files.setAttribute(staging, "posix:group", group);
      }
      int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if ((mode & SET_GROUP_ID) != 0) {
        int own = (Integer) Files.getAttribute(staging, "unix:mode");
        Files.setAttribute(staging, "unix:mode", (own & 07777) | SET_GROUP_ID);
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // best effort: not a POSIX file system, or not a member of the group
    }
  }

  static final int SET_GROUP_ID = 02000;

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Undoes an interrupted swap and removes what interrupted runs left beside {@code dir}. */
  static void recover(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      List<Path> olds = siblings(abs, ".runwright-old-");
      if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && olds.size() == 1) {
        move(olds.get(0), abs); // the swap stopped between its two renames
      }
      removeStale(abs, ".runwright-old-");
    } catch (IOException e) {
      throw new OutputException(
          "cannot tidy up an interrupted publish beside " + dir + ": " + OutputFiles.describe(e),
          e);
    }
  }

  /** Whether {@code abs} is a folder on another file system than its parent (a mount point). */
  static boolean isMountPoint(Path abs) {
    try {
      return Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)
          && !Files.getFileStore(abs).equals(Files.getFileStore(abs.getParent()));
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes staging folders an interrupted publish left inside a mount point. */
  static void removeStaleInside(Path abs) throws IOException {
    String prefix = "." + abs.getFileName() + ".runwright-staging-";
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(abs)) {
      for (Path p : ds) {
        if (p.getFileName().toString().startsWith(prefix)) {
          deleteTree(p);
        }
      }
    }
  }

  static void removeStale(Path abs, String marker) throws IOException {
    for (Path p : siblings(abs, marker)) {
      deleteTree(p);
    }
  }

  static List<Path> siblings(Path abs, String marker) throws IOException {
    List<Path> out = new ArrayList<>();
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return out;
    }
    String prefix = "." + abs.getFileName() + marker;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
      for (Path p : ds) {
        if (p.getFileName().toString().startsWith(prefix)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  static String hidden(Path abs, String what) {
    return "."
        + abs.getFileName()
        + ".runwright-"
        + what
        + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  /** {@link #deleteTree}, for clean-up paths where a failure must not hide the first one. */
  static void deleteQuietly(Path root) {
    try {
      deleteTree(root);
    } catch (UncheckedIOException e) {
      // left behind; the next run removes it
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
              Files.delete(f);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives the staging folder the output folder's permissions, before the swap. Best effort. */
  static void copyPermissions(Path dir, Path staging) {
    try {
      if (Files.isDirectory(dir)) {
        Files.setPosixFilePermissions(staging, Files.getPosixFilePermissions(dir));
        int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        int own = (Integer) Files.getAttribute(staging, "unix:mode");
        if ((mode & SET_GROUP_ID) != (own & SET_GROUP_ID)) {
          Files.setAttribute(
              staging, "unix:mode", (own & 07777 & ~SET_GROUP_ID) | (mode & SET_GROUP_ID));
        }
      } else {
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // best effort: a folder with default permissions is still correct
    }
  }

  /** Whether {@code name}, in or beside the folder {@code abs}, is one of a publish's own. */
  static boolean isOurs(Path abs, String name) {
    return name.startsWith("." + abs.getFileName() + ".runwright-");
  }
}
