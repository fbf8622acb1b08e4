package dev.runwright.policy.rules;

import dev.runwright.aws.AccountId;
import dev.runwright.aws.Arn;
import dev.runwright.aws.Partition;
import dev.runwright.aws.Region;
import dev.runwright.config.Suggest;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts every ARN has: a partition (one per policy, the policy's own), a Region code of that
 * partition that Runwright knows, a 12-digit account (the policy's own, or a warning), and no
 * wildcard in any of them where an Allow grants.
 */
final class ArnRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    Set<String> partitions = new LinkedHashSet<>();
    for (ResourceArns r : ResourceArns.of(policy)) {
      if (r.arn() == null) {
        r.report(
            policy,
            FindingCode.INVALID_ARN,
            "\""
                + r.item().text()
                + "\" is not an ARN (arn:partition:service:region:account:resource)");
        continue;
      }
      Partition partition = partition(policy, r, partitions);
      region(policy, r, partition);
      account(policy, r);
    }
    if (partitions.size() > 1) {
      policy.report(
          FindingCode.MIXED_PARTITIONS,
          "$",
          policy.root(),
          "the policy names resources in partitions "
              + String.join(", ", partitions)
              + "; a policy lives in one partition and can name only its resources");
    }
  }

  /** The ARN's partition, or null when it is a wildcard, a variable or unknown. */
  private static Partition partition(LintContext policy, ResourceArns r, Set<String> seen) {
    String id = r.arn().arn().partition();
    if (PolicyArn.hasVariable(id)) {
      return null;
    }
    if (id.contains("*")) {
      if (r.grants()) {
        r.report(policy, FindingCode.WILDCARD_RESOURCE, "the partition is a wildcard");
      }
      return null;
    }
    Partition partition = Partition.byId(id).orElse(null);
    if (partition == null) {
      List<String> ids = new ArrayList<>();
      Partition.ALL.forEach(p -> ids.add(p.id()));
      r.report(
          policy,
          FindingCode.INVALID_ARN_PARTITION,
          "\"" + id + "\" is not an AWS partition" + Suggest.hint(id, ids));
      return null;
    }
    seen.add(partition.id());
    String expected = policy.options().partition();
    if (expected != null && !expected.equals(partition.id())) {
      r.report(
          policy,
          FindingCode.INVALID_ARN_PARTITION,
          "the ARN is in partition " + partition.id() + ", but the policy is for " + expected);
    }
    return partition;
  }

  private static void region(LintContext policy, ResourceArns r, Partition partition) {
    Arn arn = r.arn().arn();
    String code = arn.region();
    if (code.isEmpty() || PolicyArn.hasVariable(code)) {
      return;
    }
    if (PolicyArn.hasWildcard(code)) {
      if (r.grants() && code.equals("*") && KmsArnRule.isMultiRegionKey(arn)) {
        // AWS's documented way to cover every replica of one multi-Region key
        r.report(
            policy,
            FindingCode.WILDCARD_RESOURCE_REPLICAS,
            "the Region is a wildcard for a multi-Region key: this covers every replica of"
                + " the key; name the Region to allow only one");
      } else if (r.grants()) {
        r.report(
            policy, FindingCode.WILDCARD_RESOURCE, "the Region is a wildcard; name the Region");
      }
      return;
    }
    Region region = Region.of(code).orElse(null);
    if (region == null) {
      r.report(policy, FindingCode.INVALID_ARN_REGION, "\"" + code + "\" is not a Region code");
    } else if (partition != null && region.partition() != partition) {
      r.report(
          policy,
          FindingCode.INVALID_ARN_REGION,
          "Region "
              + code
              + " is in partition "
              + region.partition().id()
              + ", not "
              + partition.id());
    } else if (!region.known()) {
      List<String> codes = new ArrayList<>();
      Region.listed().forEach(known -> codes.add(known.code()));
      r.report(
          policy,
          FindingCode.UNKNOWN_ARN_REGION,
          "\""
              + code
              + "\" is not a Region Runwright knows (botocore, 2026-01-15)"
              + Suggest.nearest(code, codes)
                  .map(s -> "; did you mean " + s + "?")
                  .orElse("; if AWS opened it after that, the ARN is fine"));
    }
  }

  private static void account(LintContext policy, ResourceArns r) {
    String account = r.arn().arn().account();
    // "aws" owns AWS managed resources, such as arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess.
    if (account.isEmpty() || PolicyArn.hasVariable(account) || account.equals("aws")) {
      return;
    }
    if (PolicyArn.hasWildcard(account)) {
      if (r.grants()) {
        r.report(
            policy, FindingCode.WILDCARD_RESOURCE, "the account is a wildcard; name the account");
      }
    } else if (AccountId.isPlaceholder(account)) {
      r.report(
          policy,
          FindingCode.REDACTED_ACCOUNT,
          "\""
              + account
              + "\" is the placeholder of a masked account ID (--redact-accounts); put the account"
              + " ID in its place before you use the policy, as IAM refuses it");
      crossAccount(policy, r, account);
    } else if (!AccountId.isValid(account)) {
      r.report(
          policy,
          FindingCode.INVALID_ARN_ACCOUNT,
          "\"" + account + "\" is not a 12-digit account ID");
    } else {
      crossAccount(policy, r, account);
    }
  }

  private static void crossAccount(LintContext policy, ResourceArns r, String account) {
    if (policy.options().account() != null && !policy.options().account().equals(account)) {
      r.report(
          policy,
          FindingCode.CROSS_ACCOUNT_RESOURCE,
          "the resource is in account "
              + account
              + ", not "
              + policy.options().account()
              + "; the resource's own policy must also allow access");
    }
  }
}
