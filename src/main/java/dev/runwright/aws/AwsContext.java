package dev.runwright.aws;

/**
 * The account and Region a runbook is for; everything else about the partition follows from the
 * Region.
 */
public record AwsContext(String account, Region region) {

  public Partition partition() {
    return region.partition();
  }

  /** An IAM ARN such as {@code arn:aws-cn:iam::111122223333:role/Name}; IAM ARNs have no Region. */
  public String iamArn(String resource) {
    return "arn:" + partition().id() + ":iam::" + account + ":" + resource;
  }

  /** An ARN of a regional service in this account and Region. */
  public String arn(String service, String resource) {
    return "arn:"
        + partition().id()
        + ":"
        + service
        + ":"
        + region.code()
        + ":"
        + account
        + ":"
        + resource;
  }
}
