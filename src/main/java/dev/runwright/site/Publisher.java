package dev.runwright.site;

import dev.runwright.io.Manifest;
import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import dev.runwright.io.PathSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Publishes a whole output folder at once. Everything is written into a staging folder beside the
 * output; only when the build succeeded are the user's own files carried over (hard links) and the
 * staging folder swapped in by two renames. Killing the process at any moment leaves the previous
 * output as it was: before the swap it is untouched, and an interrupted swap is undone by the next
 * run. A manifest records which files Runwright wrote, so a later build removes only those and
 * never deletes a file the user put there.
 *
 * <p>Where nothing can be renamed into the folder (a mount point) or nothing can be made beside it
 * (a read-only parent), the staging folder and the lock are inside it and the files are published
 * one by one. A SIGINT or SIGTERM before the commit removes the staging folder and the lock; only a
 * SIGKILL leaves them, for the next run to remove.
 */
public final class Publisher implements Target {
  /** The manifest's name inside a published folder. */
  public static final String MANIFEST = Manifest.NAME;

  private final Path dir;
  private final String shown;
  private final Path staging;
  private final PublishLock lock;
  // What the folder's manifest listed, as hashes: a site of 300,000 files keeps 5 MB, not 30. What
  // this build wrote is not kept at all: the staging folder holds exactly that.
  private final PathSet previous;
  private final AtomicInteger written = new AtomicInteger();
  private final StagedFiles files;
  private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

  /** Why the folder is staged inside and published file by file, or {@code null}. */
  private final String inPlaceWhy;

  /**
   * Writes hold the read lock; finishing (commit, abort, or the clean-up on SIGINT or SIGTERM) the
   * write lock, so that the clean-up waits for the files being written and no file is written after
   * it.
   */
  private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();

  private boolean finished; // guarded by state's write lock
  private final Thread cleanUpOnSignal;

  /** Set once a SIGINT or SIGTERM has cleaned up a build, for the error handler. */
  private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

  private Publisher(
      Path dir,
      String shown,
      Path staging,
      PathSet previous,
      PublishLock lock,
      String inPlaceWhy,
      Consumer<String> onInterrupt) {
    this.lock = lock;
    this.dir = dir;
    this.shown = shown;
    this.staging = staging;
    this.previous = previous;
    this.files = new StagedFiles(dir, previous);
    this.inPlaceWhy = inPlaceWhy;
    this.cleanUpOnSignal =
        new Thread(() -> cleanUpOnSignal(onInterrupt), "runwright-clean-up-on-signal");
  }

  /**
   * Whether the process is ending on SIGINT or SIGTERM and a build's clean-up has said so: the
   * build's own failure (its files are gone) is then not news.
   */
  public static boolean interruptedBySignal() {
    return INTERRUPTED.get();
  }

  /**
   * Checks {@code dir} before anything is rendered: it must be a folder Runwright published before,
   * an empty folder, or a new one; another folder only with {@code force}. Also undoes a swap that
   * an earlier run did not finish.
   *
   * @throws OutputException when the folder cannot be published into
   */
  public static void check(Path dir, String shown, boolean force) {
    PublishCheck.check(dir, shown, force, false);
  }

  /**
   * As {@link #check(Path, String, boolean)}; with {@code gitRepoIsFine}, a folder that is a git
   * working tree (a clone of a wiki) with nothing uncommitted is accepted too, since git keeps
   * whatever it replaces. Uncommitted changes would be lost, so they need {@code force}.
   */
  public static void check(Path dir, String shown, boolean force, boolean gitRepoIsFine) {
    PublishCheck.check(dir, shown, force, gitRepoIsFine);
  }

  /**
   * Starts a publish into {@code dir}; call {@link #check} first.
   *
   * @throws OutputException when the staging folder cannot be made
   */
  public static Publisher open(Path dir, String shown) {
    return open(dir, shown, line -> {});
  }

  /**
   * As {@link #open(Path, String)}; until the publish is committed or aborted, a SIGINT or SIGTERM
   * removes the staging folder and the lock, and tells {@code onInterrupt} so in one line.
   */
  public static Publisher open(Path dir, String shown, Consumer<String> onInterrupt) {
    Path abs = dir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new OutputException(
          "cannot make the folder " + parent + " for " + shown + ": " + OutputFiles.describe(e), e);
    }
    // A mount point cannot be renamed, and nothing can be renamed into it from outside: stage
    // inside it, and publish file by file. The same where the folder beside cannot be written.
    String inside = StagingFolders.isMountPoint(abs) ? "the output folder is a mount point" : null;
    PublishLock lock = null;
    Path staging = null;
    if (inside == null) {
      try {
        lock = PublishLock.take(PublishLock.beside(abs), shown);
        StagingFolders.removeStale(abs, ".runwright-staging-");
        staging = Files.createDirectory(parent.resolve(StagingFolders.hidden(abs, "staging")));
      } catch (FileSystemException e) {
        if (lock != null) {
          lock.release();
          lock = null;
        }
        inside = readOnlyParent(abs, shown, e);
      } catch (IOException e) {
        if (lock != null) {
          lock.release();
        }
        throw cannotStage("beside", shown, e);
      } catch (UncheckedIOException e) {
        lock.release(); // a stale staging folder beside that cannot be removed
        throw cannotStage("beside", shown, e.getCause());
      }
    }
    try {
      if (staging == null) {
        lock = PublishLock.take(PublishLock.inside(abs), shown);
        StagingFolders.removeStaleInside(abs);
        staging = Files.createDirectory(abs.resolve(StagingFolders.hidden(abs, "staging")));
      }
      StagingFolders.inheritGroup(abs, staging);
      Publisher p =
          new Publisher(abs, shown, staging, Manifest.paths(abs), lock, inside, onInterrupt);
      Runtime.getRuntime().addShutdownHook(p.cleanUpOnSignal);
      return p;
    } catch (IOException | RuntimeException e) {
      if (staging != null) {
        StagingFolders.deleteQuietly(staging);
      }
      if (lock != null) {
        lock.release();
      }
      throw e instanceof IOException io ? cannotStage("in", shown, io) : (RuntimeException) e;
    }
  }

  /**
   * Why the publish stages inside {@code abs}: its parent cannot be written. When {@code abs} does
   * not exist yet, there is nowhere to stage, and the error says what to do.
   */
  private static String readOnlyParent(Path abs, String shown, FileSystemException e) {
    if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputException(
          "cannot create "
              + shown
              + ": the folder it would be in, "
              + abs.getParent()
              + ", cannot be written ("
              + OutputFiles.describe(e)
              + "); create "
              + shown
              + " first as someone who may (mkdir "
              + abs
              + ", then make it yours), or choose an --out you may write",
          e);
    }
    return "the folder it is in, "
        + abs.getParent()
        + ", cannot be written ("
        + OutputFiles.describe(e)
        + "), so the build and its lock are staged inside "
        + shown;
  }

  private static OutputException cannotStage(String where, String shown, IOException e) {
    return new OutputException(
        "cannot prepare a staging folder "
            + where
            + " "
            + shown
            + ": "
            + OutputFiles.describe(e)
            + ("in".equals(where)
                ? "; neither the folder nor the one it is in can be written, so make one of them"
                    + " writable or choose another --out"
                : ""),
        e);
  }

  /**
   * Runs on SIGINT or SIGTERM (the JVM's shutdown): after the files being written, removes the
   * staging folder and the lock; the published folder was never touched. A publish that is
   * committing finishes first, so the folder is the old or the new one, never a mix.
   */
  private void cleanUpOnSignal(Consumer<String> onInterrupt) {
    state.writeLock().lock();
    try {
      if (finished) {
        return;
      }
      finished = true;
      INTERRUPTED.set(true);
      StagingFolders.deleteQuietly(staging);
      lock.release();
      onInterrupt.accept("interrupted: removed the partial build; " + shown + " is unchanged");
    } catch (RuntimeException | Error e) {
      // the JVM is ending: a staging folder left behind is removed by the next run
    } finally {
      state.writeLock().unlock();
    }
  }

  /** Stops the clean-up on signal: the publish has finished one way or the other. */
  private void unhook() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanUpOnSignal);
    } catch (IllegalStateException e) {
      // the JVM is shutting down; the hook sees that the publish has finished
    }
  }

  /** Writes one file into the staging folder. Thread-safe. */
  @Override
  public void write(String rel, byte[] bytes) {
    stage(rel, target -> files.bytes(rel, target, bytes));
  }

  /**
   * Writes one file into the staging folder as it is made, never holding it; linked to the
   * published file instead when it came out the same. Thread-safe.
   */
  @Override
  public void write(String rel, Text text) {
    stage(rel, target -> files.text(rel, target, text));
  }

  /** Stages one file under the read lock, unless the publish has finished. */
  private void stage(String rel, Consumer<Path> write) {
    Path target = staging.resolve(OutputFiles.checkRelative(rel, shown));
    state.readLock().lock();
    try {
      if (finished) {
        throw new OutputException("interrupted: " + shown + " is unchanged");
      }
      write.accept(target);
    } finally {
      state.readLock().unlock();
    }
    written.incrementAndGet();
  }

  /** How many files this build wrote. */
  public int count() {
    return written.get();
  }

  /** Things the user should know about the publish, such as a fallback. */
  public List<String> notes() {
    return notes;
  }

  /** Drops the staging folder; the published folder is unchanged. */
  public void abort() {
    state.writeLock().lock();
    try {
      if (!finished) {
        finished = true;
        StagingFolders.deleteTree(staging);
        lock.release();
      }
    } finally {
      state.writeLock().unlock();
      unhook();
    }
  }

  /**
   * Finishes the publish: writes the manifest, carries the user's own files over, and swaps the
   * staging folder in. Files Runwright published before and did not write now are gone.
   *
   * @return what happened to the user's files
   */
  public Carried commit() {
    state.writeLock().lock();
    try {
      if (finished) {
        throw new OutputException("interrupted: " + shown + " is unchanged");
      }
      Manifest.writeOf(staging);
      Carried kept =
          Files.isDirectory(dir)
              ? new CarryOver(
                      dir,
                      shown,
                      staging,
                      previous,
                      rel -> Files.isRegularFile(staging.resolve(rel), LinkOption.NOFOLLOW_LINKS))
                  .run()
              : Carried.NOTHING;
      swap();
      finished = true;
      lock.release();
      return kept;
    } catch (IOException e) {
      abort(); // the write lock is reentrant
      throw new OutputException("cannot publish " + shown + ": " + OutputFiles.describe(e), e);
    } catch (RuntimeException | Error e) {
      abort();
      throw e;
    } finally {
      state.writeLock().unlock();
      unhook();
    }
  }

  private void swap() throws IOException {
    StagingFolders.copyPermissions(dir, staging);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      StagingFolders.move(staging, dir);
      return;
    }
    if (staging.getParent().equals(dir)) {
      inPlace(inPlaceWhy);
      return;
    }
    if (Path.of("").toAbsolutePath().startsWith(dir)) {
      inPlace("the output folder is the current folder or holds it");
      return;
    }
    Path old = dir.resolveSibling(StagingFolders.hidden(dir, "old"));
    try {
      StagingFolders.move(dir, old);
    } catch (FileSystemException e) {
      inPlace("the output folder cannot be renamed (" + OutputFiles.describe(e) + ")");
      return;
    }
    StagingFolders.move(staging, dir);
    StagingFolders.deleteTree(old);
  }

  /**
   * Publishes file by file into the existing folder, when it cannot be swapped (a mount point, or
   * the current folder). Each file is replaced atomically; the set as a whole is not.
   */
  private void inPlace(String why) throws IOException {
    notes.add("published file by file, not by swapping the folder: " + why);
    PathSet.Builder now = PathSet.builder();
    List<Path> files;
    try (java.util.stream.Stream<Path> walk = Files.walk(staging)) {
      files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
    }
    for (Path staged : files) {
      String rel = staging.relativize(staged).toString().replace('\\', '/');
      Path target = dir.resolve(rel);
      Files.createDirectories(target.getParent());
      Files.move(
          staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      now.add(rel);
    }
    Manifest.removeStale(dir, previous, now.build(null));
    StagingFolders.deleteTree(staging);
  }
}
