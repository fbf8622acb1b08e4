package dev.runwright.aws;

import java.util.regex.Pattern;

/**
 * A Lambda function the cluster may invoke, by name or ARN. A name is in the runbook's account and
 * Region; an ARN is used as given, with its version or alias if it has one.
 *
 * @param input what the user wrote
 * @param name the function's name
 * @param qualifier its version or alias, or "" for the unqualified function
 * @param arn the ARN the policy grants and the SQL calls
 * @param region the function's Region
 * @param account the function's account
 */
public record LambdaFunction(
    String input, String name, String qualifier, String arn, String region, String account) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[A-Za-z0-9_-]{1,128}");
  static final String EXPECTED =
      "a function name (1-64 letters, digits, - and _) or a function ARN"
          + " (arn:aws:lambda:REGION:ACCOUNT:function:NAME[:VERSION-OR-ALIAS])";

  /** Checks the form without the account and Region. */
  public static void checkForm(String input) {
    if (input.startsWith("arn:")) {
      arn(input);
    } else if (!NAME.matcher(input).matches()) {
      throw new InvalidValueException(
          input.contains(":")
              ? "is not a function name or a full function ARN"
              : "is not a function name",
          EXPECTED);
    }
  }

  /**
   * The function {@code input} names, in {@code aws}'s account and Region when it is a name.
   *
   * @throws InvalidValueException when it is neither a name nor a function ARN, or its ARN is in
   *     another partition
   */
  public static LambdaFunction resolve(String input, AwsContext aws) {
    checkForm(input);
    if (!input.startsWith("arn:")) {
      return new LambdaFunction(
          input,
          input,
          "",
          aws.arn("lambda", "function:" + input),
          aws.region().code(),
          aws.account());
    }
    Arn arn = arn(input);
    if (!arn.partition().equals(aws.partition().id())) {
      throw new InvalidValueException(
          "is in partition "
              + arn.partition()
              + ", but the runbook's Region is in "
              + aws.partition().id(),
          "a function of partition " + aws.partition().id());
    }
    String[] parts = arn.resource().split(":", -1);
    return new LambdaFunction(
        input, parts[1], parts.length > 2 ? parts[2] : "", input, arn.region(), arn.account());
  }

  private static Arn arn(String input) {
    Arn arn = Arn.parse(input).orElse(null);
    String[] parts = arn == null ? new String[0] : arn.resource().split(":", -1);
    if (arn == null
        || !arn.service().equals("lambda")
        || parts.length < 2
        || parts.length > 3
        || !parts[0].equals("function")) {
      throw new InvalidValueException("is not a Lambda function ARN", EXPECTED);
    }
    if (!arn.region().matches("[a-z]{2,4}(-[a-z]+)+-[0-9]+")
        || !arn.account().matches("[0-9]{12}")) {
      throw new InvalidValueException("has no valid Region or account in its ARN", EXPECTED);
    }
    if (!NAME.matcher(parts[1]).matches()
        || (parts.length == 3 && !QUALIFIER.matcher(parts[2]).matches())) {
      throw new InvalidValueException(
          "has a function name or qualifier Lambda does not allow", EXPECTED);
    }
    return arn;
  }

  @Override
  public String toString() {
    return name + (qualifier.isEmpty() ? "" : ":" + qualifier);
  }
}
