package dev.runwright.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code assets/csp.properties}, the Content-Security-Policy sources of the built-in assets,
 * into the build's classes folder. Maven runs it after copying the resources (the {@code
 * csp-hashes} execution in {@code pom.xml}), so an edited stylesheet or script always ships with
 * its own hash; {@link Assets#load} reads the file instead of hashing, so that a one-runbook run
 * does not start the JCA providers.
 */
public final class AssetHashes {
  private AssetHashes() {}

  /**
   * Hashes {@code CLASSES/assets/FILE} for each of {@link Assets#FILES}.
   *
   * @param args the classes folder
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: AssetHashes CLASSES-FOLDER");
    }
    Path assets = Path.of(args[0], "assets");
    StringBuilder out =
        new StringBuilder(
            "# Content-Security-Policy sources of the built-in assets, written by the build"
                + " (AssetHashes).\n");
    for (String file : Assets.FILES) {
      // Decoded as Assets.load decodes it, so that the hash is of the very text pages inline.
      String text = new String(Files.readAllBytes(assets.resolve(file)), StandardCharsets.UTF_8);
      out.append(file).append('=').append(Assets.cspHash(text)).append('\n');
    }
    Files.writeString(assets.resolve("csp.properties"), out, StandardCharsets.UTF_8);
  }
}
