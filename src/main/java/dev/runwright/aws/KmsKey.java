package dev.runwright.aws;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A KMS key named the only way an IAM policy can name it: by key ARN (AWS-FACTS.md 3b).
 *
 * @param input what the user wrote: a key ID, a multi-Region key ID or a key ARN
 * @param arn the key ARN used in the policy; a given ARN is used exactly as given
 * @param keyId the key ID part of the ARN
 * @param region the Region in the ARN
 * @param account the account in the ARN, which may differ from the policy's account
 * @param multiRegion whether the key ID starts with {@code mrk-}
 */
public record KmsKey(
    String input, String arn, String keyId, String region, String account, boolean multiRegion) {

  private static final Pattern KEY_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern MRK_ID = Pattern.compile("mrk-[0-9a-f]{32}");
  static final String EXPECTED =
      "a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), a multi-Region key ID (mrk- and 32 hex"
          + " digits) or a key ARN (arn:aws:kms:us-east-1:111122223333:key/<key ID>)";

  /** Whether {@code id} is a single-Region or multi-Region key ID. */
  public static boolean isKeyId(String id) {
    return KEY_ID.matcher(id).matches() || MRK_ID.matcher(id).matches();
  }

  /**
   * Checks the form of {@code input} without knowing the account or Region, so that a bad key is
   * reported even when the account or Region is bad too.
   *
   * @throws InvalidValueException when the input cannot name a key in an IAM policy
   */
  public static void checkForm(String input) {
    if (input.isEmpty()) {
      throw new InvalidValueException("is empty", EXPECTED);
    }
    if (input.contains("*") || input.contains("?")) {
      throw new InvalidValueException(
          "contains a wildcard; Runwright names each key exactly", EXPECTED);
    }
    if (input.startsWith("alias/") || isAliasArn(input)) {
      throw new InvalidValueException(
          "is an alias; an alias in an IAM policy's Resource names the alias, not the key, so it"
              + " does not grant use of the key",
          "the key ID or key ARN that the alias points to (aws kms describe-key --key-id "
              + input
              + ")");
    }
    if (input.startsWith("arn:")) {
      Arn arn = Arn.parse(input).orElse(null);
      if (arn == null || !arn.service().equals("kms") || !arn.resourceType().equals("key")) {
        throw new InvalidValueException("is not a KMS key ARN", EXPECTED);
      }
      checkArnParts(arn);
      return;
    }
    checkKeyId(input, "");
  }

  /**
   * The key for {@code input} in the policy's {@code region} and {@code account}.
   *
   * @throws InvalidValueException when the input cannot name a key there
   */
  public static KmsKey resolve(String input, Region region, String account) {
    checkForm(input);
    if (input.startsWith("arn:")) {
      Arn arn = Arn.parse(input).orElseThrow();
      if (!arn.partition().equals(region.partition().id())) {
        throw new InvalidValueException(
            "is in partition "
                + arn.partition()
                + ", but Region "
                + region.code()
                + " is in partition "
                + region.partition().id()
                + "; an IAM policy cannot name a key in another partition",
            "a key ARN that starts with arn:" + region.partition().id() + ":kms:");
      }
      String id = arn.resourceId();
      return new KmsKey(input, input, id, arn.region(), arn.account(), id.startsWith("mrk-"));
    }
    String arn =
        "arn:"
            + region.partition().id()
            + ":kms:"
            + region.code()
            + ":"
            + account
            + ":key/"
            + input;
    return new KmsKey(input, arn, input, region.code(), account, input.startsWith("mrk-"));
  }

  private static boolean isAliasArn(String input) {
    return Arn.parse(input)
        .map(a -> a.service().equals("kms") && a.resourceType().equals("alias"))
        .orElse(false);
  }

  private static void checkArnParts(Arn arn) {
    if (Partition.byId(arn.partition()).isEmpty()) {
      throw new InvalidValueException(
          "has an unknown partition " + quote(arn.partition()), EXPECTED);
    }
    Region region = Region.of(arn.region()).orElse(null);
    if (region == null) {
      throw new InvalidValueException(
          "has a malformed Region " + quote(arn.region()), "a Region code such as us-east-1");
    }
    if (!region.partition().id().equals(arn.partition())) {
      throw new InvalidValueException(
          "names Region "
              + arn.region()
              + ", which is in partition "
              + region.partition().id()
              + ", not "
              + arn.partition(),
          "arn:" + region.partition().id() + ":kms:" + arn.region() + ":...");
    }
    if (!AccountId.isValid(arn.account())) {
      throw new InvalidValueException(
          "has account " + quote(arn.account()) + ", which is not 12 digits",
          "a 12-digit account ID in the ARN");
    }
    if (!arn.resource().startsWith("key/")) {
      throw new InvalidValueException("is not a KMS key ARN", EXPECTED);
    }
    String text = arn.toString();
    checkKeyId(arn.resourceId(), text.substring(0, text.length() - arn.resourceId().length()));
  }

  /**
   * Checks a key ID. {@code arnPrefix} is the ARN up to the key ID, or empty for a bare ID, so that
   * the suggested fix for an ARN keeps its Region and account instead of silently moving the key to
   * the policy's own.
   */
  private static void checkKeyId(String id, String arnPrefix) {
    if (isKeyId(id)) {
      return;
    }
    String lower = id.toLowerCase(Locale.ROOT);
    if (!lower.equals(id) && isKeyId(lower)) {
      throw new InvalidValueException(
          "has upper-case letters; KMS key IDs are lower case and ARNs match exactly",
          quote(arnPrefix + lower));
    }
    if (id.startsWith("mrk-")) {
      throw new InvalidValueException(
          "is not a multi-Region key ID", "mrk- followed by 32 lower-case hex digits");
    }
    throw new InvalidValueException("is not a KMS key ID or key ARN", EXPECTED);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  @Override
  public String toString() {
    return arn;
  }
}
