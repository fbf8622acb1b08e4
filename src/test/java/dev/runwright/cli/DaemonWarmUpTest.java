package dev.runwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DaemonWarmUpTest {
  @Test
  void afterAGenerateItRunsGenerateIntoItsOwnFolderThenRemovesIt() {
    DaemonWarmUp w = new DaemonWarmUp(2, "generate", "--config", "runwright.yaml", "-q");
    assertTrue(w.step());
    Path folder = w.folder();
    assertTrue(folder.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), folder.toString());
    assertTrue(
        Files.exists(folder.resolve("0/procedure.md")), "the whole procedure of Aurora MySQL");
    assertTrue(w.step());
    assertTrue(Files.exists(folder.resolve("1/database/runbook.md")), "Aurora PostgreSQL's");
    assertTrue(w.step());
    assertTrue(Files.exists(folder.resolve("2/runbook.md")), "step 1 alone");
    assertFalse(Files.exists(folder.resolve("2/procedure.md")));
    int steps = 3;
    while (w.step()) {
      steps++;
    }
    assertEquals(6, steps, "two rounds of three");
    assertEquals(6, w.done());
    assertFalse(Files.exists(folder), "its folder is gone when it is done");
    assertFalse(w.step(), "and it stays done");
  }

  @Test
  void afterAnotherCommandItDoesNothing() {
    DaemonWarmUp w = new DaemonWarmUp("lint", "policy.json");
    assertFalse(w.step());
    assertNull(w.folder());
  }
}
