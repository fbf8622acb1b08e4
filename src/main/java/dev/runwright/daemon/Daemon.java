package dev.runwright.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The resident process that answers short commands ({@code generate}, {@code validate}, {@code
 * lint}, {@code schema}) for {@link DaemonClient}, so that a one-runbook run costs a client's
 * start-up and the work done warm instead of a cold JVM's (issue 17). It listens on its endpoint's
 * socket, answers only its own user (the socket's peer credentials), one request at a time, in the
 * folder it was started in, and exits when it has been idle for a while, when its jar changes or
 * when its socket is removed. It runs in a session of its own ({@code setsid}, or Perl's where
 * there is no such command), so Ctrl-C and hang-ups meant for the terminal that started it do not
 * reach it; SIGTERM stops it.
 */
public final class Daemon {
  /** Runs one command line, as {@code Main.run} does. */
  @FunctionalInterface
  public interface Runner {
    int run(PrintWriter out, PrintWriter err, String... args);
  }

  /**
   * Work the daemon does while it waits, to warm its JIT, in short pieces: a daemon's first answers
   * take several times what a warm one takes (its code is still interpreted), and a user's next
   * command is seconds away.
   */
  @FunctionalInterface
  public interface WarmUp {
    /** Does one short piece; false when there is nothing more to do. */
    boolean step();
  }

  /** No warming. */
  public static final WarmUp COLD = () -> false;

  /** How long a daemon waits for a request before it exits, unless told otherwise. */
  public static final Duration IDLE = Duration.ofMinutes(10);

  private final Endpoint endpoint;
  private final Runner runner;
  private final WarmUp warmUp;
  private final Duration idle;
  private final Path jar;
  private final String jarStamp;
  private final Object cwdKey;
  private final ReentrantLock running = new ReentrantLock(true);
  private volatile long lastUsed = System.nanoTime();
  private volatile ServerSocketChannel server;
  private volatile Object socketKey;
  private final AtomicBoolean warming = new AtomicBoolean();

  private Daemon(Endpoint endpoint, Runner runner, WarmUp warmUp, Duration idle, Path jar)
      throws IOException {
    this.endpoint = endpoint;
    this.runner = runner;
    this.warmUp = warmUp;
    this.idle = idle;
    this.jar = jar;
    this.jarStamp = stamp(jar);
    this.cwdKey = folderKey(Path.of("").toAbsolutePath());
  }

  /**
   * Serves {@code endpoint} until idle for {@code idle}, warming with {@code warmUp} after its
   * first answer whenever no request waits; returns at once when another daemon holds the endpoint.
   */
  public static void serve(Endpoint endpoint, Runner runner, WarmUp warmUp, Duration idle, Path jar)
      throws IOException {
    try (FileChannel lockFile =
            FileChannel.open(endpoint.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = held(lockFile)) {
      if (lock == null) {
        return;
      }
      new Daemon(endpoint, runner, warmUp, idle, jar).listen();
    }
  }

  /** The endpoint's lock, or null when another daemon (in this process or another) holds it. */
  private static FileLock held(FileChannel lockFile) throws IOException {
    try {
      return lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private void listen() throws IOException {
    Files.deleteIfExists(endpoint.socket());
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(endpoint.socket()));
    Files.setPosixFilePermissions(endpoint.socket(), PosixFilePermissions.fromString("rw-------"));
    socketKey = folderKey(endpoint.socket());
    Files.writeString(
        endpoint.pid(),
        ProcessHandle.current().pid() + "\n" + System.getProperty("user.dir") + "\n");
    // SIGTERM (runwright daemon --stop, a shutdown) leaves no files behind either.
    Runtime.getRuntime().addShutdownHook(new Thread(this::removeFiles, "runwright-daemon-exit"));
    Thread watch = new Thread(this::watch, "runwright-daemon-watch");
    watch.setDaemon(true);
    watch.start();
    try {
      while (true) {
        SocketChannel client = server.accept();
        Thread t = new Thread(() -> answer(client), "runwright-daemon-request");
        t.setDaemon(true);
        t.start();
      }
    } catch (IOException closed) {
      // The watcher closed the socket: time to go.
    } finally {
      removeFiles();
    }
  }

  /**
   * Every few seconds: stop when idle too long, or when the jar, the socket or the working folder
   * is not the one the daemon started with (rebuilt, removed, or replaced by another of that name).
   */
  private void watch() {
    long limit = idle.toNanos();
    long pause = Math.min(2000, Math.max(50, idle.toMillis() / 4));
    while (server.isOpen()) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
      running.lock();
      try {
        if (System.nanoTime() - lastUsed > limit || !current()) {
          close();
        }
      } finally {
        running.unlock();
      }
    }
  }

  /** Whether the jar, the socket and the folder are still those the daemon started with. */
  private boolean current() {
    return jarStamp.equals(stampOrNull(jar))
        && socketKey.equals(keyOrNull(endpoint.socket()))
        && cwdKey.equals(keyOrNull(Path.of(System.getProperty("user.dir"))));
  }

  /** The socket (when still this daemon's), the process id, the lock and an empty log. */
  private void removeFiles() {
    try {
      if (socketKey.equals(keyOrNull(endpoint.socket()))) {
        Files.deleteIfExists(endpoint.socket());
      }
      Files.deleteIfExists(endpoint.pid());
      Files.deleteIfExists(endpoint.lock());
      if (Files.exists(endpoint.log()) && Files.size(endpoint.log()) == 0) {
        Files.deleteIfExists(endpoint.log());
      }
    } catch (IOException e) {
      // The process is going: a file left behind is found stale by the next run.
    }
  }

  /** Stops listening (called holding {@link #running}, so no request is midway). */
  private void close() {
    try {
      if (socketKey.equals(keyOrNull(endpoint.socket()))) {
        Files.deleteIfExists(endpoint.socket());
      }
      server.close();
    } catch (IOException e) {
      // Closing is all that is left to do; the accept loop ends either way.
    }
  }

  private void answer(SocketChannel client) {
    try (client) {
      UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
      if (!peer.user().getName().equals(System.getProperty("user.name"))) {
        return; // another user's process: not answered
      }
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
      Frames.Request request = Frames.readRequest(in);
      running.lock();
      try {
        if (!server.isOpen() || !cwdKey.equals(keyOrNull(Path.of(request.cwd()))) || !current()) {
          // The client runs the command itself; a daemon whose folder or jar was replaced has
          // nothing more to answer, and the next run starts a daemon of its own.
          synchronized (out) {
            Frames.writeCode(out, Frames.REFUSED, 0);
          }
          if (server.isOpen() && !current()) {
            close();
          }
          return;
        }
        PrintWriter o = writer(out, Frames.OUT);
        PrintWriter e = writer(out, Frames.ERR);
        int code = runner.run(o, e, request.args().toArray(new String[0]));
        o.flush();
        e.flush();
        synchronized (out) {
          Frames.writeCode(out, Frames.EXIT, code);
        }
        if (warming.compareAndSet(false, true)) {
          Thread w = new Thread(this::warm, "runwright-daemon-warm");
          w.setDaemon(true);
          w.start();
        }
      } finally {
        lastUsed = System.nanoTime();
        running.unlock();
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or sent something else: nothing to answer.
    }
  }

  /**
   * Runs the warm-up's pieces one at a time between requests: a piece starts only when no request
   * waits and holds the request lock while it runs, so a request never runs beside one (it waits at
   * most for the piece in progress, tens of milliseconds once the first few are done).
   */
  private void warm() {
    try {
      while (server.isOpen()) {
        if (running.hasQueuedThreads() || !running.tryLock()) {
          Thread.sleep(5);
          continue;
        }
        try {
          if (!server.isOpen() || !warmUp.step()) {
            return;
          }
        } finally {
          running.unlock();
        }
        Thread.sleep(1); // a request that came during the piece goes first
      }
    } catch (InterruptedException | RuntimeException e) {
      // Warming is a bonus: a failure costs only speed.
    }
  }

  private static PrintWriter writer(DataOutputStream out, byte type) {
    return new PrintWriter(
        new OutputStreamWriter(new Frames.FrameStream(out, type), StandardCharsets.UTF_8), true);
  }

  private static String stamp(Path jar) throws IOException {
    BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
    return a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + a.fileKey();
  }

  private static String stampOrNull(Path jar) {
    try {
      return stamp(jar);
    } catch (IOException e) {
      return null;
    }
  }

  /** The file system's identity of a file (device and inode), to tell a replaced one apart. */
  private static Object folderKey(Path p) throws IOException {
    Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    return key != null ? key : p.toRealPath().toString();
  }

  private static Object keyOrNull(Path p) {
    try {
      return folderKey(p);
    } catch (IOException e) {
      return null;
    }
  }
}
