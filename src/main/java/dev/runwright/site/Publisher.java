package dev.runwright.site;

import dev.runwright.io.Manifest;
import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
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
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

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
  private final FileChannel lock;
  private final Set<String> previous;
  private Set<String> previousFolders;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
  private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

  private Publisher(Path dir, String shown, Path staging, Set<String> previous, FileChannel lock) {
    this.lock = lock;
    this.dir = dir;
    this.shown = shown;
    this.staging = staging;
    this.previous = previous;
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
      FileChannel held;
      try {
        held = lock(abs, shown);
      } catch (IOException e) {
        held = null; // cannot lock here (a read-only parent): the publish reports why
      }
      try {
        recover(dir);
      } finally {
        release(held, abs);
      }
    } else {
      recover(dir);
    }
    if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MANIFEST))) {
      return;
    }
    if (gitRepoIsFine && Files.isDirectory(dir.resolve(".git"))) {
      String changes = force ? null : uncommitted(dir);
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
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
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
   * What {@code git status} reports as not committed in {@code dir}, shortly, or {@code null} when
   * everything is committed.
   */
  private static String uncommitted(Path dir) {
    Process git;
    try {
      git =
          new ProcessBuilder(
                  "git",
                  "-C",
                  dir.toString(),
                  "status",
                  "--porcelain",
                  "--untracked-files=all",
                  "--ignored=matching")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      return "changes that cannot be checked (git is not installed)";
    }
    try (var in = git.getInputStream()) {
      String out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!git.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || git.exitValue() != 0) {
        return "changes that cannot be checked (git status failed: "
            + out.lines().findFirst().orElse("no output").strip()
            + ")";
      }
      // Ignored files count only where a wiki page would replace them: git cannot restore them.
      List<String> paths =
          out.lines()
              .filter(l -> !l.startsWith("!! ") || l.substring(3).matches("[^/]+\\.md"))
              .map(l -> l.length() > 3 ? l.substring(3) : l)
              .toList();
      if (paths.isEmpty()) {
        return null;
      }
      return "uncommitted changes ("
          + String.join(", ", paths.size() > 3 ? paths.subList(0, 3) : paths)
          + (paths.size() > 3 ? " and " + (paths.size() - 3) + " more" : "")
          + ")";
    } catch (IOException e) {
      return "changes that cannot be checked (" + OutputFiles.describe(e) + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "changes that cannot be checked (interrupted)";
    } finally {
      git.destroy();
    }
  }

  /**
   * Starts a publish into {@code dir}; call {@link #check} first.
   *
   * @throws OutputException when the staging folder cannot be made
   */
  public static Publisher open(Path dir, String shown) {
    Path abs = dir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    FileChannel lock = null;
    try {
      Files.createDirectories(parent);
      lock = lock(abs, shown);
      removeStale(abs, ".runwright-staging-");
      // A mount point cannot be renamed, and nothing can be renamed into it from outside: stage
      // inside it, and publish file by file.
      boolean mount = isMountPoint(abs);
      if (mount) {
        removeStaleInside(abs);
      }
      Path staging = (mount ? abs : parent).resolve(hidden(abs, "staging"));
      Files.createDirectory(staging);
      inheritGroup(abs, staging);
      return new Publisher(abs, shown, staging, Manifest.read(abs), lock);
    } catch (IOException e) {
      release(lock, abs);
      throw new OutputException(
          "cannot prepare a staging folder beside " + shown + ": " + OutputFiles.describe(e), e);
    }
  }

  /** Writes one file into the staging folder. Thread-safe. */
  @Override
  public void write(String rel, byte[] bytes) {
    Path target = staging.resolve(OutputFiles.checkRelative(rel, shown));
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
    if (!written.add(rel)) {
      throw new OutputException("two documents would both be written to " + rel);
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
    deleteTree(staging);
    release(lock, dir);
  }

  /**
   * Takes the lock that keeps two builds from publishing to one folder at once: a file beside it
   * that the operating system unlocks when the process ends, however it ends.
   */
  private static FileChannel lock(Path abs, String shown) throws IOException {
    Path file = lockFile(abs);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null;
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
    return ch;
  }

  private static Path lockFile(Path abs) {
    return abs.resolveSibling("." + abs.getFileName() + ".runwright-lock");
  }

  /** Removes the lock file and lets go of the lock. */
  private static void release(FileChannel lock, Path abs) {
    if (lock == null || !lock.isOpen()) {
      return;
    }
    try {
      Files.deleteIfExists(lockFile(abs));
    } catch (IOException e) {
      // a lock file left behind is unlocked, and the next build takes it over
    }
    try {
      lock.close();
    } catch (IOException e) {
      // closing releases the lock; nothing more to do
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
    try {
      Files.writeString(staging.resolve(MANIFEST), Manifest.text(written), StandardCharsets.UTF_8);
      Carried kept = Files.isDirectory(dir) ? carryOver() : Carried.NOTHING;
      swap();
      release(lock, dir);
      return kept;
    } catch (IOException e) {
      abort();
      throw new OutputException("cannot publish " + shown + ": " + OutputFiles.describe(e), e);
    } catch (RuntimeException | Error e) {
      abort();
      throw e;
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
            if (rel.equals(MANIFEST) || previous.contains(rel)) {
              return FileVisitResult.CONTINUE;
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
      inPlace("the output folder is a mount point");
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
