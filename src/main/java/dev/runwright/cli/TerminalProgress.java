package dev.runwright.cli;

import dev.runwright.site.SiteBuilder;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long build on stderr, only when stderr is a terminal and the build has run for more
 * than a second: one line, rewritten in place, with done/total and the rate.
 */
final class TerminalProgress implements SiteBuilder.Progress {
  private final PrintWriter err;
  private final long start;
  private final boolean terminal = System.console() != null;
  private volatile long lastPrint;
  private volatile boolean printed;

  TerminalProgress(PrintWriter err, long start) {
    this.err = err;
    this.start = start;
  }

  @Override
  public void update(int done, int total) {
    if (!terminal) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < 1_000_000_000L || now - lastPrint < 200_000_000L) {
      return;
    }
    synchronized (this) {
      lastPrint = now;
      printed = true;
      double rate = done / ((now - start) / 1e9);
      err.print(String.format(Locale.ROOT, "\r  %d/%d runbooks (%.0f/s)  ", done, total, rate));
      err.flush();
    }
  }

  @Override
  public void interrupted(String line) {
    clear();
    err.println(line);
    err.flush();
  }

  /** Removes the progress line before the summary. */
  synchronized void clear() {
    if (printed) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
