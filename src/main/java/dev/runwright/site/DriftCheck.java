package dev.runwright.site;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.runwright.core.Runwright;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code runwright check}: regenerates in memory and compares with what is on disk, like
 * terraform-docs' {@code --output-check}. Nothing is written.
 */
public final class DriftCheck {
  private DriftCheck() {}

  /**
   * What differs.
   *
   * @param compared how many files were regenerated and compared
   * @param missing files that should exist and do not
   * @param extra files a previous build published that a build now would remove
   * @param changed unified diffs of files whose content differs, by path
   */
  public record Report(
      int compared, List<String> missing, List<String> extra, Map<String, String> changed) {
    public boolean clean() {
      return missing.isEmpty() && extra.isEmpty() && changed.isEmpty();
    }
  }

  /** Compares what {@code generate} would write with {@code out}. */
  public static Report generate(Runwright.GenerateRequest req) {
    Runwright.Rendered r = Runwright.render(req);
    Comparing target = new Comparing(req.out());
    for (OutputFiles.Output f : r.files()) {
      target.write(f.path(), f.bytes());
    }
    return target.report(List.of());
  }

  /** Compares what {@code site} or {@code wiki} would publish with {@code out}. */
  public static Report publish(
      SiteBuilder.Prepared prepared, PublishTarget publishTarget, Path out, int jobs) {
    Comparing target = new Comparing(out);
    SiteBuilder.render(prepared, publishTarget, target, out, jobs, SiteBuilder.Progress.NONE);
    List<String> previous = new ArrayList<>();
    Path manifest = out.resolve(Publisher.MANIFEST);
    if (Files.isRegularFile(manifest)) {
      try {
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
          if (!line.isBlank() && !line.startsWith("#")) {
            previous.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return target.report(previous);
  }

  /** Compares each file as it is rendered, keeping only the differences. Thread-safe. */
  private static final class Comparing implements Target {
    private final Path out;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> changed = new ConcurrentHashMap<>();

    Comparing(Path out) {
      this.out = out;
    }

    @Override
    public void write(String rel, byte[] bytes) {
      seen.add(rel);
      Path f = out.resolve(rel);
      if (!Files.isRegularFile(f)) {
        missing.add(rel);
        return;
      }
      try {
        byte[] disk = Files.readAllBytes(f);
        if (!Arrays.equals(disk, bytes)) {
          changed.put(
              rel,
              diff(
                  rel,
                  new String(disk, StandardCharsets.UTF_8),
                  new String(bytes, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Report report(List<String> previous) {
      List<String> extra = new ArrayList<>();
      Set<String> now = new HashSet<>(seen);
      for (String p : previous) {
        if (!now.contains(p) && Files.exists(out.resolve(p))) {
          extra.add(p);
        }
      }
      extra.sort(null);
      List<String> miss = new ArrayList<>(missing);
      miss.sort(null);
      return new Report(seen.size(), miss, extra, new TreeMap<>(changed));
    }
  }

  /** A unified diff from the file on disk ({@code a/}) to the regenerated one ({@code b/}). */
  static String diff(String path, String disk, String fresh) {
    List<String> a = disk.lines().toList();
    List<String> b = fresh.lines().toList();
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3);
    if (lines.isEmpty()) {
      return "--- a/"
          + path
          + "\n+++ b/"
          + path
          + "\n(only line endings or the final newline differ)\n";
    }
    return String.join("\n", lines) + "\n";
  }
}
