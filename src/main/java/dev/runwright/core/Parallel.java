package dev.runwright.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a few tasks in order or at once, passing on their exceptions as they are. */
final class Parallel {
  private Parallel() {}

  static <T> List<T> inOrder(List<Callable<T>> parts) {
    List<T> done = new ArrayList<>();
    for (Callable<T> part : parts) {
      try {
        done.add(part.call());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return done;
  }

  static <T> List<T> all(List<Callable<T>> parts) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parts.size(), Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "runwright-step");
              t.setDaemon(true);
              return t;
            });
    try {
      List<T> done = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(parts)) {
        done.add(f.get());
      }
      return done;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
