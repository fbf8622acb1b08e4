package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code runwright site} with SIGKILL at moments across a build (before, while and after it
 * stages the new site) and checks that the published folder is, every time, exactly the previous
 * site or exactly the new one; and that the next build finishes and leaves nothing behind beside
 * the folder. Runs the packaged jar through {@code bin/runwright}.
 */
class KillMidBuildIT {
  @TempDir Path tmp;

  @Test
  void killingABuildAtAnyMomentLeavesThePreviousSiteIntact() throws Exception {
    Path jar = Path.of(System.getProperty("runwright.jar", "target/runwright.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
    Path v1 = inventory("v1", 60);
    Path v2 = inventory("v2", 60);
    Path site = tmp.resolve("public");
    Path reference = tmp.resolve("reference");

    assertEquals(0, build(jar, v1, site).waitFor());
    Map<String, String> old = snapshot(site);
    // The reference replaces a site too, as every killed build does (moving it aside, removing it).
    copyTree(site, reference);
    Timing full = timeBuild(jar, v2, reference);
    Map<String, String> fresh = snapshot(reference);
    assertTrue(!old.equals(fresh), "the two builds must differ for the test to mean anything");

    // The moments, from the reference build's: one while Java starts (before anything is
    // staged), four while the new site fills its staging folder (from the moment it appears to
    // just before it is moved into place), one as the folders are swapped and one after (while
    // the old site is removed).
    List<Kill> kills =
        List.of(
            new Kill("before staging", false, full.staged() / 2),
            new Kill("as staging starts", true, 0),
            new Kill("a third into staging", true, full.staging() / 3),
            new Kill("two thirds into staging", true, full.staging() * 2 / 3),
            new Kill("just before the swap", true, full.staging() * 19 / 20),
            new Kill("at the swap", false, full.swapped()),
            new Kill("after the swap", false, (full.swapped() + full.total()) / 2));
    Path pristine = tmp.resolve("pristine");
    copyTree(site, pristine);
    boolean stagingRecovered = false;
    for (int k = 0; k < kills.size(); k++) {
      Kill kill = kills.get(k);
      deleteTree(site);
      copyTree(pristine, site);
      List<String> before = leftovers(site);
      Process p = build(jar, v2, site);
      if (kill.afterStaging()) {
        waitForStaging(site, p, before);
      }
      Thread.sleep(Math.max(1, kill.afterMillis()));
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed build ends: " + kill.when());
      Map<String, String> now = Files.exists(site) ? snapshot(site) : Map.of();
      boolean isOld = now.equals(old);
      boolean isNew = now.equals(fresh);
      boolean swapInterrupted =
          !Files.exists(site)
              && leftovers(site).stream().filter(n -> n.contains(".runwright-old-")).count() == 1;
      assertTrue(
          isOld || isNew || swapInterrupted,
          "after a kill " + kill.when() + " the site is neither the old nor the new one");
      // A kill while staging leaves the old site, the lock and a staging folder. Once a build has
      // recovered from that, the next kills' builds start with such leftovers instead (and
      // must recover them as they go); any other state, and the last kill's, is recovered at once.
      boolean whileStaging =
          isOld
              && !before.equals(leftovers(site))
              && leftovers(site).stream()
                  .allMatch(
                      n -> n.contains(".runwright-staging-") || n.endsWith(".runwright-lock"));
      if (whileStaging && stagingRecovered && k < kills.size() - 1) {
        continue;
      }
      stagingRecovered |= whileStaging;
      // The next build recovers whatever the kill left and publishes the new site.
      assertEquals(0, build(jar, v2, site).waitFor());
      assertEquals(fresh, snapshot(site), "a build after the kill " + kill.when() + " recovers");
      assertEquals(List.of(), leftovers(site), "nothing is left beside the site");
    }
  }

  /** When to kill a build: so many milliseconds after it starts, or after it starts staging. */
  private record Kill(String when, boolean afterStaging, long afterMillis) {}

  /**
   * A build's moments, in milliseconds from its start: its staging folder first seen, then seen
   * gone (moved into place), and its end.
   */
  private record Timing(long staged, long swapped, long total) {
    long staging() {
      return swapped - staged;
    }
  }

  /**
   * Issue 20: Ctrl-C (SIGINT) or SIGTERM in the middle of a few-thousand-runbook build removes the
   * staging folder and the lock, says so in one line, exits 130 or 143, and leaves the previous
   * site as it was.
   */
  @Test
  void sigintAndSigtermRemoveThePartialBuildAndSaySo() throws Exception {
    Path jar = Path.of(System.getProperty("runwright.jar", "target/runwright.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
    Path site = tmp.resolve("public");
    // The previous site only has to exist; the build that is interrupted is the large one.
    assertEquals(0, build(jar, inventory("v1", 100), site).waitFor());
    Map<String, String> old = snapshot(site);
    Path v2 = inventory("v2", 2000);
    for (String signal : List.of("INT", "TERM")) {
      Process p = buildWithDefaultSignals(jar, v2, site);
      waitForStaging(site, p);
      Thread.sleep(300); // well into rendering: the staging folder is filling up
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the build ends after SIG" + signal);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(signal.equals("INT") ? 130 : 143, p.exitValue(), err);
      assertEquals(
          "interrupted: removed the partial build; " + site + " is unchanged\n",
          err,
          "one line, after SIG" + signal);
      assertEquals(List.of(), leftovers(site), "no staging folder or lock beside the site");
      assertEquals(old, snapshot(site), "the previous site is intact after SIG" + signal);
    }
  }

  /**
   * Starts a build whose SIGINT is not ignored, whatever this JVM inherited (a shell runs a
   * background job with SIGINT ignored, and Java keeps an ignored SIGINT ignored).
   */
  private static Process buildWithDefaultSignals(Path jar, Path inventory, Path out)
      throws IOException {
    return new ProcessBuilder(
            "perl",
            "-e",
            "$SIG{INT} = 'DEFAULT'; $SIG{TERM} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"",
            launcher(jar).toString(),
            "site",
            "--config",
            inventory.toString(),
            "--out",
            out.toString(),
            "--no-follow-ups",
            "-q")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /**
   * The launcher beside the jar ({@code bin/runwright} for {@code target/runwright.jar}): what
   * users run, which execs Java in its own process (so the kill reaches the build) and starts it
   * from the class-data-sharing archive, a second sooner per build than {@code java -jar}.
   */
  private static Path launcher(Path jar) {
    Path l = jar.toAbsolutePath().getParent().resolveSibling("bin").resolve("runwright");
    assertTrue(Files.isExecutable(l), "the launcher is missing: " + l);
    return l;
  }

  /** Waits until the build has made its staging folder beside {@code site}. */
  private static void waitForStaging(Path site, Process p) throws Exception {
    waitForStaging(site, p, List.of());
  }

  /** Waits until the build has made a staging folder beside {@code site} not among {@code old}. */
  private static void waitForStaging(Path site, Process p, List<String> old) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (leftovers(site).stream()
        .noneMatch(n -> n.contains(".runwright-staging-") && !old.contains(n))) {
      assertTrue(p.isAlive(), "the build ended before it staged anything");
      assertTrue(System.nanoTime() < deadline, "no staging folder after 60 s");
      Thread.sleep(20);
    }
  }

  private Path inventory(String version, int n) throws IOException {
    StringBuilder sb = new StringBuilder("title: Fleet " + version + "\nrunbooks:\n");
    for (int i = 0; i < n; i++) {
      sb.append(
          String.format(
              "  - {id: rb-%05d, account: \"%012d\", region: us-east-1, keys: [%08x-1234-4abc-8def-%012x],"
                  + " description: \"%s runbook %d\"}%n",
              i, 100000000000L + i, i, i, version, i));
    }
    Path f = tmp.resolve(version + ".yaml");
    Files.writeString(f, sb.toString());
    return f;
  }

  private static Process build(Path jar, Path inventory, Path out) throws IOException {
    return new ProcessBuilder(
            launcher(jar).toString(),
            "site",
            "--config",
            inventory.toString(),
            "--out",
            out.toString(),
            "--no-follow-ups",
            "-q")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static Timing timeBuild(Path jar, Path inventory, Path out) throws Exception {
    long t0 = System.nanoTime();
    Process p = build(jar, inventory, out);
    waitForStaging(out, p);
    long staged = (System.nanoTime() - t0) / 1_000_000;
    while (p.isAlive()
        && leftovers(out).stream().anyMatch(n -> n.contains(".runwright-staging-"))) {
      Thread.sleep(5);
    }
    long swapped = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, p.waitFor());
    return new Timing(staged, swapped, (System.nanoTime() - t0) / 1_000_000);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Every file with the SHA-256 of its bytes. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(f).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  /** Staging or old folders an interrupted build left beside {@code site}. */
  private static List<String> leftovers(Path site) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(site.getParent())) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("." + site.getFileName() + ".runwright-"))
          .forEach(out::add);
    }
    return out;
  }
}
