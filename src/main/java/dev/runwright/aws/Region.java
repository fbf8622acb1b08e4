package dev.runwright.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS Region code with its partition. A well-formed code that botocore does not list yet is
 * still a Region ({@link #known()} is false): new Regions open more often than this table changes.
 *
 * @param code for example {@code us-east-1}
 * @param name for example {@code US East (N. Virginia)}, or {@code a Region Runwright does not know
 *     yet}
 * @param partition the partition the code belongs to
 * @param known whether botocore's {@code partitions.json} (2026-01-15) lists the Region
 */
public record Region(String code, String name, Partition partition, boolean known) {

  private static final Map<String, Region> KNOWN = new LinkedHashMap<>();

  static {
    aws("af-south-1", "Africa (Cape Town)");
    aws("ap-east-1", "Asia Pacific (Hong Kong)");
    aws("ap-east-2", "Asia Pacific (Taipei)");
    aws("ap-northeast-1", "Asia Pacific (Tokyo)");
    aws("ap-northeast-2", "Asia Pacific (Seoul)");
    aws("ap-northeast-3", "Asia Pacific (Osaka)");
    aws("ap-south-1", "Asia Pacific (Mumbai)");
    aws("ap-south-2", "Asia Pacific (Hyderabad)");
    aws("ap-southeast-1", "Asia Pacific (Singapore)");
    aws("ap-southeast-2", "Asia Pacific (Sydney)");
    aws("ap-southeast-3", "Asia Pacific (Jakarta)");
    aws("ap-southeast-4", "Asia Pacific (Melbourne)");
    aws("ap-southeast-5", "Asia Pacific (Malaysia)");
    aws("ap-southeast-6", "Asia Pacific (New Zealand)");
    aws("ap-southeast-7", "Asia Pacific (Thailand)");
    aws("ca-central-1", "Canada (Central)");
    aws("ca-west-1", "Canada West (Calgary)");
    aws("eu-central-1", "Europe (Frankfurt)");
    aws("eu-central-2", "Europe (Zurich)");
    aws("eu-north-1", "Europe (Stockholm)");
    aws("eu-south-1", "Europe (Milan)");
    aws("eu-south-2", "Europe (Spain)");
    aws("eu-west-1", "Europe (Ireland)");
    aws("eu-west-2", "Europe (London)");
    aws("eu-west-3", "Europe (Paris)");
    aws("il-central-1", "Israel (Tel Aviv)");
    aws("me-central-1", "Middle East (UAE)");
    aws("me-south-1", "Middle East (Bahrain)");
    aws("mx-central-1", "Mexico (Central)");
    aws("sa-east-1", "South America (Sao Paulo)");
    aws("us-east-1", "US East (N. Virginia)");
    aws("us-east-2", "US East (Ohio)");
    aws("us-west-1", "US West (N. California)");
    aws("us-west-2", "US West (Oregon)");
    add("cn-north-1", "China (Beijing)", Partition.AWS_CN);
    add("cn-northwest-1", "China (Ningxia)", Partition.AWS_CN);
    add("us-gov-east-1", "AWS GovCloud (US-East)", Partition.AWS_US_GOV);
    add("us-gov-west-1", "AWS GovCloud (US-West)", Partition.AWS_US_GOV);
    add("us-iso-east-1", "US ISO East", Partition.AWS_ISO);
    add("us-iso-west-1", "US ISO West", Partition.AWS_ISO);
    add("us-isob-east-1", "US ISOB East (Ohio)", Partition.AWS_ISO_B);
    add("us-isob-west-1", "US ISOB West", Partition.AWS_ISO_B);
    add("eu-isoe-west-1", "EU ISOE West", Partition.AWS_ISO_E);
    add("us-isof-east-1", "US ISOF East", Partition.AWS_ISO_F);
    add("us-isof-south-1", "US ISOF South", Partition.AWS_ISO_F);
    add("eusc-de-east-1", "AWS European Sovereign Cloud (Germany)", Partition.AWS_EUSC);
  }

  private static void aws(String code, String name) {
    add(code, name, Partition.AWS);
  }

  private static void add(String code, String name, Partition partition) {
    KNOWN.put(code, new Region(code, name, partition, true));
  }

  /**
   * The Region for {@code code}: a listed one, or an unlisted code that matches a partition's
   * Region pattern. Empty when the code is not well formed.
   */
  public static Optional<Region> of(String code) {
    Region known = KNOWN.get(code);
    if (known != null) {
      return Optional.of(known);
    }
    return Partition.forRegionCode(code)
        .map(p -> new Region(code, "a Region Runwright does not know yet", p, false));
  }

  /** Every Region botocore lists, in a stable order. */
  public static Iterable<Region> listed() {
    return KNOWN.values();
  }

  @Override
  public String toString() {
    return code;
  }
}
