package dev.runwright.pack;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.Region;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the user wrote into the typed values templates see, checking every value against its
 * parameter's manifest rules and type, and collecting every problem with its position. Stateless;
 * one instance serves every runbook.
 */
public final class ParameterResolver {

  /**
   * The values a runbook's templates see.
   *
   * @param values by parameter name: a String, Integer, Boolean, typed AWS value, a list of them,
   *     or {@code null} when not given and without default
   * @param given by parameter name, the effective value as written (text or list of text), for the
   *     input hash and front matter
   * @param aws the account and Region, when the packs declare them
   */
  public record Resolved(Map<String, Object> values, Map<String, Object> given, AwsContext aws) {}

  /**
   * Resolves {@code fields} against {@code specs}. Problems go to {@code d} with their positions;
   * the result is only meaningful when {@code d} has no errors.
   *
   * @param specs the chain's parameters
   * @param fields what the user set, by key, with positions
   * @param inputAt where the runbook as a whole is, for "missing" messages
   * @param d where problems go
   */
  public Resolved resolve(
      Map<String, ParameterSpec> specs,
      Map<String, Node.Field> fields,
      Position inputAt,
      Diagnostics d) {
    for (Node.Field f : fields.values()) {
      if (!specs.containsKey(f.key()) && !PackCatalog.RESERVED.contains(f.key())) {
        d.error(
            f.keyPos(),
            f.key(),
            "unknown field"
                + Suggest.hint(f.key(), specs.keySet())
                + " (fields: "
                + String.join(", ", specs.keySet())
                + ")");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> given = new LinkedHashMap<>();
    Map<String, Node> raw = new HashMap<>();
    for (ParameterSpec spec : specs.values()) {
      Node.Field f = fields.get(spec.name());
      Node node = f != null ? f.value() : spec.defaultValue();
      if (node instanceof Node.Scalar s && s.isNull()) {
        node = f != null && spec.defaultValue() != null ? spec.defaultValue() : null;
      } else if (node instanceof Node.Scalar s
          && s.text().isEmpty()
          && !spec.required()
          && spec.defaultValue() == null) {
        node = null; // --description "" or description: "" leaves it out, as an empty value does
      }
      if (node == null) {
        if (spec.required()) {
          String flag = spec.flagName();
          d.error(
              inputAt.isFlag() ? Position.flag(flag) : inputAt,
              spec.name(),
              "is required; expected "
                  + spec.expected()
                  + (inputAt.isFlag()
                      ? " (give it with "
                          + (flag.startsWith("--set") ? flag + "=VALUE" : flag)
                          + ", or in a YAML file given with --config)"
                      : ""));
        }
        values.put(spec.name(), null);
        continue;
      }
      raw.put(spec.name(), node);
      given.put(spec.name(), asGiven(node));
    }

    // Pass 1: values whose type needs no account or Region; they give the account and Region.
    AwsContext aws = null;
    String account = null;
    Region region = null;
    for (ParameterSpec spec : specs.values()) {
      Node node = raw.get(spec.name());
      if (node == null || spec.type().needsAws()) {
        continue;
      }
      Object v = ValueConverter.convert(spec, node, null, true, d);
      values.put(spec.name(), v);
      if (v instanceof String s && spec.type().id().equals("aws-account-id") && account == null) {
        account = s;
      }
      if (v instanceof Region r && region == null) {
        region = r;
        if (!r.known()) {
          d.warning(
              node.pos(),
              spec.name(),
              Values.show(r.code())
                  + " is not a Region Runwright knows (botocore, January 2026)"
                  + "; it is well formed for partition "
                  + r.partition().id()
                  + ", so the runbook uses it as written"
                  + nearestRegion(r.code()).map(c -> "; did you mean " + c + "?").orElse(""));
        }
        if (!r.partition().hasIam()) {
          d.warning(
              node.pos(),
              spec.name(),
              "botocore lists no IAM endpoint for partition "
                  + r.partition().id()
                  + "; check that IAM is offered there before you follow the runbook");
        }
      }
    }
    if (account != null && region != null) {
      aws = new AwsContext(account, region);
    }
    AwsContext forChecks = aws;
    if (aws == null && region != null && hasType(specs, "aws-account-id")) {
      // The account is wrong (and reported); check what the Region alone can tell, such as a key
      // ARN in another partition, so that one run reports everything. Nothing is rendered.
      forChecks = new AwsContext("000000000000", region);
    }

    // Pass 2: values that need the account and Region to build their ARNs.
    for (ParameterSpec spec : specs.values()) {
      Node node = raw.get(spec.name());
      if (node == null || !spec.type().needsAws()) {
        continue;
      }
      values.put(spec.name(), ValueConverter.convert(spec, node, forChecks, forChecks == aws, d));
    }
    if (aws != null) {
      adviseOnKeys(specs, raw, values, aws, d);
    }
    return new Resolved(
        Collections.unmodifiableMap(values), Collections.unmodifiableMap(given), aws);
  }

  /**
   * Checks a manifest's default against its own parameter's rules (values, pattern, range, type),
   * so that a pack with a default its parameter refuses fails when it loads, at the default, and
   * not in every user's run. Types that need the account and Region to check are left to the run.
   *
   * @param spec the parameter, whose default is checked when it has one
   * @param d where problems go, with subjects naming {@code parameters.NAME.default}
   */
  static void checkDefault(ParameterSpec spec, Diagnostics d) {
    Node node = spec.defaultValue();
    if (node == null || (node instanceof Node.Scalar s && s.isNull()) || spec.type().needsAws()) {
      return;
    }
    Diagnostics own = new Diagnostics();
    ValueConverter.convert(spec, node, null, false, own);
    String prefix = "parameters." + spec.name();
    for (Diagnostic problem : own.all()) {
      if (problem.isError()) {
        d.error(
            problem.where(),
            prefix + ".default" + problem.subject().substring(spec.name().length()),
            problem.message());
      }
    }
  }

  /** The listed Region an unlisted code is most likely a typo of: eu-central-1 for eu-centrl-1. */
  private static java.util.Optional<String> nearestRegion(String code) {
    List<String> codes = new ArrayList<>();
    Region.listed().forEach(known -> codes.add(known.code()));
    return Suggest.nearest(code, codes);
  }

  private static boolean hasType(Map<String, ParameterSpec> specs, String type) {
    return specs.values().stream().anyMatch(s -> s.type().id().equals(type));
  }

  private static Object asGiven(Node node) {
    if (node instanceof Node.Sequence seq) {
      List<String> texts = new ArrayList<>();
      for (Node item : seq.items()) {
        texts.add(item instanceof Node.Scalar s ? s.text() : item.kind());
      }
      return texts;
    }
    return node instanceof Node.Scalar s ? s.text() : node.kind();
  }

  /** Warnings for keys that work only with extra set-up: another Region or another account. */
  private static void adviseOnKeys(
      Map<String, ParameterSpec> specs,
      Map<String, Node> raw,
      Map<String, Object> values,
      AwsContext aws,
      Diagnostics d) {
    for (ParameterSpec spec : specs.values()) {
      if (!spec.type().id().equals("kms-key")
          || !(values.get(spec.name()) instanceof List<?> keys)) {
        continue;
      }
      Node node = raw.get(spec.name());
      List<Node> items = node instanceof Node.Sequence seq ? seq.items() : List.of(node);
      for (int i = 0; i < keys.size() && i < items.size(); i++) {
        if (!(keys.get(i) instanceof KmsKey key)) {
          continue;
        }
        String sub = spec.name() + "[" + i + "]";
        if (!key.region().equals(aws.region().code())) {
          d.warning(
              items.get(i).pos(),
              sub,
              "the key is in "
                  + key.region()
                  + " but the runbook is for "
                  + aws.region().code()
                  + "; Aurora can use only keys in the Region of the data it reads");
        }
        if (!key.account().equals(aws.account())) {
          d.warning(
              items.get(i).pos(),
              sub,
              "the key is in account "
                  + key.account()
                  + "; its key policy there must also allow account "
                  + aws.account());
        }
      }
    }
  }
}
