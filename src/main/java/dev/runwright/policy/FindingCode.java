package dev.runwright.policy;

import dev.runwright.policy.Finding.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every code a finding can have, with its type, whether it stops {@code generate} and a one-line
 * help text; {@code runwright lint --list-rules} prints this list. A new rule adds its codes here.
 *
 * <p>A code's {@link #id()} is what users see and filter on. Two constants share an id where one
 * check reports at two levels (a {@code kms:Generate*} pattern is a WARNING, {@code kms:*} a
 * SECURITY_WARNING), so that each constant still has exactly one type.
 */
public enum FindingCode {
  // Reading the text
  INVALID_JSON(Type.ERROR, "the text is empty or not JSON"),
  DUPLICATE_KEY(Type.ERROR, "a key is written twice in one JSON object; IAM keeps only one"),
  UNREADABLE_FILE(
      Type.ERROR, Blame.INPUT, "lint could not read the file (missing, a folder, not UTF-8)"),
  INVALID_CHARACTER(
      Type.ERROR, "a character IAM refuses in a policy (only tab, line breaks, U+0020 to U+00FF)"),

  // Grammar
  INVALID_POLICY(Type.ERROR, "the policy is not a JSON object"),
  UNKNOWN_ELEMENT(Type.ERROR, "a key that is not a policy or statement element"),
  MISSING_STATEMENT(Type.ERROR, "the policy has no Statement, or an empty list of them"),
  INVALID_STATEMENT(Type.ERROR, "a statement is not a JSON object"),
  CONFLICTING_ELEMENTS(
      Type.ERROR, "a statement has an element and its Not form, such as Action and NotAction"),
  EMPTY_LIST(Type.ERROR, "Action, NotAction, Resource or NotResource is an empty list"),
  INVALID_VALUE(Type.ERROR, "an action or resource is not a JSON string"),
  MISSING_VERSION(Type.WARNING, "no Version: IAM uses the 2008 grammar, without policy variables"),
  OLD_VERSION(Type.WARNING, "Version 2008-10-17, the legacy grammar"),
  INVALID_VERSION(Type.ERROR, "Version is neither 2012-10-17 nor 2008-10-17"),
  INVALID_SID(Type.ERROR, "a Sid that is not text of ASCII letters and digits"),
  DUPLICATE_SID(Type.ERROR, "two statements have the same Sid"),
  MISSING_EFFECT(Type.ERROR, "a statement has no Effect"),
  INVALID_EFFECT(Type.ERROR, "Effect is not exactly Allow or Deny"),

  // Principals
  PRINCIPAL_IN_IDENTITY_POLICY(Type.ERROR, "an identity policy names a Principal or NotPrincipal"),
  MISSING_PRINCIPAL(Type.ERROR, "a trust policy statement names no Principal"),
  WILDCARD_PRINCIPAL(Type.SECURITY_WARNING, "an Allow for Principal \"*\" or {\"AWS\": \"*\"}"),

  // Actions
  MISSING_ACTION(Type.ERROR, "a statement has no Action or NotAction"),
  INVALID_ACTION(Type.ERROR, "an action that is not service:Action"),
  ALLOW_WITH_NOT_ACTION(
      Type.SECURITY_WARNING, "Allow with NotAction grants every action not listed"),
  WILDCARD_ACTION(Type.SECURITY_WARNING, "an Allow of \"*\" or of every action of a service"),
  WILDCARD_ACTION_PATTERN(
      "WILDCARD_ACTION",
      Type.WARNING,
      "an Allow of an action pattern such as kms:Generate*, which also covers actions AWS adds"),
  REDUNDANT_ACTION(Type.SUGGESTION, "an action listed twice in one statement"),
  SERVICE_CASE(Type.WARNING, "a service prefix that is not lower case"),
  UNKNOWN_SERVICE(Type.ERROR, "an action whose service prefix AWS's service reference lacks"),
  UNKNOWN_ACTION(
      Type.ERROR, "an action, or an action pattern, that matches none of its service's actions"),
  ACTION_CASE(Type.SUGGESTION, "an action written in other letter case than AWS writes it"),

  // Resources and ARNs
  MISSING_RESOURCE(Type.ERROR, "an identity policy statement has no Resource or NotResource"),
  RESOURCE_IN_TRUST_POLICY(Type.ERROR, "a trust policy names a Resource; the role is the resource"),
  ALLOW_WITH_NOT_RESOURCE(
      Type.SECURITY_WARNING, "Allow with NotResource applies to every resource not listed"),
  WILDCARD_RESOURCE(
      Type.SECURITY_WARNING, "an Allow on Resource \"*\" or on an ARN with a wildcard part"),
  WILDCARD_RESOURCE_REPLICAS(
      "WILDCARD_RESOURCE",
      Type.SUGGESTION,
      "a multi-Region key ARN with Region \"*\", which covers every replica of the key"),
  REDUNDANT_RESOURCE(Type.SUGGESTION, "a resource listed twice in one statement"),
  INVALID_ARN(Type.ERROR, "a resource that is not arn:partition:service:region:account:resource"),
  INVALID_ARN_PARTITION(
      Type.ERROR, "an ARN partition that is unknown, or not the policy's partition"),
  INVALID_ARN_REGION(
      Type.ERROR, "an ARN Region that is not a Region code, or in another partition, or missing"),
  UNKNOWN_ARN_REGION(
      Type.WARNING, "a well-formed ARN Region that is not in Runwright's Region table"),
  INVALID_ARN_ACCOUNT(
      Type.ERROR, "an ARN account that is not a 12-digit account ID (or aws), or missing"),
  REDACTED_ACCOUNT(
      Type.SUGGESTION,
      "an ARN account that is --redact-accounts' placeholder (<account-3333>), not an account ID"),
  CROSS_ACCOUNT_RESOURCE(
      Type.WARNING, "a resource in another account than the policy's, which must also allow it"),
  MIXED_PARTITIONS(Type.ERROR, "resources in more than one partition"),
  RESOURCE_SERVICE_MISMATCH(
      Type.ERROR, "an ARN of a service that none of the statement's actions act on"),
  UNKNOWN_ARN_SERVICE(Type.WARNING, "an ARN whose service no documented resource format names"),
  UNKNOWN_ARN_FORMAT(Type.WARNING, "an ARN that matches none of its service's resource formats"),
  ALIAS_ARN_FOR_KEY_ACTION(
      Type.ERROR, "a KMS alias ARN for key actions, which names the alias, not the key"),
  INVALID_ARN_RESOURCE(Type.ERROR, "a KMS ARN that names neither key/<key ID> nor alias/<name>"),

  // Conditions
  INVALID_CONDITION(Type.ERROR, "a Condition block that does not map operators to keys to values"),
  UNKNOWN_CONDITION_OPERATOR(Type.ERROR, "a condition operator IAM does not know"),
  INVALID_CONDITION_VALUE(
      Type.ERROR, "a condition value of the wrong type: Bool, IP address, date or number"),

  // Size
  POLICY_SIZE_EXCEEDED(
      Type.ERROR, Blame.INPUT, "a policy over IAM's size limit (6,144; trust policies 4,096)"),
  POLICY_SIZE_QUOTA(
      Type.WARNING, Blame.INPUT, "a trust policy over the default quota of 2,048 characters");

  /** What a blocking finding in a generated policy says is wrong: the input or the template. */
  public enum Blame {
    /** The user's values: too many keys for one policy, say. */
    INPUT,
    /** The pack's template wrote a policy IAM would refuse. */
    TEMPLATE
  }

  private final String id;
  private final Type type;
  private final Blame blame;
  private final String help;

  FindingCode(Type type, String help) {
    this(null, type, Blame.TEMPLATE, help);
  }

  FindingCode(Type type, Blame blame, String help) {
    this(null, type, blame, help);
  }

  FindingCode(String id, Type type, String help) {
    this(id, type, Blame.TEMPLATE, help);
  }

  FindingCode(String id, Type type, Blame blame, String help) {
    this.id = id == null ? name() : id;
    this.type = type;
    this.blame = blame;
    this.help = help;
  }

  /** The code users see, such as {@code UNKNOWN_ACTION}. */
  public String id() {
    return id;
  }

  public Type type() {
    return type;
  }

  /** Whether a finding with this code stops {@code generate} from writing the policy. */
  public boolean blocksGeneration() {
    return type == Type.ERROR || type == Type.SECURITY_WARNING;
  }

  /** Whom a blocking finding in a generated policy blames. */
  public Blame blame() {
    return blame;
  }

  /** One line on what the code means. */
  public String help() {
    return help;
  }

  /** Every code, by id and then by type, most serious first. */
  public static List<FindingCode> sorted() {
    return Arrays.stream(values())
        .sorted(Comparator.comparing(FindingCode::id).thenComparing(FindingCode::type))
        .toList();
  }
}
