package dev.runwright.hostile;

import dev.runwright.aws.Region;

/** The partition of a Region code, as AWS's own SDKs work it out. */
public final class Partitions {
  private Partitions() {}

  /**
   * The partition of a Region code: from Runwright's table when listed, else by botocore's {@code
   * regionRegex} of each partition, tried in botocore's order (AWS-FACTS.md section 4), with its
   * {@code \w} narrowed to the lower-case letters and digits that Region codes use.
   */
  public static String partitionOf(String region) {
    String p = partitionOrNull(region);
    if (p == null) {
      throw new AssertionError("Runwright accepted a Region of no partition: " + region);
    }
    return p;
  }

  static String partitionOrNull(String region) {
    for (Region r : Region.listed()) {
      if (r.code().equals(region)) {
        return r.partition().id();
      }
    }
    for (String[] p : BOTOCORE_PARTITIONS) {
      if (region.matches(p[1])) {
        return p[0];
      }
    }
    return null;
  }

  static final String[][] BOTOCORE_PARTITIONS = {
    {"aws", "^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z0-9]+-\\d+$"},
    {"aws-cn", "^cn-[a-z0-9]+-\\d+$"},
    {"aws-us-gov", "^us-gov-[a-z0-9]+-\\d+$"},
    {"aws-iso", "^us-iso-[a-z0-9]+-\\d+$"},
    {"aws-iso-b", "^us-isob-[a-z0-9]+-\\d+$"},
    {"aws-iso-e", "^eu-isoe-[a-z0-9]+-\\d+$"},
    {"aws-iso-f", "^us-isof-[a-z0-9]+-\\d+$"},
    {"aws-eusc", "^eusc-(de)-[a-z0-9]+-\\d+$"},
  };
}
