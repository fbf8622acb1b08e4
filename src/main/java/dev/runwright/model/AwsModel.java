package dev.runwright.model;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.Partition;
import dev.runwright.render.Escape;

/**
 * What templates know about the runbook's account, Region and partition, with the console and
 * documentation addresses that are right for the partition.
 *
 * @param account the 12-digit account ID
 * @param region the Region code
 * @param regionName the Region's name, such as "US East (N. Virginia)"
 * @param regionKnown whether Runwright's Region table lists it
 * @param partition the partition id used in ARNs
 * @param partitionName the partition's name
 * @param consoleUrl the console root, or {@code null} when it is not public
 * @param iamConsoleUrl the IAM console, or {@code null}
 * @param rdsConsoleUrl the RDS console in the Region, or {@code null}
 * @param kmsConsoleUrl the KMS console in the Region, or {@code null}
 * @param docsUrl the documentation host for the partition
 * @param auroraGuideUrl the Aurora User Guide on that host, ending with {@code /}
 */
public record AwsModel(
    String account,
    String region,
    String regionName,
    boolean regionKnown,
    String partition,
    String partitionName,
    String consoleUrl,
    String iamConsoleUrl,
    String rdsConsoleUrl,
    String kmsConsoleUrl,
    String docsUrl,
    String auroraGuideUrl) {

  public static AwsModel of(AwsContext aws) {
    Partition p = aws.partition();
    String console = p.consoleUrl();
    String r = Escape.urlComponent(aws.region().code());
    return new AwsModel(
        aws.account(),
        aws.region().code(),
        aws.region().name(),
        aws.region().known(),
        p.id(),
        p.name(),
        console,
        console == null ? null : console + "/iam/home",
        console == null ? null : console + "/rds/home?region=" + r,
        console == null ? null : console + "/kms/home?region=" + r,
        p.docsUrl(),
        p.docsUrl() + "/AmazonRDS/latest/AuroraUserGuide/");
  }
}
