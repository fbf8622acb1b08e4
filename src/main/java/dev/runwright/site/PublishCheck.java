package dev.runwright.site;

import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a folder may be published into, checked before anything is rendered. */
final class PublishCheck {
  private PublishCheck() {}

  /**
   * As {@link Publisher#check(Path, String, boolean)}; with {@code gitRepoIsFine}, a folder that is
   * a git working tree (a clone of a wiki) with nothing uncommitted is accepted too, since git
   * keeps whatever it replaces. Uncommitted changes would be lost, so they need {@code force}.
   */
  static void check(Path dir, String shown, boolean force, boolean gitRepoIsFine) {
    OutputFiles.checkFolder(dir, shown);
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.getParent() != null && Files.isDirectory(abs.getParent())) {
      // Under the lock: what looks like an interrupted swap may be another build's swap.
      PublishLock held;
      try {
        held = PublishLock.take(PublishLock.beside(abs), shown);
      } catch (IOException e) {
        held = null; // cannot lock here (a read-only parent): the publish stages inside
      }
      try {
        StagingFolders.recover(dir);
      } finally {
        if (held != null) {
          held.release();
        }
      }
    } else {
      StagingFolders.recover(dir);
    }
    if (!Files.isDirectory(dir) || Files.exists(dir.resolve(Publisher.MANIFEST))) {
      return;
    }
    if (gitRepoIsFine && Files.isDirectory(dir.resolve(".git"))) {
      String changes = force ? null : GitStatus.uncommitted(dir);
      if (changes == null) {
        return;
      }
      throw new OutputException(
          "--out "
              + shown
              + " is a git working tree with "
              + changes
              + ", which publishing could overwrite; commit or stash them first, or add --force");
    }
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(
            dir, p -> !StagingFolders.isOurs(abs, p.getFileName().toString()))) {
      if (ds.iterator().hasNext() && !force) {
        throw new OutputException(
            "--out "
                + shown
                + " is not empty and holds no "
                + Publisher.MANIFEST
                + ", so Runwright did not publish it; choose another folder, or add --force to"
                + " publish into it (files already there are kept, except ones with the same"
                + " name as a published file)");
      }
    } catch (IOException e) {
      throw new OutputException("cannot read " + shown + ": " + OutputFiles.describe(e), e);
    }
  }
}
