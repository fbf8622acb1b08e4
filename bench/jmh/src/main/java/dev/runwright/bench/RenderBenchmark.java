package dev.runwright.bench;

import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.YamlReader;
import dev.runwright.core.FolderLayout;
import dev.runwright.core.Runbook;
import dev.runwright.core.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-runbook render path of a site build: every template, every policy check, every
 * Markdown-to-HTML conversion of one runbook, without the disk. The site build is this, once per
 * runbook, on every core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {
  @Param({"true", "false"})
  boolean followUps;

  Workspace workspace;
  Runbook runbook;

  @Setup
  public void setUp() throws IOException {
    Path yaml = Files.createTempFile("runbook", ".yaml");
    Files.writeString(
        yaml,
        "account: \"111122223333\"\nregion: us-east-1\n"
            + "keys: [1234abcd-12ab-34cd-56ef-1234567890ab]\nclusterId: payments-prod\n"
            + "description: Backups and S3 imports of the payments cluster\n");
    YamlReader reader = new YamlReader();
    workspace = new Workspace(List.of(), reader, followUps);
    ConfigLoader.Single single =
        (ConfigLoader.Single) new ConfigLoader(reader).load(yaml, yaml.toString());
    runbook = workspace.prepare(single.runbook(), "prod-use1", new Diagnostics());
    Files.delete(yaml);
  }

  @Benchmark
  public void renderOneRunbookForASite(Blackhole bh) {
    workspace
        .renderer()
        .render(runbook, FolderLayout.site("prod-use1"), null, (path, text, title, step) -> {
          bh.consume(path);
          bh.consume(text);
        });
  }
}
