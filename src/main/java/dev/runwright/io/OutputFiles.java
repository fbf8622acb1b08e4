package dev.runwright.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files into an output folder without ever leaving a half-written file: each file is written
 * to a temporary file beside it and moved into place, and a file whose bytes are unchanged is not
 * touched at all (its time stamp stays, so make and rsync see no change).
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** One file to write, at a {@code /}-separated path relative to the output folder. */
  public record Output(String path, byte[] bytes) {
    public static Output text(String path, String text) {
      return new Output(path, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** What a write did. */
  public record Result(List<String> written, List<String> unchanged) {}

  /**
   * Refuses an output folder that cannot be one, before anything is rendered: a file, a symbolic
   * link, or a place where no folder can be made.
   *
   * @param dir the folder
   * @param shown how to name it in messages
   * @throws OutputException when it cannot be used
   */
  public static void checkFolder(Path dir, String shown) {
    checkFolder(dir, shown, "--out ");
  }

  /**
   * As {@link #checkFolder(Path, String)}, for a folder given other than with {@code --out}.
   *
   * @param flag how messages introduce the folder: {@code "--out "}, or {@code ""} for a folder
   *     given as an argument
   */
  public static void checkFolder(Path dir, String shown, String flag) {
    if (shown.isEmpty()) {
      throw new OutputException(
          (flag.isEmpty() ? "the folder" : flag.strip())
              + " is empty; give a folder, such as out (or . for the current folder)");
    }
    dir = dir.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(dir)) {
      String target;
      try {
        target = Files.readSymbolicLink(dir).toString();
      } catch (IOException e) {
        target = "?";
      }
      throw new OutputException(
          flag
              + shown
              + " is a symbolic link (to "
              + target
              + "); give the real folder so that nothing is written somewhere unexpected");
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new OutputException(flag + shown + " is a file, not a folder");
      }
      if (!Files.isWritable(dir)) {
        throw new OutputException(flag + shown + " is not writable");
      }
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null) {
      throw new OutputException(flag + shown + " cannot be created: no folder above it");
    }
    if (!Files.isDirectory(parent)) {
      throw new OutputException(
          flag + shown + " cannot be created: " + parent + " is a file, not a folder");
    }
    if (!Files.isWritable(parent)) {
      throw new OutputException(
          flag
              + shown
              + " cannot be created: "
              + parent
              + " is not writable; create "
              + shown
              + " first as someone who may write there (mkdir, then make it yours: Runwright"
              + " publishes into a folder whose parent is read-only), or choose another "
              + (flag.isEmpty() ? "folder" : flag.strip()));
    }
  }

  /**
   * Writes {@code files} into {@code dir}: every changed file first to a temporary file, then all
   * moved into place. When any write fails, the temporary files are removed and no file in {@code
   * dir} has changed.
   *
   * @throws OutputException when a file cannot be written
   */
  public static Result write(Path dir, List<Output> files, String shown) {
    return write(dir, files, shown, "--out ");
  }

  /** As {@link #write(Path, List, String)}; {@code flag} as for {@link #checkFolder}. */
  public static Result write(Path dir, List<Output> files, String shown, String flag) {
    checkFolder(dir, shown, flag);
    dir = dir.toAbsolutePath().normalize();
    List<Path> createdDirs = new ArrayList<>();
    List<Path[]> moves = new ArrayList<>();
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    try {
      createDirs(dir, createdDirs);
      Path real = dir.toRealPath();
      for (Output f : files) {
        Path target = resolveInside(dir, real, f.path(), shown);
        createDirs(target.getParent(), createdDirs);
        checkInside(real, target.getParent(), f.path(), shown);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new OutputException(
              "cannot write "
                  + f.path()
                  + ": "
                  + shown
                  + "/"
                  + f.path()
                  + " is a folder; move it away or choose another --out");
        }
        if (sameBytes(target, f.bytes())) {
          unchanged.add(f.path());
          continue;
        }
        Path tmp = tempBeside(target);
        Files.write(tmp, f.bytes());
        moves.add(new Path[] {tmp, target});
        written.add(f.path());
      }
      for (Path[] m : moves) {
        Files.move(m[0], m[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return new Result(written, unchanged);
    } catch (IOException | OutputException e) {
      for (Path[] m : moves) {
        try {
          Files.deleteIfExists(m[0]);
        } catch (IOException ignored) {
          // best effort: the message below is what matters
        }
      }
      for (int i = createdDirs.size() - 1; i >= 0; i--) {
        try {
          Files.deleteIfExists(createdDirs.get(i));
        } catch (IOException ignored) {
          // not empty or gone: leave it
        }
      }
      if (e instanceof OutputException o) {
        throw o;
      }
      throw new OutputException("cannot write to " + shown + ": " + describe((IOException) e), e);
    }
  }

  /**
   * {@code rel} itself when it is a relative path that stays inside its folder: no leading {@code
   * /}, no backslash, no empty, {@code .} or {@code ..} segment.
   *
   * @throws OutputException otherwise
   */
  public static String checkRelative(String rel, String shown) {
    int start = 0;
    int n = rel.length();
    boolean bad = n == 0 || rel.indexOf('\\') >= 0;
    while (!bad && start <= n) {
      int slash = rel.indexOf('/', start);
      int end = slash < 0 ? n : slash;
      int len = end - start;
      if (len == 0
          || (len == 1 && rel.charAt(start) == '.')
          || (len == 2 && rel.charAt(start) == '.' && rel.charAt(start + 1) == '.')) {
        bad = true;
      }
      start = end + 1;
    }
    if (bad) {
      throw new OutputException(
          "refusing to write " + rel + ": it is not a relative path inside " + shown);
    }
    return rel;
  }

  /** The path of {@code rel} inside {@code dir}, refusing anything that would leave it. */
  public static Path resolveInside(Path dir, Path realDir, String rel, String shown) {
    checkRelative(rel, shown);
    Path target = dir.resolve(rel).normalize();
    if (!target.startsWith(dir.normalize())) {
      throw new OutputException("refusing to write " + rel + ": it leaves " + shown);
    }
    return target;
  }

  /** Refuses a folder inside the output that is a symbolic link leading elsewhere. */
  private static void checkInside(Path realDir, Path folder, String rel, String shown)
      throws IOException {
    if (!folder.toRealPath().startsWith(realDir)) {
      throw new OutputException(
          "refusing to write " + rel + ": a folder on its way is a symbolic link out of " + shown);
    }
  }

  private static void createDirs(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      created.add(p);
    }
  }

  /** Whether {@code target} is a regular file (not a link) holding exactly {@code bytes}. */
  public static boolean sameBytes(Path target, byte[] bytes) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        || Files.size(target) != bytes.length) {
      return false;
    }
    return Arrays.equals(Files.readAllBytes(target), bytes);
  }

  /** A temporary file name beside {@code target}, hidden and unlikely to clash. */
  public static Path tempBeside(Path target) {
    return target.resolveSibling(
        "."
            + target.getFileName()
            + ".runwright-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL)
            + ".tmp");
  }

  /** A short reason for an I/O failure. */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "the system refuses to create " + n.getFile() + " (it reports no such file)";
    }
    if (e instanceof FileSystemException fs) {
      return (fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason())
          + ": "
          + fs.getFile();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
