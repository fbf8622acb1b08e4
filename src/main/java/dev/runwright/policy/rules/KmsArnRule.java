package dev.runwright.policy.rules;

import dev.runwright.aws.Arn;
import dev.runwright.aws.KmsKey;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintRule;

/**
 * KMS ARNs, checked strictly because Runwright writes them: {@code key/<key ID>} or {@code
 * alias/<name>} with a Region and an account, no wildcard key ID in an Allow, and no alias ARN for
 * key actions such as kms:Decrypt, which an alias ARN does not grant (AWS-FACTS.md 3b).
 */
final class KmsArnRule implements LintRule {
  @Override
  public void check(LintContext policy) {
    for (ResourceArns r : ResourceArns.of(policy)) {
      if (r.arn() != null && r.arn().arn().service().equals("kms")) {
        arn(policy, r);
      }
    }
  }

  /** Whether the ARN names a multi-Region key, whose Region may be "*" to cover its replicas. */
  static boolean isMultiRegionKey(Arn arn) {
    return arn.service().equals("kms") && arn.resource().matches("key/mrk-[0-9a-f]{32}");
  }

  private static void arn(LintContext policy, ResourceArns r) {
    Arn arn = r.arn().arn();
    String type = arn.resourceType();
    if (PolicyArn.hasVariable(type)) {
      return;
    }
    if (type.equals("key") || type.equals("alias")) {
      // Unlike IAM or S3 ARNs, a KMS ARN always names its Region and account.
      if (arn.region().isEmpty()) {
        r.report(
            policy,
            FindingCode.INVALID_ARN_REGION,
            "the Region is empty; a KMS " + type + " ARN names the " + type + "'s Region");
      }
      if (arn.account().isEmpty()) {
        r.report(
            policy,
            FindingCode.INVALID_ARN_ACCOUNT,
            "the account is empty; a KMS " + type + " ARN names the " + type + "'s account");
      }
    }
    if (type.equals("alias")) {
      if (r.inResource() && StatementActions.hasKeyOnlyKmsAction(policy, r.statement())) {
        r.report(
            policy,
            FindingCode.ALIAS_ARN_FOR_KEY_ACTION,
            "an alias ARN in Resource names the alias, not its key, so key actions such as"
                + " kms:Decrypt are not granted; use the key ARN");
      }
    } else if (!type.equals("key")) {
      r.report(
          policy,
          FindingCode.INVALID_ARN_RESOURCE,
          "a KMS ARN names a key/ or an alias/, not \"" + arn.resource() + "\"");
    } else {
      keyId(policy, r, arn.resourceId());
    }
  }

  private static void keyId(LintContext policy, ResourceArns r, String id) {
    if (PolicyArn.hasVariable(id)) {
      return;
    }
    if (PolicyArn.hasWildcard(id)) {
      if (r.grants()) {
        r.report(
            policy,
            FindingCode.WILDCARD_RESOURCE,
            "the key ID is a wildcard, so the statement covers every key that matches; name each"
                + " key");
      }
    } else if (!KmsKey.isKeyId(id)) {
      r.report(
          policy,
          FindingCode.INVALID_ARN_RESOURCE,
          "\"" + id + "\" is not a KMS key ID (a UUID or mrk- and 32 hex digits)");
    }
  }
}
