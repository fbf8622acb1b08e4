package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A daemon served on a thread of the test's JVM, for the tests of the daemon and its clients. */
final class InProcessDaemon {
  private InProcessDaemon() {}

  /**
   * Serves {@code endpoint} in the background and returns once it listens; the future completes
   * when the daemon stops (remove its socket to stop it).
   */
  static CompletableFuture<Void> start(
      Endpoint endpoint, Daemon.Runner runner, Daemon.WarmUp warmUp, Duration idle, Path jar)
      throws InterruptedException {
    CompletableFuture<Void> serving =
        CompletableFuture.runAsync(
            () -> {
              try {
                Daemon.serve(endpoint, runner, warmUp, idle, jar);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    for (int i = 0; i < 500 && !Files.exists(endpoint.pid()); i++) {
      Thread.sleep(10);
    }
    assertTrue(Files.exists(endpoint.socket()), "the daemon listens");
    return serving;
  }
}
