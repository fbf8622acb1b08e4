package dev.runwright.site;

import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import dev.runwright.io.PathSet;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How {@link Publisher} puts one file into its staging folder: a file that must not be there yet (a
 * second document for one path fails, with no set of paths kept), its folder made when it is the
 * first, and a hard link to the published file instead when the bytes are the same, so that an
 * unchanged page keeps its time stamp and rsync, {@code aws s3 sync} or a CDN see no change.
 */
final class StagedFiles {
  private final Path dir;
  private final PathSet previous;

  /**
   * @param dir the published folder
   * @param previous what it holds that Runwright published
   */
  StagedFiles(Path dir, PathSet previous) {
    this.dir = dir;
    this.previous = previous;
  }

  /** Stages {@code bytes} at {@code target}, for {@code rel}. */
  void bytes(String rel, Path target, byte[] bytes) {
    try {
      if (!keepUnchanged(rel, target, bytes)) {
        try {
          writeNew(target, bytes);
        } catch (NoSuchFileException e) {
          // The folder's first file: make the folder (no set of folders made is kept).
          Files.createDirectories(target.getParent());
          writeNew(target, bytes);
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw new OutputException("two documents would both be written to " + rel);
    } catch (IOException e) {
      throw new OutputException("cannot write " + rel + ": " + OutputFiles.describe(e), e);
    }
  }

  /** Stages {@code text} at {@code target} as it is made, for {@code rel}. */
  void text(String rel, Path target, Target.Text text) {
    try {
      Files.createDirectories(target.getParent());
      try (Writer w =
          new java.io.BufferedWriter(
              new java.io.OutputStreamWriter(
                  Files.newOutputStream(
                      target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  StandardCharsets.UTF_8),
              1 << 16)) {
        text.writeTo(w);
      }
      Path published = dir.resolve(rel);
      if (previous.contains(rel)
          && Files.isRegularFile(published, LinkOption.NOFOLLOW_LINKS)
          && Files.mismatch(target, published) == -1L) {
        linkInstead(target, published);
      }
    } catch (FileAlreadyExistsException e) {
      throw new OutputException("two documents would both be written to " + rel);
    } catch (IOException e) {
      throw new OutputException("cannot write " + rel + ": " + OutputFiles.describe(e), e);
    }
  }

  /** Puts a link to the published file where its same copy was staged, keeping its time stamp. */
  private static void linkInstead(Path staged, Path published) {
    Path aside = staged.resolveSibling(staged.getFileName() + ".runwright-link");
    try {
      Files.createLink(aside, published);
      Files.move(
          aside, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      try {
        Files.deleteIfExists(aside);
      } catch (IOException ignored) {
        // the staged copy stays, which is as good
      }
    }
  }

  /** Writes a file that must not be there yet: a second document for one path fails. */
  private static void writeNew(Path target, byte[] bytes) throws IOException {
    Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /**
   * Links the published file into staging when its bytes are the same, so that an unchanged page
   * keeps its time stamp and rsync, {@code aws s3 sync} or a CDN see no change.
   */
  private boolean keepUnchanged(String rel, Path target, byte[] bytes) {
    if (!previous.contains(rel)) {
      return false;
    }
    Path published = dir.resolve(rel);
    try {
      if (!OutputFiles.sameBytes(published, bytes)) {
        return false;
      }
      try {
        Files.createLink(target, published);
      } catch (NoSuchFileException e) {
        Files.createDirectories(target.getParent());
        Files.createLink(target, published);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false; // the path written twice: writeNew says so
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false; // another file system, or no hard links: write the file
    }
  }
}
