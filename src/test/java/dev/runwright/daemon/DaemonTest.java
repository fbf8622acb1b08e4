package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in this process, with a runner that echoes its arguments: it answers a request with
 * the command's output, error output and exit code, in order; refuses a request from another
 * folder; answers one request at a time; lets only one daemon hold an endpoint; and stops when idle
 * or when its socket is removed, taking its files with it.
 */
class DaemonTest {
  @TempDir Path dir;

  private Endpoint endpoint;
  private Path jar;
  private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
  private CompletableFuture<Void> serving;
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicBoolean overlapped = new AtomicBoolean();
  private final AtomicInteger warmed = new AtomicInteger();
  private static final int WARM_STEPS = 15;

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @BeforeEach
  void files() throws IOException {
    endpoint = new Endpoint(dir.resolve("rw-0123456789abcdef.sock"));
    jar = Files.writeString(dir.resolve("fake.jar"), "jar");
  }

  @AfterEach
  void stop() throws Exception {
    Files.deleteIfExists(endpoint.socket()); // the watcher sees it gone and stops the daemon
    if (serving != null) {
      serving.get();
    }
  }

  private void start(Duration idle) throws Exception {
    serving =
        InProcessDaemon.start(
            endpoint,
            (out, err, args) -> {
              if (active.incrementAndGet() > 1) {
                overlapped.set(true);
              }
              sleep(20);
              active.decrementAndGet();
              ran.add(String.join(" ", args));
              out.println("out: " + String.join(" ", args));
              err.println("err: ü");
              out.print("no newline");
              return args.length;
            },
            () -> {
              if (active.incrementAndGet() > 1) {
                overlapped.set(true);
              }
              sleep(20);
              active.decrementAndGet();
              return warmed.incrementAndGet() < WARM_STEPS;
            },
            idle,
            jar);
  }

  /** What a client reads back: its output, error output and the last frame's type and code. */
  private record Answer(String out, String err, byte last, int code) {}

  private Answer ask(String cwd, String... args) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(endpoint.socket()));
      Frames.writeRequest(
          new DataOutputStream(Channels.newOutputStream(ch)),
          new Frames.Request(cwd, List.of(args)));
      DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      while (true) {
        Frames.Frame f = Frames.readFrame(in);
        if (f.type() == Frames.OUT) {
          out.write(f.bytes());
        } else if (f.type() == Frames.ERR) {
          err.write(f.bytes());
        } else {
          return new Answer(
              out.toString(StandardCharsets.UTF_8),
              err.toString(StandardCharsets.UTF_8),
              f.type(),
              f.code());
        }
      }
    }
  }

  private static String here() {
    return Path.of("").toAbsolutePath().toString();
  }

  @Test
  void aRequestGetsTheCommandsOutputAndExitCode() throws Exception {
    start(Duration.ofSeconds(2));
    Answer a = ask(here(), "generate", "--config", "a b.yaml");
    assertEquals("out: generate --config a b.yaml\nno newline", a.out());
    assertEquals("err: ü\n", a.err());
    assertEquals(Frames.EXIT, a.last());
    assertEquals(3, a.code());
    assertEquals(0, ask(here()).code(), "a second request to the same daemon");
    assertEquals(List.of("generate --config a b.yaml", ""), ran);
    assertEquals(
        ProcessHandle.current().pid() + "\n" + here() + "\n", Files.readString(endpoint.pid()));
  }

  @Test
  void aRequestFromAnotherFolderIsRefusedAndNotRun() throws Exception {
    start(Duration.ofSeconds(2));
    Answer a = ask(dir.toString(), "generate");
    assertEquals(Frames.REFUSED, a.last());
    assertEquals("", a.out() + a.err());
    assertTrue(ran.isEmpty());
  }

  @Test
  void aSecondDaemonForTheSameEndpointGoesAtOnce() throws Exception {
    start(Duration.ofSeconds(2));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> Daemon.serve(endpoint, (o, e, a) -> 99, Daemon.COLD, Duration.ofMinutes(1), jar));
    assertEquals(3, ask(here(), "a", "b", "c").code(), "the first still answers");
  }

  @Test
  void requestsRunOneAtATime() throws Exception {
    start(Duration.ofSeconds(2));
    List<CompletableFuture<Answer>> asks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String arg = "run" + i;
      asks.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ask(here(), arg);
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              }));
    }
    for (int i = 0; i < 8; i++) {
      Answer a = asks.get(i).get();
      assertEquals("out: run" + i + "\nno newline", a.out(), "no output of another run mixed in");
      assertEquals(1, a.code());
    }
    assertEquals(8, ran.size());
    assertFalse(overlapped.get(), "a run started while another (or a warm-up step) was running");
  }

  @Test
  void theWarmUpStartsAfterTheFirstAnswerAndNeverBesideARequest() throws Exception {
    start(Duration.ofSeconds(5));
    Thread.sleep(200);
    assertEquals(0, warmed.get(), "no warming before a first request");
    assertEquals(1, ask(here(), "first").code());
    for (int i = 0; i < 20; i++) {
      assertEquals(1, ask(here(), "again" + i).code());
      Thread.sleep(7);
    }
    for (int i = 0; i < 200 && warmed.get() < WARM_STEPS; i++) {
      Thread.sleep(10);
    }
    assertEquals(WARM_STEPS, warmed.get(), "it warms until its warm-up says it is done");
    Thread.sleep(100);
    assertEquals(WARM_STEPS, warmed.get(), "and then no more");
    assertFalse(overlapped.get(), "a warm-up step ran beside a request");
  }

  @Test
  void anIdleDaemonStopsAndRemovesItsFiles() throws Exception {
    start(Duration.ofMillis(300));
    assertEquals(0, ask(here()).code());
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> serving.get());
    assertFalse(Files.exists(endpoint.socket()));
    assertFalse(Files.exists(endpoint.pid()));
    assertFalse(Files.exists(endpoint.lock()));
  }

  @Test
  void aDaemonWhoseJarChangedRefusesAndStops() throws Exception {
    start(Duration.ofSeconds(2));
    Files.writeString(jar, "rebuilt, and longer");
    Answer a = ask(here(), "generate");
    assertEquals(Frames.REFUSED, a.last());
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> serving.get());
    assertTrue(ran.isEmpty());
  }

  @Test
  void aDaemonWhoseSocketWasRemovedStops() throws Exception {
    start(Duration.ofSeconds(2));
    Files.delete(endpoint.socket());
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> serving.get());
  }
}
