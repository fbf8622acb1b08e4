package dev.runwright.aws;

/**
 * A resource known by a name the user chose, with the ARN that name gives it in the runbook's
 * account: an IAM policy or role, a DB cluster, an S3 bucket. Templates print it as its name and
 * read {@code .arn} for the ARN.
 *
 * @param name the name or identifier as the user wrote it
 * @param arn its ARN, or {@code null} when the account or Region is not valid
 */
public record NamedResource(String name, String arn) {
  @Override
  public String toString() {
    return name;
  }
}
