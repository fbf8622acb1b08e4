package dev.runwright.site;

import dev.runwright.io.OutputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that keeps two builds from publishing to one folder at once: a hidden file that the
 * operating system unlocks when the process ends, however it ends. It lives beside the folder
 * ({@code .public.runwright-lock}), or inside it under the same name when the folder beside cannot
 * be written (a read-only parent); there it is never published, kept or counted as the user's.
 */
final class PublishLock {
  private final FileChannel channel;
  private final Path file;

  private PublishLock(FileChannel channel, Path file) {
    this.channel = channel;
    this.file = file;
  }

  /** The lock file beside the folder {@code abs}. */
  static Path beside(Path abs) {
    return abs.resolveSibling(name(abs));
  }

  /** The lock file inside the folder {@code abs}. */
  static Path inside(Path abs) {
    return abs.resolve(name(abs));
  }

  private static String name(Path abs) {
    return "." + abs.getFileName() + ".runwright-lock";
  }

  /**
   * Takes the lock in {@code file}.
   *
   * @throws OutputException when another build holds it
   * @throws IOException when the file cannot be made or opened
   */
  static PublishLock take(Path file, String shown) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (held == null) {
      ch.close();
      throw new OutputException(
          "another Runwright build is publishing to "
              + shown
              + " right now; run again when it has finished (it holds "
              + file
              + ")");
    }
    return new PublishLock(ch, file);
  }

  /** Removes the lock file and lets go of the lock; harmless when called again. */
  void release() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a lock file left behind is unlocked, and the next build takes it over
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing releases the lock; nothing more to do
    }
  }
}
