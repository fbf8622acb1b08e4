package dev.runwright.daemon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This user's running daemons, read from their process-id files, for {@code runwright daemon}. A
 * process counts only when it is alive and its command line names the endpoint's socket, so a file
 * left behind (its process gone, its number reused) is never taken for a daemon.
 */
public final class Daemons {
  private Daemons() {}

  /** One running daemon: its process, the folder it works in and its socket. */
  public record Running(long pid, String folder, Path socket) {}

  /** The running daemons, by folder. */
  public static List<Running> list(Map<String, String> env) throws IOException {
    Optional<Path> dir = Endpoint.folder(env);
    List<Running> found = new ArrayList<>();
    if (dir.isEmpty()) {
      return found;
    }
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(dir.get(), "rw-*.pid")) {
      for (Path p : pids) {
        String name = p.getFileName().toString();
        Path socket = p.resolveSibling(name.substring(0, name.length() - 4) + ".sock");
        List<String> lines = Files.readAllLines(p);
        if (lines.size() >= 2 && lines.get(0).matches("[0-9]{1,19}")) {
          long pid = Long.parseLong(lines.get(0));
          if (process(pid, socket).isPresent()) {
            found.add(new Running(pid, lines.get(1), socket));
          }
        }
      }
    }
    found.sort(Comparator.comparing(Running::folder).thenComparing(Running::pid));
    return found;
  }

  /** Stops {@code d} (SIGTERM) and waits up to {@code wait}: whether it is gone. */
  public static boolean stop(Running d, Duration wait) {
    Optional<ProcessHandle> p = process(d.pid(), d.socket());
    if (p.isEmpty()) {
      return true;
    }
    p.get().destroy();
    try {
      p.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !p.get().isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.get().isAlive();
    }
  }

  private static Optional<ProcessHandle> process(long pid, Path socket) {
    String mark = "-Drunwright.daemon=" + socket;
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(c -> c.contains(mark)).orElse(false));
  }
}
