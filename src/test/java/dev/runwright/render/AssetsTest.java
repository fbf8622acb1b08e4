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
  void theHashesTheBuildWroteAreTheHashesOfTheBuiltInAssets() {
    var hashes = Assets.builtinHashes();
    for (String file : Assets.FILES) {
      String computed = Assets.cspHash(new String(Assets.bytes(file), StandardCharsets.UTF_8));
      assertEquals(
          computed,
          hashes.getProperty(file),
          "assets/csp.properties (written by AssetHashes at process-classes) is stale for " + file);
    }
  }

  @Test
  void aHashIsTheBase64OfTheSha256OfTheUtf8Text() {
    // The SHA-256 of no bytes, as every CSP reference gives it.
    assertEquals("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", Assets.cspHash(""));
  }

  @Test
  void theHashesAreWrittenFromTheFilesInTheFolder() throws IOException {
    Path assets = Files.createDirectories(tmp.resolve("assets"));
    Files.writeString(assets.resolve("runwright.css"), "p { margin: 0; }");
    Files.writeString(assets.resolve("runwright.js"), "let \u00e9 = 1;\n");
    AssetHashes.main(new String[] {tmp.toString()});
    assertEquals(
        "# Content-Security-Policy sources of the built-in assets, written by the build"
            + " (AssetHashes).\n"
            + "runwright.css="
            + Assets.cspHash("p { margin: 0; }")
            + "\nrunwright.js="
            + Assets.cspHash("let \u00e9 = 1;\n")
            + "\n",
        Files.readString(assets.resolve("csp.properties")));
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
