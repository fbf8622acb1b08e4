package dev.runwright.aws;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An AWS partition as botocore's {@code partitions.json} (2026-01-15) describes it, plus the
 * console and documentation hosts that shared/AWS-FACTS.md section 4b confirms.
 *
 * @param id the partition string used in ARNs, for example {@code aws-us-gov}
 * @param name a human name, for example {@code AWS GovCloud (US)}
 * @param regionPattern botocore's {@code regionRegex} with {@code \w} narrowed to lower-case
 *     letters and digits: Region codes never have upper case or underscores, and an ARN or endpoint
 *     with them names no Region
 * @param dnsSuffix the DNS suffix of the partition's endpoints
 * @param consoleUrl the AWS Management Console root, or {@code null} when it is not public
 * @param docsUrl the root of the documentation host serving the Aurora user guide
 * @param hasIam whether botocore lists an IAM endpoint for the partition
 */
public record Partition(
    String id,
    String name,
    Pattern regionPattern,
    String dnsSuffix,
    String consoleUrl,
    String docsUrl,
    boolean hasIam) {

  private static final String AWS_DOCS = "https://docs.aws.amazon.com";

  public static final Partition AWS =
      new Partition(
          "aws",
          "AWS Standard",
          Pattern.compile("^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z0-9]+-\\d+$"),
          "amazonaws.com",
          "https://console.aws.amazon.com",
          AWS_DOCS,
          true);
  public static final Partition AWS_CN =
      new Partition(
          "aws-cn",
          "AWS China",
          Pattern.compile("^cn-[a-z0-9]+-\\d+$"),
          "amazonaws.com.cn",
          "https://console.amazonaws.cn",
          "https://docs.amazonaws.cn/en_us",
          true);
  public static final Partition AWS_US_GOV =
      new Partition(
          "aws-us-gov",
          "AWS GovCloud (US)",
          Pattern.compile("^us-gov-[a-z0-9]+-\\d+$"),
          "amazonaws.com",
          "https://console.amazonaws-us-gov.com",
          AWS_DOCS,
          true);
  public static final Partition AWS_ISO =
      new Partition(
          "aws-iso",
          "AWS ISO (US)",
          Pattern.compile("^us-iso-[a-z0-9]+-\\d+$"),
          "c2s.ic.gov",
          null,
          AWS_DOCS,
          true);
  public static final Partition AWS_ISO_B =
      new Partition(
          "aws-iso-b",
          "AWS ISOB (US)",
          Pattern.compile("^us-isob-[a-z0-9]+-\\d+$"),
          "sc2s.sgov.gov",
          null,
          AWS_DOCS,
          true);
  public static final Partition AWS_ISO_E =
      new Partition(
          "aws-iso-e",
          "AWS ISOE (Europe)",
          Pattern.compile("^eu-isoe-[a-z0-9]+-\\d+$"),
          "cloud.adc-e.uk",
          null,
          AWS_DOCS,
          false);
  public static final Partition AWS_ISO_F =
      new Partition(
          "aws-iso-f",
          "AWS ISOF",
          Pattern.compile("^us-isof-[a-z0-9]+-\\d+$"),
          "csp.hci.ic.gov",
          null,
          AWS_DOCS,
          true);
  public static final Partition AWS_EUSC =
      new Partition(
          "aws-eusc",
          "AWS European Sovereign Cloud",
          Pattern.compile("^eusc-(de)-[a-z0-9]+-\\d+$"),
          "amazonaws.eu",
          null,
          AWS_DOCS,
          false);

  /** In botocore's order, which is also the order in which Region patterns are tried. */
  public static final List<Partition> ALL =
      List.of(AWS, AWS_CN, AWS_US_GOV, AWS_ISO, AWS_ISO_B, AWS_ISO_E, AWS_ISO_F, AWS_EUSC);

  public static Optional<Partition> byId(String id) {
    return ALL.stream().filter(p -> p.id.equals(id)).findFirst();
  }

  /** The partition whose Region pattern matches {@code region}, if any. */
  static Optional<Partition> forRegionCode(String region) {
    return ALL.stream().filter(p -> p.regionPattern.matcher(region).matches()).findFirst();
  }

  /** Whether the AWS Management Console address for this partition is publicly known. */
  public boolean hasPublicConsole() {
    return consoleUrl != null;
  }
}
