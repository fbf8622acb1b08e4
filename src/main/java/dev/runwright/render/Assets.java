package dev.runwright.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The CSS and JavaScript every page uses, from {@code site/assets} (packaged as {@code assets/}),
 * or from {@code assets/} in a user's template folder. Standalone pages carry them inline with a
 * Content-Security-Policy hash; site pages link the copies under {@code assets/}.
 *
 * @param css the stylesheet
 * @param js the script
 * @param cssHash the CSP source of the stylesheet, {@code 'sha256-...'}
 * @param jsHash the CSP source of the script
 */
public record Assets(String css, String js, String cssHash, String jsHash) {
  /** The assets every page uses; standalone pages carry them inline. */
  public static final List<String> FILES = List.of("runwright.css", "runwright.js");

  /**
   * The asset files copied into a site's {@code assets/} folder: also the site search's script and
   * MiniSearch (7.2.0, MIT licence, from npm; its licence is {@code minisearch.LICENSE.txt}).
   */
  public static final List<String> SITE_FILES =
      List.of(
          "runwright.css",
          "runwright.js",
          "runwright-search.js",
          "minisearch.js",
          "minisearch.LICENSE.txt");

  /**
   * The assets, each from {@code assets/} in the first user template folder that has it, else built
   * in. The built-ins' hashes come from {@code assets/csp.properties}, written by the build ({@link
   * AssetHashes}), so that a one-runbook run does not start the JCA providers; without that file
   * (classes not built by Maven) they are computed.
   */
  public static Assets load(TemplateRoots roots) {
    Properties builtin = builtinHashes();
    String[] text = new String[2];
    String[] hash = new String[2];
    for (int i = 0; i < 2; i++) {
      String file = FILES.get(i);
      Path own = userFile(roots, file);
      text[i] = new String(own != null ? read(own) : bytes(file), StandardCharsets.UTF_8);
      String known = own == null ? builtin.getProperty(file) : null;
      hash[i] = known != null ? known : cspHash(text[i]);
    }
    return new Assets(text[0], text[1], hash[0], hash[1]);
  }

  /** The bytes of an asset file: a user's {@code assets/FILE} first, then the built-in one. */
  public static byte[] bytes(TemplateRoots roots, String file) {
    Path own = userFile(roots, file);
    return own != null ? read(own) : bytes(file);
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

  /** The CSP sources of the built-in assets, from {@code assets/csp.properties}. */
  static Properties builtinHashes() {
    Properties p = new Properties();
    try (InputStream in =
        Assets.class.getClassLoader().getResourceAsStream("assets/csp.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static Path userFile(TemplateRoots roots, String file) {
    for (Path dir : roots.userDirs()) {
      Path f = dir.resolve("assets").resolve(file);
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    return null;
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
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
