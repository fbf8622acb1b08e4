package dev.runwright.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The CSS and JavaScript every page uses, from {@code site/assets} (packaged as
 * {@code assets/}). Standalone pages carry them inline with a CSP hash; site pages link the
 * copies under {@code assets/}.
 *
 * @param css the stylesheet
 * @param js the script
 */
public record Assets(String css, String js) {
  /** The asset files, as copied into a site's {@code assets/} folder. */
  public static final List<String> FILES = List.of("runwright.css", "runwright.js");

  /** The built-in assets. */
  public static Assets builtin() {
    return new Assets(read("runwright.css"), read("runwright.js"));
  }

  /** The assets, each from {@code assets/} in the first user template folder that has it. */
  public static Assets load(TemplateRoots roots) {
    return new Assets(
        new String(bytes(roots, "runwright.css"), StandardCharsets.UTF_8),
        new String(bytes(roots, "runwright.js"), StandardCharsets.UTF_8));
  }

  /** The bytes of an asset file: a user's {@code assets/FILE} first, then the built-in one. */
  public static byte[] bytes(TemplateRoots roots, String file) {
    for (java.nio.file.Path dir : roots.userDirs()) {
      java.nio.file.Path f = dir.resolve("assets").resolve(file);
      if (java.nio.file.Files.isRegularFile(f)) {
        try {
          return java.nio.file.Files.readAllBytes(f);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + f, e);
        }
      }
    }
    return bytes(file);
  }

  /** The bytes of a built-in asset file. */
  public static byte[] bytes(String file) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("assets/" + file)) {
      if (in == null) {
        throw new IllegalStateException("built-in asset " + file + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  /** A Content-Security-Policy source for inline {@code text}: {@code 'sha256-...'}. */
  public static String cspHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
