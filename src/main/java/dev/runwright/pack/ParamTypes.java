package dev.runwright.pack;

import dev.runwright.aws.AccountId;
import dev.runwright.aws.AwsContext;
import dev.runwright.aws.DbUser;
import dev.runwright.aws.IamNames;
import dev.runwright.aws.InvalidValueException;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.LambdaFunction;
import dev.runwright.aws.NamedResource;
import dev.runwright.aws.RdsNames;
import dev.runwright.aws.Region;
import dev.runwright.aws.S3Location;
import dev.runwright.aws.S3Names;
import dev.runwright.config.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** The parameter types a manifest can name. */
public final class ParamTypes {
  private ParamTypes() {}

  private static final Map<String, ParamType> TYPES = new LinkedHashMap<>();

  static {
    add(simple("string", "text", ParamTypes::checkPrintable, ordered("type", "string")));
    add(
        new Basic(
            "integer",
            "a whole number",
            false,
            (text, aws) -> {
              if (!text.matches("-?\\d{1,9}")) {
                throw new InvalidValueException("is not a whole number", "a whole number");
              }
              return Integer.valueOf(text);
            },
            ordered("type", "integer")));
    add(
        new Basic(
            "boolean",
            "true or false",
            false,
            (text, aws) -> {
              if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
              }
              throw new InvalidValueException("is not true or false", "true or false");
            },
            ordered("type", "boolean")));
    add(simple("enum", "one of the listed values", ParamTypes::checkPrintable, ordered()));
    add(
        simple(
            "aws-account-id",
            "exactly 12 digits, such as \"012345678901\"",
            AccountId::check,
            ordered("type", "string", "pattern", "^[0-9]{12}$")));
    add(
        new Basic(
            "aws-region",
            "an AWS Region code such as us-east-1",
            false,
            (text, aws) -> region(text),
            ordered("type", "string", "pattern", "^[a-z]{2,4}(-[a-z]+)+-[0-9]+$")));
    add(
        new Basic(
            "kms-key",
            "a KMS key ID, multi-Region key ID (mrk-...) or key ARN",
            true,
            (text, aws) -> {
              if (aws == null) {
                KmsKey.checkForm(text);
                return text;
              }
              return KmsKey.resolve(text, aws.region(), aws.account());
            },
            ordered(
                "type",
                "string",
                "pattern",
                "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}"
                    + "|arn:[a-z-]+:kms:[a-z0-9-]+:[0-9]{12}:key/.+)$")));
    add(
        named(
            "iam-policy-name",
            "1-128 letters, digits or _+=,.@-",
            IamNames::checkPolicyName,
            (aws, name) -> aws.iamArn("policy/" + name),
            "^[A-Za-z0-9_+=,.@-]{1,128}$"));
    add(
        named(
            "iam-role-name",
            "1-64 letters, digits or _+=,.@-",
            IamNames::checkRoleName,
            (aws, name) -> aws.iamArn("role/" + name),
            "^[A-Za-z0-9_+=,.@-]{1,64}$"));
    add(
        simple(
            "iam-policy-description",
            "one line of text, at most 1,000 characters",
            IamNames::checkPolicyDescription,
            ordered("type", "string", "maxLength", 1000)));
    add(
        simple(
            "iam-role-description",
            "one line of printable Latin-1 text, at most 1,000 characters",
            IamNames::checkRoleDescription,
            ordered("type", "string", "maxLength", 1000)));
    add(
        named(
            "rds-cluster-id",
            "a DB cluster identifier: lower-case letters, digits and hyphens, starting with a"
                + " letter",
            RdsNames::checkClusterId,
            (aws, id) -> aws.arn("rds", "cluster:" + id),
            "^[a-z](-?[a-z0-9])*$"));
    add(
        simple(
            "rds-parameter-group-name",
            "a parameter group name: lower-case letters, digits and hyphens, starting with a"
                + " letter",
            RdsNames::checkParameterGroupName,
            ordered("type", "string", "pattern", "^[a-z](-?[a-z0-9])*$", "maxLength", 255)));
    add(
        named(
            "s3-bucket-name",
            "an S3 bucket name: 3-63 lower-case letters, digits, dots or hyphens",
            S3Names::checkBucket,
            (aws, name) -> "arn:" + aws.partition().id() + ":s3:::" + name,
            "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"));
  }

  static {
    add(
        new Basic(
            "s3-location",
            "an S3 location: s3://BUCKET or s3://BUCKET/PREFIX/ (or a bucket ARN)",
            true,
            (text, aws) -> S3Location.parse(text, aws == null ? null : aws.partition().id()),
            ordered(
                "type",
                "string",
                "pattern",
                "^(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|arn:[a-z-]+:s3:::.+)$")));
    add(
        new Basic(
            "lambda-function",
            "a Lambda function name or ARN",
            true,
            (text, aws) -> {
              if (aws == null) {
                LambdaFunction.checkForm(text);
                return text;
              }
              return LambdaFunction.resolve(text, aws);
            },
            ordered("type", "string", "pattern", "^([A-Za-z0-9_-]{1,64}|arn:[a-z-]+:lambda:.+)$")));
    add(
        new Basic(
            "db-user",
            "a database user, optionally with its host: loader, loader@'10.0.%' or 'loader'@'%'",
            false,
            (text, aws) -> DbUser.parse(text),
            ordered("type", "string", "minLength", 1)));
  }

  /** A map that keeps its keys in the order given, so printed schemas are stable. */
  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static void add(ParamType t) {
    TYPES.put(t.id(), t);
  }

  /** The type called {@code id}, if there is one. */
  public static Optional<ParamType> get(String id) {
    return Optional.ofNullable(TYPES.get(id));
  }

  /** Every type name, in a stable order. */
  public static List<String> ids() {
    return new ArrayList<>(TYPES.keySet());
  }

  private static Region region(String text) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    List<String> codes = new ArrayList<>();
    Region.listed().forEach(r -> codes.add(r.code()));
    Optional<Region> region = Region.of(text);
    if (region.isPresent()) {
      return region.get();
    }
    String hint =
        !lower.equals(text) && Region.of(lower).isPresent()
            ? "the lower-case code " + lower
            : Suggest.nearest(text, codes).map(s -> "a Region code such as " + s).orElse(null);
    throw new InvalidValueException(
        "is not an AWS Region code",
        hint != null ? hint : "a Region code such as us-east-1, cn-north-1 or us-gov-west-1");
  }

  /** Refuses control characters, which no runbook line, table cell or console field can show. */
  static void checkPrintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        throw new InvalidValueException("contains a line break", "one line of printable text");
      }
      if (Character.isISOControl(text.charAt(i))) {
        throw new InvalidValueException(
            String.format("contains the control character U+%04X", (int) text.charAt(i)),
            "one line of printable text");
      }
      if (Character.isSurrogate(text.charAt(i))
          && !(Character.isHighSurrogate(text.charAt(i))
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(++i)))) {
        throw new InvalidValueException(
            "contains an unpaired surrogate, which is not a character", "valid Unicode text");
      }
    }
  }

  private static ParamType simple(
      String id, String expected, Consumer<String> check, Map<String, Object> schema) {
    return new Basic(
        id,
        expected,
        false,
        (text, aws) -> {
          check.accept(text);
          return text;
        },
        schema);
  }

  private static ParamType named(
      String id,
      String expected,
      Consumer<String> check,
      BiFunction<AwsContext, String, String> arn,
      String pattern) {
    return new Basic(
        id,
        expected,
        true,
        (text, aws) -> {
          check.accept(text);
          return new NamedResource(text, aws == null ? null : arn.apply(aws, text));
        },
        ordered("type", "string", "pattern", pattern));
  }

  private record Basic(
      String id,
      String expected,
      boolean needsAws,
      BiFunction<String, AwsContext, Object> converter,
      Map<String, Object> schema)
      implements ParamType {
    @Override
    public Object convert(String text, AwsContext aws) {
      return converter.apply(text, aws);
    }

    @Override
    public List<String> advice(Object value) {
      if (value instanceof S3Location l && !l.folder()) {
        return List.of(
            "ends in a prefix that is not a folder: it also covers keys such as "
                + l.prefix()
                + "-old/..., since IAM matches "
                + l.prefix()
                + "*; end it with / to mean the folder");
      }
      return List.of();
    }
  }
}
