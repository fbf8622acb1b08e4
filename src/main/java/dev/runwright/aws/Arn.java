package dev.runwright.aws;

import java.util.Optional;

/**
 * The six parts of an Amazon Resource Name: {@code arn:partition:service:region:account:resource}.
 * Parsing only splits; it does not judge whether the parts are valid for the service.
 */
public record Arn(
    String partition, String service, String region, String account, String resource) {

  /** Splits {@code text} into its parts, or returns empty when it does not have six parts. */
  public static Optional<Arn> parse(String text) {
    if (!text.startsWith("arn:")) {
      return Optional.empty();
    }
    String[] parts = text.split(":", 6);
    if (parts.length != 6) {
      return Optional.empty();
    }
    return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
  }

  /**
   * The resource type before the first {@code /} or {@code :}, such as {@code key} or {@code role}.
   */
  public String resourceType() {
    int cut = indexOfAny(resource, '/', ':');
    return cut < 0 ? resource : resource.substring(0, cut);
  }

  /** The resource after its type, such as a key ID or a role name with its path. */
  public String resourceId() {
    int cut = indexOfAny(resource, '/', ':');
    return cut < 0 ? "" : resource.substring(cut + 1);
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == a || c == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }
}
