package dev.runwright.policy;

import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.policy.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks IAM policy JSON offline, the way IAM Access Analyzer's policy validation reports: grammar,
 * actions of every AWS service, ARN shapes and formats, wildcards, condition operators and values,
 * Sids and size. The checks are the {@link LintRule}s of {@link BuiltInRules}; this class parses
 * the text, runs them and sorts what they report. The generator runs the same checks on every
 * policy it writes. Stateless and thread-safe.
 */
public final class PolicyLinter {
  /** IAM's limit for a managed policy, whitespace not counted (AWS-FACTS.md section 5). */
  public static final int MANAGED_POLICY_LIMIT = 6144;

  /** A role trust policy's default limit, and the most it can be raised to. */
  public static final int TRUST_POLICY_DEFAULT_LIMIT = 2048;

  public static final int TRUST_POLICY_MAX_LIMIT = 4096;

  /** What kind of policy the text is. */
  public enum PolicyType {
    /** Attached to a user, group or role: no Principal, Resource required. */
    IDENTITY,
    /** A role's trust policy: Principal required, no Resource. */
    TRUST,
    /** Decide from the text: a Principal anywhere makes it a trust policy. */
    AUTO
  }

  /**
   * What the policy is expected to be about; any part may be {@code null}.
   *
   * @param type the policy type
   * @param account the account the policy is for; resources elsewhere get a warning
   * @param partition the partition the policy is for; resources elsewhere are an error
   */
  public record Options(PolicyType type, String account, String partition) {
    public static final Options DEFAULT = new Options(PolicyType.AUTO, null, null);
  }

  private final YamlReader reader;
  private final List<LintRule> rules;
  private final ServiceReference services;

  /** A linter with the built-in rules and service data. */
  public PolicyLinter(YamlReader reader) {
    this(reader, BuiltInRules.all(), ServiceReference.builtIn());
  }

  /** A linter that runs only {@code rules}, in order: for testing one rule on its own. */
  public PolicyLinter(YamlReader reader, List<LintRule> rules, ServiceReference services) {
    this.reader = reader;
    this.rules = List.copyOf(rules);
    this.services = services;
  }

  /** Checks {@code text}; {@code name} names the file in positions. */
  public List<Finding> lint(String text, String name, Options options) {
    List<Finding> out = new ArrayList<>();
    if ((text.startsWith("\uFEFF") ? text.substring(1) : text).isBlank()) {
      out.add(
          new Finding(
              FindingCode.INVALID_JSON,
              "the policy is empty; expected a JSON object with Version and Statement",
              "$",
              new Position(name, 1, 1)));
      return out;
    }
    List<Duplicate> duplicates = new ArrayList<>();
    Node root;
    try {
      root =
          reader.parseJson(
              text, name, (key, first, again) -> duplicates.add(new Duplicate(key, first, again)));
    } catch (InvalidInputException e) {
      duplicates.forEach(dup -> out.add(dup.finding("$")));
      var d = e.diagnostics().get(0);
      out.add(
          new Finding(
              FindingCode.INVALID_JSON,
              d.message().replaceFirst("^is not valid JSON: ", ""),
              "$",
              d.where()));
      return out;
    }
    // The later value is the one kept, so its key is in the tree; a duplicate inside a value that
    // was itself replaced is not, and keeps the path "$".
    Map<Position, String> keyPaths = new HashMap<>();
    collectKeyPaths(root, "$", keyPaths);
    duplicates.forEach(dup -> out.add(dup.finding(keyPaths.getOrDefault(dup.again(), "$"))));
    LintContext context = new LintContext(text, name, root, options, services, out);
    for (LintRule rule : rules) {
      rule.check(context);
    }
    // Stable: findings at one place and of one type keep the order the rules reported them in.
    out.sort(
        Comparator.comparingInt((Finding f) -> f.at().line())
            .thenComparingInt(f -> f.at().column())
            .thenComparing(f -> f.type().ordinal()));
    return List.copyOf(out);
  }

  /** A key written twice in one JSON object. */
  private record Duplicate(String key, Position first, Position again) {
    Finding finding(String path) {
      return new Finding(
          FindingCode.DUPLICATE_KEY,
          "the key \""
              + key
              + "\" appears again (first at "
              + first.line()
              + ":"
              + first.column()
              + "); IAM keeps only one of them",
          path,
          again);
    }
  }

  /** The JSON path of every key in {@code node}, by the key's position. */
  private static void collectKeyPaths(Node node, String path, Map<Position, String> out) {
    if (node instanceof Node.Mapping m) {
      for (Node.Field f : m.fields().values()) {
        out.put(f.keyPos(), path + "." + f.key());
        collectKeyPaths(f.value(), path + "." + f.key(), out);
      }
    } else if (node instanceof Node.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        collectKeyPaths(seq.items().get(i), path + "[" + i + "]", out);
      }
    }
  }

  /** The characters IAM counts against its size limits: all but whitespace outside strings. */
  public static int countedSize(String json) {
    int n = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        n++;
        if (c == '\\' && i + 1 < json.length()) {
          n++;
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (!Character.isWhitespace(c)) {
        n++;
        if (c == '"') {
          inString = true;
        }
      }
    }
    return n;
  }
}
