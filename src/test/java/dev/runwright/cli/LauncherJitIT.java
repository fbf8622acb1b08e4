package dev.runwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JIT (bin/runwright): C1 alone for one runbook and for small and middling
 * builds, C2 for the publishing commands when the inventory file is large (over 1 MB, or 5 MB with
 * --no-follow-ups), and RUNWRIGHT_JAVA_OPTS has the last word. Read from the flags the JVM reports
 * it started with.
 */
class LauncherJitIT {
  private static final Path LAUNCHER = Path.of("bin/runwright").toAbsolutePath();

  @TempDir Path tmp;

  private Path inventory(String name, int bytes) throws IOException {
    StringBuilder sb = new StringBuilder("title: Fleet\nrunbooks: []\n");
    while (sb.length() < bytes) {
      sb.append("# padding to make the file as large as a big inventory's\n");
    }
    Path f = tmp.resolve(name);
    Files.writeString(f, sb.toString());
    return f;
  }

  /** The TieredStopAtLevel the JVM ran with for {@code args} (4, the default, when not set). */
  private static int tier(String javaOpts, String... args) throws Exception {
    Matcher m = Pattern.compile("-XX:TieredStopAtLevel=(\\d)").matcher(flags(javaOpts, args));
    return m.find() ? Integer.parseInt(m.group(1)) : 4;
  }

  /** The flags the JVM reports it started with for {@code args}. */
  private static String flags(String javaOpts, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    cmd.add("--help");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("RUNWRIGHT_JAVA_OPTS", "-XX:+PrintCommandLineFlags " + javaOpts);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out.lines().findFirst().orElse("");
  }

  @Test
  void largeBuildsKeepTheOldGenerationTightAndGiveBackTheCompilersMemory() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target/runwright.jar")), "build the jar first");
    String large = flags("", "site", "--config", inventory("large.yaml", 1_200_000).toString());
    assertTrue(large.contains("-XX:MinHeapFreeRatio=20"), large);
    assertTrue(large.contains("-XX:MaxHeapFreeRatio=40"), large);
    Process probe =
        new ProcessBuilder("java", "-XX:TrimNativeHeapInterval=0", "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean canTrim = probe.waitFor() == 0;
    assertEquals(canTrim, large.contains("-XX:TrimNativeHeapInterval=5000"), large);
    String small = flags("", "site", "--config", inventory("small.yaml", 10_000).toString());
    assertFalse(small.contains("HeapFreeRatio"), small);
    assertFalse(small.contains("TrimNativeHeapInterval"), small);
  }

  @Test
  void oneRunbookAndSmallBuildsRunC1AloneLargeBuildsC2() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target/runwright.jar")), "build the jar first");
    Path small = inventory("small.yaml", 10_000);
    Path large = inventory("large.yaml", 1_200_000);
    Path huge = inventory("huge.yaml", 5_200_000);
    assertEquals(1, tier("", "generate", "--config", small.toString()));
    assertEquals(1, tier("", "generate", "--config", large.toString()));
    assertEquals(1, tier("", "site", "--config", small.toString()));
    assertEquals(4, tier("", "site", "--config", large.toString()));
    assertEquals(4, tier("", "-q", "wiki", "--config=" + large));
    assertEquals(4, tier("", "mkdocs", "-c", large.toString()));
    assertEquals(1, tier("", "site", "--config", large.toString(), "--no-follow-ups"));
    assertEquals(4, tier("", "site", "--no-follow-ups", "--config", huge.toString()));
    assertEquals(1, tier("-XX:TieredStopAtLevel=1", "site", "--config", large.toString()));
  }
}
