package dev.runwright.serve;

import dev.runwright.config.ConfigLoader;
import dev.runwright.config.YamlReader;
import dev.runwright.core.Inputs;
import dev.runwright.site.SiteBuilder;
import dev.runwright.site.StaticSiteTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A preview of an inventory's site: built into a folder, rebuilt when the inventory or a template
 * changes. The command runs the loop; this class knows what a build and a change are.
 */
public final class Preview {
  private final Path config;
  private final List<Path> templates;
  private final boolean redact;
  private final AtomicLong build = new AtomicLong();
  private volatile String baseUrl;

  public Preview(Path config, List<Path> templates, boolean redact) {
    this.config = config;
    this.templates = List.copyOf(templates);
    this.redact = redact;
  }

  /** The number of the last good build. */
  public long build() {
    return build.get();
  }

  /** The inventory's base URL at the last good build, or {@code null}. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Builds the site into {@code site}.
   *
   * @return what the build did
   * @throws RuntimeException as {@link SiteBuilder#build} does; the last good build stays
   */
  public SiteBuilder.Result rebuild(Path site) {
    SiteBuilder.Result r =
        SiteBuilder.build(
            new SiteBuilder.Request(
                new StaticSiteTarget(),
                Inputs.Request.inventory(
                    config, config.toString(), templates, YamlReader.DEFAULT_MAX_BYTES, false),
                site,
                site.toString(),
                true,
                redact,
                true,
                Runtime.getRuntime().availableProcessors(),
                SiteBuilder.Progress.NONE));
    ConfigLoader.Config c = new ConfigLoader(new YamlReader()).load(config, config.toString());
    baseUrl = c instanceof ConfigLoader.Inventory inv ? inv.baseUrl() : null;
    build.incrementAndGet();
    return r;
  }

  /** Modification times and sizes of the inventory and every template file. */
  public String fingerprint() throws IOException {
    StringBuilder sb = new StringBuilder();
    List<Path> watched = new ArrayList<>();
    watched.add(config);
    watched.addAll(templates);
    for (Path p : watched) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            stamp(sb, f);
          }
        }
      } else {
        stamp(sb, p);
      }
    }
    return sb.toString();
  }

  private static void stamp(StringBuilder sb, Path f) throws IOException {
    if (Files.exists(f)) {
      sb.append(f)
          .append(':')
          .append(Files.getLastModifiedTime(f).toMillis())
          .append(':')
          .append(Files.size(f))
          .append('\n');
    }
  }

  /** Removes a temporary folder and everything in it. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder: the OS cleans it eventually
    }
  }
}
