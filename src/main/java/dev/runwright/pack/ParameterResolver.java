package dev.runwright.pack;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.InvalidValueException;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.NamedResource;
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
   * The parameters of a chain of packs: every pack's parameters, the first declaration of a name
   * winning (the head pack decides defaults).
   *
   * @throws PackException when two packs declare one name with different types
   */
  public static Map<String, ParameterSpec> union(List<PackManifest> chain) {
    Map<String, ParameterSpec> all = new LinkedHashMap<>();
    for (PackManifest m : chain) {
      for (ParameterSpec p : m.parameters().values()) {
        ParameterSpec first = all.putIfAbsent(p.name(), p);
        if (first != null
            && first.flag() != null
            && p.flag() != null
            && !first.flag().name().equals(p.flag().name())) {
          throw new PackException(
              p.declaredAt()
                  + ": error: parameter "
                  + p.name()
                  + " has the flag "
                  + p.flag().name()
                  + " here but "
                  + first.flag().name()
                  + " at "
                  + first.declaredAt());
        }
        if (first != null && first.flag() == null && p.flag() != null) {
          all.put(p.name(), first.withFlag(p.flag()));
        }
        String differs = first == null ? null : differs(first, p);
        if (differs != null && first.type() == p.type() && first.list() == p.list()) {
          throw new PackException(
              p.declaredAt()
                  + ": error: parameter "
                  + p.name()
                  + " has another "
                  + differs
                  + " here than at "
                  + first.declaredAt()
                  + "; a parameter several packs share must have the same rules in each");
        }
        if (first != null && (first.type() != p.type() || first.list() != p.list())) {
          throw new PackException(
              p.declaredAt()
                  + ": error: parameter "
                  + p.name()
                  + " is declared as "
                  + p.type().id()
                  + (p.list() ? " list" : "")
                  + " here but as "
                  + first.type().id()
                  + (first.list() ? " list" : "")
                  + " at "
                  + first.declaredAt());
        }
      }
    }
    return all;
  }

  /** Which rule two declarations of one parameter disagree on, or {@code null}. */
  private static String differs(ParameterSpec a, ParameterSpec b) {
    if (!a.values().equals(b.values())) {
      return "list of values";
    }
    if (!java.util.Objects.equals(
        a.pattern() == null ? null : a.pattern().pattern(),
        b.pattern() == null ? null : b.pattern().pattern())) {
      return "pattern";
    }
    if (!java.util.Objects.equals(a.min(), b.min())
        || !java.util.Objects.equals(a.max(), b.max())) {
      return "range";
    }
    if (a.minItems() != b.minItems() || !java.util.Objects.equals(a.maxItems(), b.maxItems())) {
      return "number of items";
    }
    if (!java.util.Objects.equals(a.defaultJson(), b.defaultJson())) {
      return "default";
    }
    return null;
  }

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
      Object v = convert(spec, node, null, true, d);
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
                  + " is not a Region Runwright knows (botocore, January 2026); it is well formed"
                  + " for partition "
                  + r.partition().id()
                  + ", so the runbook uses it as written");
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
      values.put(spec.name(), convert(spec, node, forChecks, forChecks == aws, d));
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
    new ParameterResolver().convert(spec, node, null, false, own);
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

  private Object convert(
      ParameterSpec spec, Node node, AwsContext aws, boolean exact, Diagnostics d) {
    if (!spec.list()) {
      if (!(node instanceof Node.Scalar s)) {
        d.error(node.pos(), spec.name(), "is " + node.kind() + "; expected " + spec.expected());
        return null;
      }
      return convertOne(spec, s, spec.name(), aws, d);
    }
    List<Node> items =
        node instanceof Node.Sequence seq ? seq.items() : List.of(node); // one value, one item
    if (node instanceof Node.Mapping) {
      d.error(node.pos(), spec.name(), "is a mapping; expected " + spec.expected());
      return null;
    }
    int min = Math.max(spec.minItems(), spec.required() ? 1 : 0);
    if (items.size() < min) {
      d.error(
          node.pos(),
          spec.name(),
          "has "
              + items.size()
              + " item"
              + (items.size() == 1 ? "" : "s")
              + "; expected at least "
              + min
              + ", each "
              + spec.type().expected());
    }
    if (spec.maxItems() != null && items.size() > spec.maxItems()) {
      d.error(
          node.pos(),
          spec.name(),
          "has " + items.size() + " items; expected at most " + spec.maxItems());
    }
    List<Object> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> seenArns = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String sub = spec.name() + "[" + i + "]";
      Node item = items.get(i);
      if (!(item instanceof Node.Scalar s) || s.isNull()) {
        d.error(item.pos(), sub, "is " + item.kind() + "; expected " + spec.type().expected());
        continue;
      }
      Integer first = seen.putIfAbsent(s.text(), i);
      if (first != null) {
        d.error(
            item.pos(),
            sub,
            Values.show(s.text()) + " repeats " + spec.name() + "[" + first + "]; list it once");
        continue;
      }
      Object v = convertOne(spec, s, sub, aws, d);
      String arn = exact ? arnOf(v) : null; // only real ARNs say two items are the same
      Integer sameArn = arn == null ? null : seenArns.putIfAbsent(arn, i);
      if (sameArn != null) {
        d.error(
            item.pos(),
            sub,
            Values.show(s.text())
                + " names the same resource as "
                + spec.name()
                + "["
                + sameArn
                + "] ("
                + arn
                + "); list it once");
        continue;
      }
      if (v != null) {
        out.add(v);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Object convertOne(
      ParameterSpec spec, Node.Scalar s, String subject, AwsContext aws, Diagnostics d) {
    String text = s.text();
    String shown = Values.show(text);
    if (!spec.values().isEmpty() && !spec.values().contains(text)) {
      d.error(
          s.pos(),
          subject,
          shown
              + " is not allowed; expected one of "
              + String.join(", ", spec.values())
              + Suggest.hint(text, spec.values()));
      return null;
    }
    if (spec.maxLength() != null && text.codePointCount(0, text.length()) > spec.maxLength()) {
      d.error(
          s.pos(),
          subject,
          shown + " is too long; expected at most " + spec.maxLength() + " characters");
      return null;
    }
    if (spec.pattern() != null && !spec.pattern().matcher(text).matches()) {
      d.error(
          s.pos(),
          subject,
          shown
              + " does not match the pattern "
              + spec.pattern().pattern()
              + (spec.help() == null ? "" : " (" + spec.help() + ")"));
      return null;
    }
    Object value;
    try {
      value = spec.type().convert(text, aws);
    } catch (InvalidValueException e) {
      String expected = e.expected();
      if (expected != null && (spec.min() != null || spec.max() != null)) {
        expected += range(spec);
      }
      d.error(
          s.pos(),
          subject,
          shown
              + " "
              + e.getMessage()
              + (expected == null ? "" : "; expected " + expected)
              + (padded(text) ? " (it has spaces at the start or end)" : ""));
      return null;
    }
    for (String advice : spec.type().advice(value)) {
      d.warning(s.pos(), subject, shown + " " + advice);
    }
    int invisible = Values.firstInvisible(text);
    if (invisible >= 0) {
      d.warning(
          s.pos(),
          subject,
          shown
              + String.format(
                  " holds U+%04X, an invisible character that changes how the text reads"
                      + " (in a runbook, a shell command or the console); remove it unless you"
                      + " mean it",
                  invisible));
    }
    if (value instanceof Integer n) {
      if ((spec.min() != null && n < spec.min()) || (spec.max() != null && n > spec.max())) {
        d.error(
            s.pos(), subject, shown + " is out of range; expected a whole number" + range(spec));
        return null;
      }
    }
    return value;
  }

  private static boolean padded(String text) {
    return !text.isEmpty()
        && " \t".indexOf(text.charAt(0)) + " \t".indexOf(text.charAt(text.length() - 1)) > -2;
  }

  /** " from 2 to 3", " of at least 1" or " of at most 9", for a parameter with bounds. */
  private static String range(ParameterSpec spec) {
    if (spec.min() != null && spec.max() != null) {
      return " from " + spec.min() + " to " + spec.max();
    }
    return spec.min() != null ? " of at least " + spec.min() : " of at most " + spec.max();
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

  /** Whether {@code v} is a value whose ARN is known. */
  static String arnOf(Object v) {
    if (v instanceof KmsKey k) {
      return k.arn();
    }
    if (v instanceof dev.runwright.aws.LambdaFunction f) {
      return f.arn();
    }
    if (v instanceof dev.runwright.aws.S3Location l) {
      return l.uri();
    }
    if (v instanceof NamedResource r) {
      return r.arn();
    }
    return null;
  }
}
