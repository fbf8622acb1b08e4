package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetsTest {
  @TempDir Path tmp;

  @Test
  void theCommittedHashesAreTheHashesOfTheBuiltInAssets() {
    var hashes = Assets.builtinHashes();
    for (String file : Assets.FILES) {
      String computed = Assets.cspHash(new String(Assets.bytes(file), StandardCharsets.UTF_8));
      assertEquals(
          computed,
          hashes.getProperty(file),
          "site/assets/csp.properties is stale; write: " + file + "=" + computed);
    }
  }

  @Test
  void aUserAssetIsHashedWhenItIsLoaded() throws IOException {
    Files.createDirectories(tmp.resolve("assets"));
    Files.writeString(tmp.resolve("assets/runwright.css"), "body { color: red; }");
    Assets a = Assets.load(new TemplateRoots(List.of(tmp)));
    assertEquals("body { color: red; }", a.css());
    assertEquals(Assets.cspHash("body { color: red; }"), a.cssHash());
    assertTrue(a.js().contains("rw-copy"), "the script stays built in");
    assertEquals(Assets.builtinHashes().getProperty("runwright.js"), a.jsHash());
  }
}
