package dev.runwright.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The launcher's side of the daemon: for a short command, sends the command line to the daemon of
 * its {@link Endpoint} (starting one when there is none) and prints what it answers. Whenever the
 * daemon cannot answer (none could be started, it refused the request, it went away before saying
 * anything) the caller runs the command in its own process, as without a daemon: the daemon only
 * ever makes a run faster, never different.
 */
public final class DaemonClient {
  private DaemonClient() {}

  /** The commands a daemon answers: short ones, which read no standard input and trap no signal. */
  static final List<String> SHORT = List.of("generate", "validate", "lint", "schema");

  /** {@code RUNWRIGHT_DAEMON} values that turn the daemon off. */
  private static final List<String> OFF = List.of("0", "off", "false", "no");

  private static final long START_WAIT_MILLIS = 10_000;

  /** What the first short command in a folder prints (not with {@code -q}). */
  static final String STARTED =
      "note: started a Runwright daemon for this folder, so that the next generate, validate,"
          + " lint and schema here start faster (runwright daemon --stop stops it,"
          + " RUNWRIGHT_DAEMON=0 runs without one)";

  /**
   * Whether {@code args} may go to a daemon: the launcher started this JVM (it says which flags a
   * daemon gets), the daemon is not turned off, the command is a short one and no argument asks for
   * standard input ({@code -}).
   */
  public static boolean eligible(Map<String, String> env, String jvmOptions, String... args) {
    if (jvmOptions == null || OFF.contains(env.getOrDefault("RUNWRIGHT_DAEMON", "").strip())) {
      return false;
    }
    String command = null;
    for (String a : args) {
      if (a.equals("-") || a.endsWith("=-") || a.equals("-c-")) {
        return false;
      }
      if (command == null && !a.startsWith("-")) {
        command = a;
      }
    }
    return command != null
        && SHORT.contains(command)
        && newSession(Files::isExecutable).isPresent();
  }

  /**
   * Runs {@code args} in the daemon: its exit code, or empty when the caller should run them
   * itself.
   */
  public static OptionalInt run(Map<String, String> env, String jvmOptions, String... args) {
    Path jar = Path.of(System.getProperty("java.class.path"));
    String javaHome = System.getProperty("java.home");
    Path cwd = Path.of("").toAbsolutePath();
    Optional<Endpoint> endpoint = Endpoint.of(env, jar, javaHome, jvmOptions, cwd);
    if (endpoint.isEmpty()) {
      return OptionalInt.empty();
    }
    boolean quiet = Arrays.asList(args).contains("-q") || Arrays.asList(args).contains("--quiet");
    try (SocketChannel ch = connect(endpoint.get(), jar, javaHome, jvmOptions, quiet)) {
      if (ch == null) {
        return OptionalInt.empty();
      }
      DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
      Frames.writeRequest(out, new Frames.Request(cwd.toString(), Arrays.asList(args)));
      return relay(new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch))));
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Loads what a client run loads (the Unix-socket classes, the protocol) without a daemon: the
   * package-time run that makes bin/runwright's class-data-sharing archive calls it, so that the
   * archive holds the client's classes as well as those of a run in its own process.
   */
  public static void train(Path folder) {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(folder.resolve("no-daemon.sock")));
    } catch (IOException | UnsupportedOperationException expected) {
      // No daemon listens there: the classes are loaded all the same.
    }
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(b);
      Frames.writeRequest(out, new Frames.Request("/", List.of("generate")));
      Frames.writeCode(out, Frames.EXIT, 0);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(b.toByteArray()));
      Frames.readRequest(in);
      Frames.readFrame(in).code();
      new Sink(OutputStream.nullOutputStream()).write(new byte[0]);
      Endpoint.of(Map.of("XDG_RUNTIME_DIR", folder.toString()), folder, "", "", folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The frames a client reads. Another type is treated as the daemon going away: before any output
   * the caller runs the command itself; after some, it must not run it a second time.
   */
  private static final List<Byte> KNOWN = List.of(Frames.OUT, Frames.ERR, Frames.EXIT);

  private static OptionalInt relay(DataInputStream in) throws IOException {
    Sink stdout = new Sink(new FileOutputStream(FileDescriptor.out));
    Sink stderr = new Sink(new FileOutputStream(FileDescriptor.err));
    boolean said = false;
    while (true) {
      Frames.Frame f;
      try {
        f = Frames.readFrame(in);
      } catch (IOException e) {
        f = null;
      }
      if (f == null || !KNOWN.contains(f.type())) { // the end, a refusal, or unknown
        if (said) {
          stderr.write(
              ("error: the Runwright daemon stopped before the command finished; run it again,"
                      + " or with RUNWRIGHT_DAEMON=0 to run it without a daemon\n")
                  .getBytes(StandardCharsets.UTF_8));
          return OptionalInt.of(70);
        }
        return OptionalInt.empty();
      }
      switch (f.type()) {
        case Frames.OUT -> stdout.write(f.bytes());
        case Frames.ERR -> stderr.write(f.bytes());
        case Frames.EXIT -> {
          return OptionalInt.of(f.code());
        }
        default -> throw new IllegalStateException("unreachable: " + f.type());
      }
      said = true;
    }
  }

  /**
   * Standard output or error, which stops writing at its first failure (a closed pipe: {@code |
   * head}) and goes on reading the answer, as a run in its own process prints through a {@code
   * PrintWriter} that keeps its errors and still exits with the command's code. The command is
   * running by then, so it must not be run a second time.
   */
  private static final class Sink {
    private final OutputStream out;
    private boolean broken;

    Sink(OutputStream out) {
      this.out = out;
    }

    void write(byte[] b) {
      if (!broken) {
        try {
          out.write(b);
        } catch (IOException e) {
          broken = true;
        }
      }
    }
  }

  /** A connection to the endpoint's daemon, started first if none answers; null if none comes. */
  private static SocketChannel connect(
      Endpoint e, Path jar, String javaHome, String jvmOptions, boolean quiet) throws IOException {
    SocketChannel ch = tryConnect(e);
    if (ch != null) {
      return ch;
    }
    Process daemon = start(e, jar, javaHome, jvmOptions);
    if (!quiet) {
      // As Gradle says when it starts its daemon: a process stays, and the user should know.
      System.err.println(STARTED);
    }
    long until = System.currentTimeMillis() + START_WAIT_MILLIS;
    while (System.currentTimeMillis() < until) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return null;
      }
      ch = tryConnect(e);
      if (ch != null) {
        return ch;
      }
      if (!daemon.isAlive() && daemon.exitValue() != 0) {
        return null; // it could not start; its log says why
      }
    }
    return null;
  }

  private static SocketChannel tryConnect(Endpoint e) throws IOException {
    if (!Files.exists(e.socket())) {
      return null;
    }
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(e.socket()));
      return ch;
    } catch (IOException refused) {
      ch.close();
      return null;
    }
  }

  /** Starts a daemon for {@code e} in a session of its own, with the launcher's JVM flags. */
  private static Process start(Endpoint e, Path jar, String javaHome, String jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(newSession(Files::isExecutable).orElseThrow());
    command.add(Path.of(javaHome, "bin", "java").toString());
    for (String o : jvmOptions.strip().split("\\s+")) {
      if (!o.isEmpty()) {
        command.add(o);
      }
    }
    String launcher = System.getProperty("runwright.launcher");
    if (launcher != null) {
      command.add("-Drunwright.launcher=" + launcher);
    }
    command.add("-Drunwright.daemon=" + e.socket());
    command.add("-cp");
    command.add(jar.toString());
    command.add("dev.runwright.cli.Main");
    return new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(e.log().toFile())
        .redirectErrorStream(true)
        .start();
  }

  /**
   * The command that runs the rest of its arguments in a session of its own: util-linux's {@code
   * setsid}, or where there is none (macOS, the BSDs) Perl's {@code POSIX::setsid}, Perl's base
   * being on those systems; empty when there is neither. The JVM's child is never a process-group
   * leader, so Perl's call cannot fail for that reason.
   */
  static Optional<List<String>> newSession(java.util.function.Predicate<Path> executable) {
    for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (executable.test(Path.of(p))) {
        return Optional.of(List.of(p));
      }
    }
    for (String p : List.of("/usr/bin/perl", "/bin/perl")) {
      if (executable.test(Path.of(p))) {
        return Optional.of(
            List.of(
                p,
                "-MPOSIX",
                "-e",
                "POSIX::setsid() or die \"setsid: $!\\n\"; exec { $ARGV[0] } @ARGV or die \"exec:"
                    + " $!\\n\"",
                "--"));
      }
    }
    return Optional.empty();
  }
}
