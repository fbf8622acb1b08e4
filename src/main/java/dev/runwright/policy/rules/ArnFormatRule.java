package dev.runwright.policy.rules;

import dev.runwright.aws.Arn;
import dev.runwright.config.Suggest;
import dev.runwright.policy.ArnFormat;
import dev.runwright.policy.FindingCode;
import dev.runwright.policy.LintContext;
import dev.runwright.policy.LintRule;
import dev.runwright.policy.ServiceReference;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ARNs against the resource formats of AWS's service reference: the statement's actions must act on
 * the ARN's service, the service must have resource ARNs, and the ARN must fit one of them (an S3
 * bucket ARN has no Region or account; a Lambda function ARN has both). The data may lag AWS, so a
 * format that is not found is a warning.
 */
final class ArnFormatRule implements LintRule {
  /** Services whose ARNs a stricter rule checks: {@link KmsArnRule}'s errors say more. */
  private static final Set<String> CHECKED_STRICTLY = Set.of("kms");

  /** Of several formats, the plainest: {@code function} rather than {@code function alias}. */
  private static final Comparator<ArnFormat> SHORTEST =
      Comparator.comparingInt((ArnFormat f) -> f.template().length())
          .thenComparing(ArnFormat::type);

  @Override
  public void check(LintContext policy) {
    for (ResourceArns r : ResourceArns.of(policy)) {
      if (r.arn() == null || PolicyArn.hasVariable(r.arn().arn().service())) {
        continue;
      }
      String service = r.arn().arn().service();
      if (r.inResource()) {
        mismatch(policy, r, service);
      }
      if (PolicyArn.hasWildcard(service) || CHECKED_STRICTLY.contains(service)) {
        continue;
      }
      ServiceReference services = policy.services();
      if (!services.allArnServices().contains(service)) {
        r.report(
            policy,
            FindingCode.UNKNOWN_ARN_SERVICE,
            "no resource format in AWS's service reference of "
                + services.date()
                + " has the service \""
                + service
                + "\""
                + Suggest.hint(service, services.allArnServices()));
      } else {
        format(policy, r, services.formatsFor(service));
      }
    }
  }

  /** All actions of one service, and an ARN of a service none of its resources belong to. */
  private static void mismatch(LintContext policy, ResourceArns r, String service) {
    Optional<String> prefix = StatementActions.singlePrefix(r.statement());
    if (prefix.isEmpty()) {
      return;
    }
    Set<String> named = policy.services().arnServices(prefix.get());
    if (!named.isEmpty() && !named.contains(service)) {
      r.report(
          policy,
          FindingCode.RESOURCE_SERVICE_MISMATCH,
          "the statement's actions are "
              + ActionName.label(prefix.get())
              + " actions, but this is a "
              + service
              + " ARN");
    }
  }

  private static void format(LintContext policy, ResourceArns r, List<ArnFormat> formats) {
    Arn arn = r.arn().arn();
    String region = PolicyArn.asPattern(arn.region());
    String account = PolicyArn.asPattern(arn.account());
    String resource = PolicyArn.asPattern(arn.resource());
    if (formats.stream().anyMatch(f -> f.matches(region, account, resource))) {
      return;
    }
    r.report(
        policy,
        FindingCode.UNKNOWN_ARN_FORMAT,
        "the ARN fits none of the "
            + formats.size()
            + " "
            + arn.service()
            + " resource formats in AWS's service reference of "
            + policy.services().date()
            + hint(formats, resource, arn.resourceType()));
  }

  /** The format the ARN was probably meant to have, or nothing. */
  private static String hint(List<ArnFormat> formats, String resource, String word) {
    // The resource fits, so the Region or account is what is wrong (an S3 bucket with a Region).
    Optional<ArnFormat> fits =
        formats.stream().filter(f -> f.matchesResource(resource)).min(SHORTEST);
    if (fits.isPresent()) {
      return "; " + withArticle(fits.get().type()) + " ARN is " + fits.get().template();
    }
    List<String> words =
        formats.stream().map(ArnFormat::resourceWord).filter(w -> !w.isEmpty()).distinct().toList();
    return Suggest.nearest(word, words)
        .flatMap(w -> formats.stream().filter(f -> f.resourceWord().equals(w)).min(SHORTEST))
        .map(f -> "; did you mean " + f.resourceWord() + ", as in " + f.template() + "?")
        .orElse("");
  }

  private static String withArticle(String word) {
    return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
  }
}
