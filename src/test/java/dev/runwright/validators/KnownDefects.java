package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that lists what the validators find wrong in today's output: each entry is a defect
 * still to fix, named with its issue. A test hands every problem it finds to {@link #check}: a
 * problem no entry explains fails the test; when every problem is explained the test is reported as
 * skipped, naming the defect. {@link #assertEachSeen} fails when an entry no longer matches
 * anything, so a fixed defect's entry is removed (and its check guards the fix).
 */
final class KnownDefects {
  private KnownDefects() {}

  /**
   * One known defect.
   *
   * @param check the check that finds it (vnu, shellcheck, shells, github-rendering, mkdocs)
   * @param where the locations it is seen at (file labels under {@link GeneratedOutput#root()})
   * @param problem what the check reports for it
   * @param why the defect, with its issue
   */
  record Defect(String check, Pattern where, Pattern problem, String why) {
    boolean explains(String check, String where, String problem) {
      return this.check.equals(check)
          && this.where.matcher(where).find()
          && this.problem.matcher(problem).find();
    }
  }

  static final List<Defect> LIST = List.of();

  private static final Set<Defect> SEEN = ConcurrentHashMap.newKeySet();
  private static final Set<String> RAN = ConcurrentHashMap.newKeySet();

  /**
   * Passes when {@code problems} is empty, skips naming the defects when each problem is a known
   * one, and fails listing the problems that are not.
   */
  static void check(String check, String where, List<String> problems) {
    List<String> unexplained =
        problems.stream()
            .filter(p -> LIST.stream().noneMatch(d -> d.explains(check, where, p)))
            .toList();
    List<Defect> explaining =
        LIST.stream()
            .filter(d -> problems.stream().anyMatch(p -> d.explains(check, where, p)))
            .toList();
    SEEN.addAll(explaining);
    RAN.add(check);
    if (!unexplained.isEmpty()) {
      fail(where + ":\n  " + String.join("\n  ", unexplained));
    }
    if (!explaining.isEmpty()) {
      Assumptions.abort(
          "known defect at "
              + where
              + ": "
              + String.join("; ", explaining.stream().map(Defect::why).toList())
              + "\n  "
              + String.join("\n  ", problems));
    }
  }

  /**
   * Fails when an entry for {@code check} explained nothing in this run, so that a fixed defect's
   * entry is removed; does nothing when the check did not run (its tool is missing).
   */
  static void assertEachSeen(String check) {
    if (!RAN.contains(check)) {
      return;
    }
    List<String> stale =
        LIST.stream()
            .filter(d -> d.check().equals(check) && !SEEN.contains(d))
            .map(Defect::why)
            .toList();
    if (!stale.isEmpty()) {
      fail(
          "these known defects were not seen, so they look fixed; remove them from KnownDefects: "
              + stale);
    }
  }
}
