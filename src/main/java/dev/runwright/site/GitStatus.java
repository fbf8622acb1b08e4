package dev.runwright.site;

import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What {@code git status} says about a wiki clone before a publish replaces its pages. */
final class GitStatus {
  private GitStatus() {}

  /**
   * What {@code git status} reports as not committed in {@code dir}, shortly, or {@code null} when
   * everything is committed.
   */
  static String uncommitted(Path dir) {
    Process git;
    try {
      git =
          new ProcessBuilder(
                  "git",
                  "-C",
                  dir.toString(),
                  "status",
                  "--porcelain",
                  "--untracked-files=all",
                  "--ignored=matching")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      return "changes that cannot be checked (git is not installed)";
    }
    try (var in = git.getInputStream()) {
      String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return "changes that cannot be checked (git status failed: "
            + out.lines().findFirst().orElse("no output").strip()
            + ")";
      }
      // Ignored files count only where a wiki page would replace them: git cannot restore them.
      List<String> paths =
          out.lines()
              .filter(l -> !l.startsWith("!! ") || l.substring(3).matches("[^/]+\\.md"))
              .map(l -> l.length() > 3 ? l.substring(3) : l)
              .toList();
      if (paths.isEmpty()) {
        return null;
      }
      return "uncommitted changes ("
          + String.join(", ", paths.size() > 3 ? paths.subList(0, 3) : paths)
          + (paths.size() > 3 ? " and " + (paths.size() - 3) + " more" : "")
          + ")";
    } catch (IOException e) {
      return "changes that cannot be checked (" + OutputFiles.describe(e) + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "changes that cannot be checked (interrupted)";
    } finally {
      git.destroy();
    }
  }
}
