package dev.runwright.aws;

import java.util.List;
import java.util.regex.Pattern;

/** Amazon S3's rules for general purpose bucket names. */
public final class S3Names {
  private S3Names() {}

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  // S3 keeps these for its own names: xn-- (punycode), sthree- (S3 itself), amzn-s3-demo- (the
  // documentation's examples), -s3alias and --ol-s3 (access point and Object Lambda aliases),
  // .mrap (Multi-Region Access Points), --x-s3 (directory buckets), --table-s3 (table buckets).
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
  private static final String EXPECTED =
      "3 to 63 lower-case letters, digits, dots or hyphens, starting and ending with a letter or"
          + " digit";

  public static void checkBucket(String name) {
    if (!BUCKET.matcher(name).matches()) {
      throw new InvalidValueException("is not an S3 bucket name", EXPECTED);
    }
    if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
      throw new InvalidValueException("has a dot next to a dot or hyphen", EXPECTED);
    }
    if (IP.matcher(name).matches()) {
      throw new InvalidValueException("looks like an IP address", EXPECTED);
    }
    if (RESERVED_PREFIXES.stream().anyMatch(name::startsWith)
        || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
      throw new InvalidValueException("uses a prefix or suffix that S3 reserves", EXPECTED);
    }
  }
}
