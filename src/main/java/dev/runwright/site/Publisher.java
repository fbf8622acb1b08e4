package dev.runwright.site;

import dev.runwright.io.Manifest;
import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Publishes a whole output folder at once. Everything is written into a staging folder beside the
 * output; only when the build succeeded are the user's own files carried over (hard links) and the
 * staging folder swapped in by two renames. Killing the process at any moment leaves the previous
 * output as it was: before the swap it is untouched, and an interrupted swap is undone by the next
 * run. A manifest records which files Runwright wrote, so a later build removes only those and
 * never deletes a file the user put there.
 */
public final class Publisher implements Target {
  /** The manifest's name inside a published folder. */
  public static final String MANIFEST = Manifest.NAME;

  private final Path dir;
  private final String shown;
  private final Path staging;
  private final PublishLock lock;
  private final Set<String> previous;
  private Set<String> previousFolders;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
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
      Set<String> previous,
      PublishLock lock,
      String inPlaceWhy,
      Consumer<String> onInterrupt) {
    this.lock = lock;
    this.dir = dir;
    this.shown = shown;
    this.staging = staging;
    this.previous = previous;
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
    check(dir, shown, force, false);
  }

  /**
   * As {@link #check(Path, String, boolean)}; with {@code gitRepoIsFine}, a folder that is a git
   * working tree (a clone of a wiki) with nothing uncommitted is accepted too, since git keeps
   * whatever it replaces. Uncommitted changes would be lost, so they need {@code force}.
   */
  public static void check(Path dir, String shown, boolean force, boolean gitRepoIsFine) {
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
        recover(dir);
      } finally {
        if (held != null) {
          held.release();
        }
      }
    } else {
      recover(dir);
    }
    if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MANIFEST))) {
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
        Files.newDirectoryStream(dir, p -> !isOurs(abs, p.getFileName().toString()))) {
      if (ds.iterator().hasNext() && !force) {
        throw new OutputException(
            "--out "
                + shown
                + " is not empty and holds no "
                + MANIFEST
                + ", so Runwright did not publish it; choose another folder, or add --force to"
                + " publish into it (files already there are kept, except ones with the same"
                + " name as a published file)");
      }
    } catch (IOException e) {
      throw new OutputException("cannot read " + shown + ": " + OutputFiles.describe(e), e);
    }
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
    String inside = isMountPoint(abs) ? "the output folder is a mount point" : null;
    PublishLock lock = null;
    Path staging = null;
    if (inside == null) {
      try {
        lock = PublishLock.take(PublishLock.beside(abs), shown);
        removeStale(abs, ".runwright-staging-");
        staging = Files.createDirectory(parent.resolve(hidden(abs, "staging")));
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
        removeStaleInside(abs);
        staging = Files.createDirectory(abs.resolve(hidden(abs, "staging")));
      }
      inheritGroup(abs, staging);
      Publisher p =
          new Publisher(abs, shown, staging, Manifest.read(abs), lock, inside, onInterrupt);
      Runtime.getRuntime().addShutdownHook(p.cleanUpOnSignal);
      return p;
    } catch (IOException | RuntimeException e) {
      if (staging != null) {
        deleteQuietly(staging);
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
      deleteQuietly(staging);
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

  /** Whether {@code name}, in or beside the folder {@code abs}, is one of a publish's own. */
  private static boolean isOurs(Path abs, String name) {
    return name.startsWith("." + abs.getFileName() + ".runwright-");
  }

  /** Writes one file into the staging folder. Thread-safe. */
  @Override
  public void write(String rel, byte[] bytes) {
    Path target = staging.resolve(OutputFiles.checkRelative(rel, shown));
    state.readLock().lock();
    try {
      if (finished) {
        throw new OutputException("interrupted: " + shown + " is unchanged");
      }
      writeStaged(rel, target, bytes);
    } finally {
      state.readLock().unlock();
    }
    if (!written.add(rel)) {
      throw new OutputException("two documents would both be written to " + rel);
    }
  }

  private void writeStaged(String rel, Path target, byte[] bytes) {
    try {
      Path parent = target.getParent();
      if (!parent.equals(staging) && madeDirs.add(parent)) {
        Files.createDirectories(parent);
      }
      if (!keepUnchanged(rel, target, bytes)) {
        Files.write(target, bytes);
      }
    } catch (IOException e) {
      throw new OutputException("cannot write " + rel + ": " + OutputFiles.describe(e), e);
    }
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
      Files.createLink(target, published);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false; // another file system, or no hard links: write the file
    }
  }

  /** Whether {@code rel} was already written in this build. */
  public boolean has(String rel) {
    return written.contains(rel);
  }

  /** How many files this build wrote. */
  public int count() {
    return written.size();
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
        deleteTree(staging);
        lock.release();
      }
    } finally {
      state.writeLock().unlock();
      unhook();
    }
  }

  /**
   * What a publish did with the files in the folder that Runwright did not write.
   *
   * @param files how many of the user's own files were kept, not counting those inside {@code .git}
   * @param first the first few of them (at most {@link #SHOWN}), sorted, to name when there are few
   * @param git whether a top-level {@code .git} was kept
   * @param replaced the user's files a published file replaced, sorted
   */
  public record Carried(int files, List<String> first, boolean git, List<String> replaced) {
    /** How many kept files are named when there are few. */
    public static final int SHOWN = 3;

    public Carried {
      first = List.copyOf(first);
      replaced = List.copyOf(replaced);
    }

    static final Carried NOTHING = new Carried(0, List.of(), false, List.of());
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
      Files.writeString(staging.resolve(MANIFEST), Manifest.text(written), StandardCharsets.UTF_8);
      Carried kept = Files.isDirectory(dir) ? carryOver() : Carried.NOTHING;
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

  /**
   * Hard-links (or copies) every file in the output that Runwright did not write into staging, and
   * notes the user's files that a published file replaces.
   */
  private Carried carryOver() throws IOException {
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
            if (rel.equals(MANIFEST)
                || previous.contains(rel)
                || (f.getParent().equals(dir) && isOurs(dir, rel))) {
              return FileVisitResult.CONTINUE; // ours: the manifest, a published file, the lock
            }
            if (written.contains(rel)) {
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
      Set<String> folders = new HashSet<>();
      for (String p : previous) {
        for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
          folders.add(p.substring(0, slash));
        }
      }
      previousFolders = folders;
    }
    return previousFolders.contains(rel);
  }

  private void swap() throws IOException {
    copyPermissions();
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      move(staging, dir);
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
    Path old = dir.resolveSibling(hidden(dir, "old"));
    try {
      move(dir, old);
    } catch (FileSystemException e) {
      inPlace("the output folder cannot be renamed (" + OutputFiles.describe(e) + ")");
      return;
    }
    move(staging, dir);
    deleteTree(old);
  }

  /**
   * Publishes file by file into the existing folder, when it cannot be swapped (a mount point, or
   * the current folder). Each file is replaced atomically; the set as a whole is not.
   */
  private void inPlace(String why) throws IOException {
    notes.add("published file by file, not by swapping the folder: " + why);
    Set<String> now = new HashSet<>(written);
    now.add(MANIFEST);
    for (String rel : now) {
      Path target = dir.resolve(rel);
      Files.createDirectories(target.getParent());
      Files.move(
          staging.resolve(rel),
          target,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    Manifest.removeStale(dir, previous, now);
    deleteTree(staging);
  }

  /**
   * Gives the staging folder the output folder's group and set-group-ID bit before anything is
   * written, so that everything built in it belongs to that group, as it would in the output folder
   * itself (a web root shared by a team, for example). Best effort.
   */
  private static void inheritGroup(Path dir, Path staging) {
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

  private static final int SET_GROUP_ID = 02000;

  private void copyPermissions() {
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

  private static void move(Path from, Path to) throws IOException {
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
  private static boolean isMountPoint(Path abs) {
    try {
      return Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)
          && !Files.getFileStore(abs).equals(Files.getFileStore(abs.getParent()));
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes staging folders an interrupted publish left inside a mount point. */
  private static void removeStaleInside(Path abs) throws IOException {
    String prefix = "." + abs.getFileName() + ".runwright-staging-";
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(abs)) {
      for (Path p : ds) {
        if (p.getFileName().toString().startsWith(prefix)) {
          deleteTree(p);
        }
      }
    }
  }

  private static void removeStale(Path abs, String marker) throws IOException {
    for (Path p : siblings(abs, marker)) {
      deleteTree(p);
    }
  }

  private static List<Path> siblings(Path abs, String marker) throws IOException {
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

  private static String hidden(Path abs, String what) {
    return "."
        + abs.getFileName()
        + ".runwright-"
        + what
        + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  /** {@link #deleteTree}, for clean-up paths where a failure must not hide the first one. */
  private static void deleteQuietly(Path root) {
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
}
