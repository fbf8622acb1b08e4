package dev.runwright.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon's endpoint is named by everything its answers depend on, and lives only in a folder of
 * the user's alone; which command lines may go to a daemon at all.
 */
class EndpointTest {
  @TempDir Path dir;

  private Path jar;
  private Map<String, String> env;

  @BeforeEach
  void files() throws IOException {
    jar = Files.writeString(dir.resolve("runwright.jar"), "jar");
    env = new HashMap<>(Map.of("XDG_RUNTIME_DIR", dir.toString(), "LANG", "C.UTF-8"));
  }

  @Test
  void hashIsFnv1a64InSixteenHexDigitsWithLeadingZeros() {
    assertEquals("cbf29ce484222325", Endpoint.hash("")); // the offset basis
    assertEquals("af63dc4c8601ec8c", Endpoint.hash("a")); // FNV's published test vector
    int padded = 0;
    for (int i = 0; i < 5000; i++) {
      String h = Endpoint.hash("key " + i);
      assertEquals(16, h.length(), h);
      assertEquals(h, String.format("%016x", Long.parseUnsignedLong(h, 16)));
      padded += h.startsWith("0") ? 1 : 0;
    }
    assertTrue(padded > 0, "some of 5,000 hashes start with 0, and keep it");
  }

  private Path socket(Map<String, String> env, String jvm, String cwd) {
    return Endpoint.of(env, jar, "/usr/lib/jvm/17", jvm, Path.of(cwd)).orElseThrow().socket();
  }

  @Test
  void theSameConditionsMeetTheSameDaemonAndEveryDifferenceAnother() throws IOException {
    Path base = socket(env, "-Xshare:auto", "/work/a");
    assertEquals(base, socket(new HashMap<>(env), "-Xshare:auto", "/work/a"));
    assertEquals(dir.resolve("runwright"), base.getParent());
    assertTrue(base.getFileName().toString().matches("rw-[0-9a-f]{16}\\.sock"));
    assertNotEquals(base, socket(env, "-Xshare:auto", "/work/b"), "another folder");
    assertNotEquals(base, socket(env, "-Xshare:auto -Xmx1g", "/work/a"), "other JVM flags");
    Map<String, String> dated = new HashMap<>(env);
    dated.put("SOURCE_DATE_EPOCH", "1700000000");
    assertNotEquals(base, socket(dated, "-Xshare:auto", "/work/a"), "another build date");
    Map<String, String> other = new HashMap<>(env);
    other.put("LANG", "de_DE.UTF-8");
    assertNotEquals(base, socket(other, "-Xshare:auto", "/work/a"), "another locale");
    Map<String, String> unrelated = new HashMap<>(env);
    unrelated.put("OLDPWD", "/elsewhere");
    assertEquals(base, socket(unrelated, "-Xshare:auto", "/work/a"), "a variable of no effect");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    assertNotEquals(base, socket(env, "-Xshare:auto", "/work/a"), "a rebuilt jar");
  }

  @Test
  void theFolderIsMadeForTheUserAlone() throws IOException {
    socket(env, "", "/work/a");
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("runwright"))));
  }

  @Test
  void aFolderOthersCanEnterOrALinkGetsNoDaemon() throws IOException {
    Path shared = Files.createDirectory(dir.resolve("runwright"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertTrue(Endpoint.of(env, jar, "/j", "", Path.of("/w")).isEmpty());
    Files.delete(shared);
    Path target = Files.createDirectory(dir.resolve("elsewhere"));
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    Files.createSymbolicLink(shared, target);
    assertTrue(Endpoint.of(env, jar, "/j", "", Path.of("/w")).isEmpty());
  }

  @Test
  void withoutARuntimeFolderTheTemporaryFolderIsUsed() {
    Map<String, String> plain = Map.of("TMPDIR", dir.toString());
    Path s = Endpoint.of(plain, jar, "/j", "", Path.of("/w")).orElseThrow().socket();
    assertEquals(dir.resolve("runwright-" + System.getProperty("user.name")), s.getParent());
  }

  @Test
  void aSocketPathTooLongForTheSystemGetsNoDaemon() {
    Map<String, String> deep = Map.of("XDG_RUNTIME_DIR", dir.resolve("x".repeat(90)).toString());
    assertTrue(Endpoint.of(deep, jar, "/j", "", Path.of("/w")).isEmpty());
  }

  @Test
  void aMissingJarGetsNoDaemon() throws IOException {
    Files.delete(jar);
    assertTrue(Endpoint.of(env, jar, "/j", "", Path.of("/w")).isEmpty());
  }

  @Test
  void theSiblingFilesShareTheSocketsName() {
    Endpoint e = new Endpoint(Path.of("/run/user/1/runwright/rw-00000000000000ab.sock"));
    assertEquals("rw-00000000000000ab.lock", e.lock().getFileName().toString());
    assertEquals("rw-00000000000000ab.pid", e.pid().getFileName().toString());
    assertEquals("rw-00000000000000ab.log", e.log().getFileName().toString());
  }

  @Test
  void onlyShortCommandsWithoutStandardInputGoToADaemon() {
    Map<String, String> none = Map.of();
    String jvm = "-Xshare:auto";
    assertTrue(DaemonClient.eligible(none, jvm, "generate", "--config", "r.yaml"));
    assertTrue(DaemonClient.eligible(none, jvm, "-q", "validate", "r.yaml"));
    assertTrue(DaemonClient.eligible(none, jvm, "lint", "p.json"));
    assertTrue(DaemonClient.eligible(none, jvm, "schema"));
    for (String command : new String[] {"site", "wiki", "serve", "init", "check", "confluence"}) {
      assertFalse(DaemonClient.eligible(none, jvm, command, "--config", "i.yaml"), command);
    }
    assertFalse(DaemonClient.eligible(none, jvm, "--version"));
    assertFalse(DaemonClient.eligible(none, jvm, "generate", "--config", "-"), "stdin");
    assertFalse(DaemonClient.eligible(none, jvm, "generate", "--config=-"), "stdin");
    assertFalse(DaemonClient.eligible(none, jvm, "lint", "-"), "stdin");
    assertFalse(DaemonClient.eligible(none, null, "generate"), "not started by the launcher");
    for (String off : new String[] {"0", "off", "false", "no"}) {
      assertFalse(DaemonClient.eligible(Map.of("RUNWRIGHT_DAEMON", off), jvm, "generate"), off);
    }
    assertTrue(DaemonClient.eligible(Map.of("RUNWRIGHT_DAEMON", "1"), jvm, "generate"));
  }
}
