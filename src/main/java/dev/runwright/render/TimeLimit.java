package dev.runwright.render;

import freemarker.core.Environment;
import freemarker.core.TemplateElement;
import freemarker.core._CoreAPI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a template that runs too long, such as {@code <#list 1.. as i>}. FreeMarker checks the
 * thread's interrupt flag in every loop of a template prepared with {@link #prepare}; a timer
 * thread interrupts a rendering thread whose time is up and remembers which loop was running, so
 * the error can name it.
 */
final class TimeLimit {
  /** The system property that sets the limit, in seconds. */
  static final String PROPERTY = "runwright.templateTimeout";

  private static final Duration DEFAULT = Duration.ofSeconds(30);

  private TimeLimit() {}

  /** The limit for one document: {@value #PROPERTY} seconds, or 30 s. */
  static Duration fromSystemProperty() {
    String s = System.getProperty(PROPERTY);
    if (s == null || s.isBlank()) {
      return DEFAULT;
    }
    try {
      double seconds = Double.parseDouble(s.strip());
      if (seconds > 0 && seconds <= 86_400) {
        return Duration.ofMillis(Math.round(seconds * 1000));
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new TemplateError(
        "error: -D"
            + PROPERTY
            + "="
            + s
            + ": expected the seconds one template may run, a number from 0.001 to 86400 (default"
            + " 30)");
  }

  /**
   * Adds FreeMarker's interrupt checks to the loops of {@code t}. It changes the parsed template,
   * so call it once per template, before any thread renders it. {@code _CoreAPI} is FreeMarker's
   * public hook for this (its online template tester uses it).
   */
  static void prepare(freemarker.template.Template t) {
    _CoreAPI.addThreadInterruptedChecks(t);
  }

  /** Starts watching the current thread while it renders with {@code env}. */
  static Watch start(Environment env, Duration limit) {
    Watch w = WATCH.get();
    w.begin(env, limit);
    return w;
  }

  /**
   * Each rendering thread's watch, reused for all its renderings: starting and stopping one is a
   * few field writes, which matters when a site renders 40,000 documents.
   */
  private static final ThreadLocal<Watch> WATCH =
      ThreadLocal.withInitial(
          () -> {
            Watch w = new Watch(Thread.currentThread());
            Timer.watch(w);
            return w;
          });

  /** One daemon thread that looks at every watch four times a second. */
  private static final class Timer {
    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    private static boolean started;

    static synchronized void watch(Watch w) {
      WATCHES.add(w);
      if (!started) {
        Thread t = new Thread(Timer::loop, "runwright-template-timer");
        t.setDaemon(true);
        t.start();
        started = true;
      }
    }

    private static void loop() {
      while (true) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        for (Watch w : WATCHES) {
          if (!w.thread.isAlive()) {
            WATCHES.remove(w); // a finished renderer thread's watch
          } else {
            w.check(now);
          }
        }
      }
    }
  }

  /** The watch over one thread's renderings. */
  static final class Watch {
    private final Thread thread;
    private Environment env;
    private Duration limit;
    private long deadline;
    private boolean running;
    private boolean fired;
    private TemplateElement at;

    private Watch(Thread thread) {
      this.thread = thread;
    }

    synchronized void begin(Environment env, Duration limit) {
      this.env = env;
      this.limit = limit;
      this.deadline = System.nanoTime() + limit.toNanos();
      this.running = true;
      this.fired = false;
      this.at = null;
    }

    /** Called by the timer: interrupts the rendering when its time is up. */
    synchronized void check(long now) {
      if (!running || fired || now - deadline < 0) {
        return;
      }
      fired = true;
      try {
        // Read while the other thread runs: only to name a position, so a torn read is harmless.
        at = innermostLoop(_CoreAPI.getInstructionStackSnapshot(env));
      } catch (RuntimeException e) {
        at = null;
      }
      thread.interrupt();
    }

    /**
     * The loop around the running instruction: FreeMarker keeps a loop's body, not the loop, on its
     * stack, so this walks up from the top. Falls back to the running instruction.
     */
    private static TemplateElement innermostLoop(TemplateElement[] stack) {
      if (stack.length == 0) {
        return null;
      }
      for (TemplateElement e = stack[0]; e != null; e = _CoreAPI.getParentElement(e)) {
        String c = e.getCanonicalForm();
        if (c.startsWith("<#list") || c.startsWith("<#items")) {
          return e;
        }
      }
      return stack[0];
    }

    /** Whether the time ran out; then the rendering was interrupted. */
    synchronized boolean expired() {
      return fired;
    }

    /** The limit, as the error states it ("30 s", "0.5 s"). */
    synchronized String limit() {
      long ms = limit.toMillis();
      return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0)) + " s";
    }

    /** The loop that was running when the time ran out, or {@code null}. */
    synchronized TemplateElement running() {
      return at;
    }

    /** Ends the watch; call from the rendering thread, whatever happened. */
    synchronized void stop() {
      running = false;
      env = null;
      if (fired) {
        Thread.interrupted(); // the interrupt was ours; do not leak it into what runs next
      }
    }
  }
}
