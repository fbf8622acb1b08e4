package dev.runwright.aws;

import java.nio.charset.StandardCharsets;

/**
 * An S3 location Aurora reads from or writes to: a bucket, and optionally a key prefix, given as
 * {@code s3://BUCKET}, {@code s3://BUCKET/PREFIX/} or a bucket ARN. The ARNs follow the runbook's
 * partition.
 *
 * @param input what the user wrote
 * @param bucket the bucket name
 * @param prefix the key prefix, "" for the whole bucket
 * @param partition the partition of the ARNs, such as {@code aws-cn}, or {@code null} when the
 *     runbook's Region is not known
 * @param uri {@code s3://bucket/prefix}, as SQL statements and the AWS CLI take it
 * @param bucketArn the bucket's ARN
 * @param objectsArn the ARN of every object under the prefix ({@code bucket/prefix*}, or {@code
 *     bucket/*})
 * @param listPrefix the {@code s3:prefix} condition value that limits listing to the prefix, or ""
 * @param folder whether the prefix names a folder ({@code data/}) or the whole bucket, rather than
 *     any key that starts with it
 */
public record S3Location(
    String input,
    String bucket,
    String prefix,
    String partition,
    String uri,
    String bucketArn,
    String objectsArn,
    String listPrefix,
    boolean folder) {

  static final String EXPECTED =
      "s3://BUCKET or s3://BUCKET/PREFIX/ (or a bucket ARN such as arn:aws:s3:::BUCKET)";

  /**
   * Reads a location.
   *
   * @param partition the partition of the runbook, or {@code null} when its Region is not known
   *     (then only the form is checked)
   * @throws InvalidValueException when it is not a location Runwright can name exactly
   */
  public static S3Location parse(String input, String partition) {
    String rest;
    if (input.startsWith("s3://")) {
      rest = input.substring("s3://".length());
    } else if (input.startsWith("arn:")) {
      Arn arn =
          Arn.parse(input).orElseThrow(() -> new InvalidValueException("is not an ARN", EXPECTED));
      if (!arn.service().equals("s3") || !arn.region().isEmpty() || !arn.account().isEmpty()) {
        throw new InvalidValueException("is not an S3 bucket ARN", EXPECTED);
      }
      if (partition != null && !arn.partition().equals(partition)) {
        throw new InvalidValueException(
            "is in partition " + arn.partition() + ", but the runbook's Region is in " + partition,
            "an ARN of partition " + partition + " (arn:" + partition + ":s3:::BUCKET)");
      }
      rest = arn.resource();
    } else if (input.startsWith("s3-") || input.startsWith("S3://") || input.contains("://")) {
      throw new InvalidValueException("is not an s3:// address", EXPECTED);
    } else {
      throw new InvalidValueException(
          "is not an S3 location", EXPECTED + "; a bucket alone is written s3://" + input);
    }
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    S3Names.checkBucket(bucket);
    checkPrefix(prefix);
    String uri = "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    String bucketArn = "arn:" + (partition == null ? "aws" : partition) + ":s3:::" + bucket;
    return new S3Location(
        input,
        bucket,
        prefix,
        partition,
        uri,
        bucketArn,
        bucketArn + "/" + prefix + "*",
        prefix.isEmpty() ? "" : prefix + "*",
        prefix.isEmpty() || prefix.endsWith("/"));
  }

  /**
   * S3's key rules (at most 1,024 bytes of UTF-8), and what an IAM policy would read as more than
   * the prefix: {@code *} and {@code ?} are wildcards in a Resource and {@code ${} starts a policy
   * variable, so a prefix with them would grant more than it names. A policy document holds only
   * the characters U+0009, U+000A, U+000D and U+0020 to U+00FF (AWS-FACTS.md section 5), so a
   * prefix with any other character is one no policy can name.
   */
  static void checkPrefix(String prefix) {
    if (prefix.getBytes(StandardCharsets.UTF_8).length > 1024) {
      throw new InvalidValueException("has a prefix longer than S3's 1,024 bytes", EXPECTED);
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '*' || c == '?') {
        throw new InvalidValueException(
            "has " + c + " in its prefix, which an IAM policy reads as a wildcard",
            "a prefix without * or ?");
      }
      if (Character.isISOControl(c)) {
        throw new InvalidValueException(
            String.format("has the control character U+%04X in its prefix", (int) c),
            "a prefix of printable characters");
      }
      if (c > 0xFF) {
        throw new InvalidValueException(
            String.format(
                "has the character U+%04X in its prefix, which IAM does not accept in a policy",
                prefix.codePointAt(i)),
            "a prefix of the characters U+0020 to U+00FF, the only ones a policy can hold");
      }
    }
    if (prefix.contains("${")) {
      throw new InvalidValueException(
          "has ${ in its prefix, which an IAM policy reads as a policy variable",
          "a prefix without ${");
    }
    if (prefix.startsWith("/") || prefix.contains("//")) {
      throw new InvalidValueException(
          "has an empty folder name (a / at the start or two in a row)", EXPECTED);
    }
  }

  @Override
  public String toString() {
    return uri();
  }
}
