package dev.runwright.confluence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One page of a Confluence bundle.
 *
 * @param key the stable key that finds the page again in Confluence whatever its title; a safe file
 *     name ({@code prod-use1-role}), see {@link ConfluenceBundle#problems}
 * @param title the page title, unique in the space
 * @param parentKey the key of the parent page, or null for the bundle's home page, which goes under
 *     the parent page given to the publisher
 * @param labels the page's labels, kept sorted and without repeats
 * @param body the storage-format body
 */
public record BundlePage(
    String key, String title, String parentKey, List<String> labels, String body) {
  public BundlePage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    labels = List.copyOf(new TreeSet<>(labels == null ? List.of() : labels));
  }

  /** The name of the page's storage file in a bundle folder. */
  public String file() {
    return key + ".xml";
  }

  /** {@code sha256:} and the hex SHA-256 of the body's UTF-8 bytes. */
  public String hash() {
    return hashOf(body);
  }

  static String hashOf(String body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
