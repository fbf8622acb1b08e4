package dev.runwright.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the daemon for one set of start conditions listens: a Unix socket (and its lock, process id
 * and log files) named by a hash of everything that could make a daemon's answer differ from a
 * fresh process's. A daemon works in the folder it was started in and keeps the environment it was
 * started with, so the folder and the variables Runwright's output depends on are part of the name,
 * as are the jar (path, size, time), the JVM and its flags: a rebuilt jar or another folder gets a
 * daemon of its own. The folder holding the sockets is the user's alone (mode 700, owned by them,
 * not a link); when it is not, there is no endpoint and Runwright runs in the process.
 *
 * <p>bin/runwright-client computes the same name (a test runs it against this class): keep the two
 * in step.
 */
public record Endpoint(Path socket) {

  /** The variables a run's output or messages can depend on (the build date, the locale). */
  static final List<String> ENVIRONMENT =
      List.of("SOURCE_DATE_EPOCH", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ");

  /** Unix socket paths are limited to 107 bytes on Linux. */
  private static final int MAX_SOCKET_PATH = 100;

  /**
   * The only mode the sockets' folder may have. Compared as text: an {@code EnumSet} of permissions
   * would have the client look up the enum's constants reflectively, a few milliseconds of a start
   * that should take a tenth of a second.
   */
  private static final String OWNER_ONLY = "rwx------";

  /** The lock a daemon holds while it lives: one daemon per endpoint. */
  public Path lock() {
    return sibling(".lock");
  }

  /** The daemon's process id, for {@code runwright daemon}'s status and stop. */
  public Path pid() {
    return sibling(".pid");
  }

  /** Where the daemon's own output goes (nothing, unless the JVM itself has something to say). */
  public Path log() {
    return sibling(".log");
  }

  private Path sibling(String ending) {
    String name = socket.getFileName().toString();
    return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ending);
  }

  /**
   * The endpoint for a run with these conditions, or empty when there is no private folder for it
   * or the path would be too long for a socket.
   */
  public static Optional<Endpoint> of(
      Map<String, String> env, Path jar, String javaHome, String jvmOptions, Path cwd) {
    Optional<Path> dir = folder(env);
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder();
    try {
      BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
      key.append(jar.toAbsolutePath()).append('\0').append(a.size()).append('\0');
      // Whole seconds, which bin/runwright-client reads too; the daemon itself compares the jar's
      // size, time to the millisecond and inode on every request, and refuses when they changed.
      key.append(a.lastModifiedTime().to(TimeUnit.SECONDS)).append('\0');
    } catch (IOException e) {
      return Optional.empty();
    }
    key.append(javaHome).append('\0').append(jvmOptions).append('\0');
    key.append(cwd.toAbsolutePath()).append('\0');
    for (String v : ENVIRONMENT) {
      key.append(v).append('=').append(env.getOrDefault(v, "\1")).append('\0');
    }
    Path socket = dir.get().resolve("rw-" + hash(key.toString()) + ".sock");
    return socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH
        ? Optional.empty()
        : Optional.of(new Endpoint(socket));
  }

  /** 64-bit FNV-1a over the key's UTF-8 bytes, as 16 hex digits. */
  static String hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    // Not String.format: its Formatter compiles a regular expression and links lambdas, some 20 ms
    // of the client's start (bin/runwright, -Xlog:class+load).
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * {@code $XDG_RUNTIME_DIR/runwright} where that is set, else {@code $TMPDIR/runwright-USER}, made
   * with mode 700 if missing; empty when it is not a folder of this user's alone.
   */
  static Optional<Path> folder(Map<String, String> env) {
    String runtime = env.get("XDG_RUNTIME_DIR");
    String user = System.getProperty("user.name", "");
    Path dir =
        runtime != null && runtime.startsWith("/")
            ? Path.of(runtime, "runwright")
            : Path.of(env.getOrDefault("TMPDIR", "/tmp"), "runwright-" + user);
    if (!dir.isAbsolute() || user.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
        } catch (FileAlreadyExistsException e) {
          // Made by another run just now: checked below like any other.
        }
      }
      boolean ours =
          Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
              && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(user)
              && PosixFilePermissions.toString(
                      Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS))
                  .equals(OWNER_ONLY);
      return ours ? Optional.of(dir) : Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
