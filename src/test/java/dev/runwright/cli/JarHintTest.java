package dev.runwright.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JarHintTest {
  @Test
  void aLongBuildWithoutTheLauncherIsToldOnce() {
    assertNotNull(JarHint.forArgs(null, "site", "--config", "s.yaml", "--out", "o"));
    assertNotNull(JarHint.forArgs(null, "--verbose", "wiki", "--config", "s.yaml"));
  }

  @Test
  void theLauncherQuietAndShortCommandsAreNot() {
    assertNull(JarHint.forArgs("/x/bin/runwright", "site", "--config", "s.yaml"));
    assertNull(JarHint.forArgs(null, "site", "--config", "s.yaml", "-q"));
    assertNull(JarHint.forArgs(null, "generate", "--config", "r.yaml"));
    assertNull(JarHint.forArgs(null, "--help"));
  }
}
