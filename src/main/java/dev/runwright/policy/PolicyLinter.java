package dev.runwright.policy;

import dev.runwright.aws.AccountId;
import dev.runwright.aws.Arn;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.Partition;
import dev.runwright.aws.Region;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.Suggest;
import dev.runwright.config.YamlReader;
import dev.runwright.policy.Finding.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks IAM policy JSON offline, the way IAM Access Analyzer's policy validation reports: grammar,
 * KMS actions, ARN shapes, wildcards, Sids and size. The generator runs the same checks on every
 * policy it writes. Stateless and thread-safe.
 */
public final class PolicyLinter {
  /** IAM's limit for a managed policy, whitespace not counted (AWS-FACTS.md section 5). */
  public static final int MANAGED_POLICY_LIMIT = 6144;

  /** A role trust policy's default limit, and the most it can be raised to. */
  public static final int TRUST_POLICY_DEFAULT_LIMIT = 2048;

  public static final int TRUST_POLICY_MAX_LIMIT = 4096;

  private static final Set<String> TOP_KEYS = Set.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_KEYS =
      List.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");
  private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

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

  public PolicyLinter(YamlReader reader) {
    this.reader = reader;
  }

  /** Checks {@code text}; {@code name} names the file in positions. */
  public List<Finding> lint(String text, String name, Options options) {
    List<Finding> out = new ArrayList<>();
    if ((text.startsWith("\uFEFF") ? text.substring(1) : text).isBlank()) {
      out.add(
          new Finding(
              Type.ERROR,
              "INVALID_JSON",
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
              Type.ERROR,
              "INVALID_JSON",
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
    new Run(out, options, name).policy(root, text);
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
          Type.ERROR,
          "DUPLICATE_KEY",
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

  /** One check of one document. */
  private static final class Run {
    private final List<Finding> out;
    private final Options options;
    private final String name;
    private PolicyType type;
    private final Set<String> partitions = new LinkedHashSet<>();
    private final Map<String, Position> sids = new HashMap<>();

    Run(List<Finding> out, Options options, String name) {
      this.out = out;
      this.options = options;
      this.name = name;
    }

    void add(Type t, String code, String message, String path, Node at) {
      out.add(new Finding(t, code, message, path, at.pos()));
    }

    void policy(Node root, String text) {
      checkCharacters(text);
      if (!(root instanceof Node.Mapping top)) {
        add(Type.ERROR, "INVALID_POLICY", "a policy is a JSON object", "$", root);
        return;
      }
      type = options.type() == PolicyType.AUTO ? guessType(top) : options.type();
      for (Node.Field f : top.fields().values()) {
        if (!TOP_KEYS.contains(f.key())) {
          out.add(
              new Finding(
                  Type.ERROR,
                  "UNKNOWN_ELEMENT",
                  "\""
                      + f.key()
                      + "\" is not a policy element"
                      + Suggest.hint(f.key(), TOP_KEYS)
                      + "; expected Version, Id and Statement",
                  "$." + f.key(),
                  f.keyPos()));
        }
      }
      version(top);
      Node statements = top.get("Statement");
      if (statements == null) {
        add(Type.ERROR, "MISSING_STATEMENT", "the policy has no Statement", "$", top);
      } else if (statements instanceof Node.Sequence seq) {
        if (seq.items().isEmpty()) {
          add(Type.ERROR, "MISSING_STATEMENT", "Statement is an empty list", "$.Statement", seq);
        }
        for (int i = 0; i < seq.items().size(); i++) {
          statement(seq.items().get(i), "$.Statement[" + i + "]");
        }
      } else {
        statement(statements, "$.Statement");
      }
      if (partitions.size() > 1) {
        add(
            Type.ERROR,
            "MIXED_PARTITIONS",
            "the policy names resources in partitions "
                + String.join(", ", partitions)
                + "; a policy lives in one partition and can name only its resources",
            "$",
            top);
      }
      size(text, top);
    }

    private PolicyType guessType(Node.Mapping top) {
      Node st = top.get("Statement");
      List<Node> items =
          st instanceof Node.Sequence seq ? seq.items() : st == null ? List.of() : List.of(st);
      for (Node s : items) {
        if (s instanceof Node.Mapping m
            && (m.get("Principal") != null || m.get("NotPrincipal") != null)) {
          return PolicyType.TRUST;
        }
      }
      return PolicyType.IDENTITY;
    }

    private void checkCharacters(String text) {
      int line = 1;
      int col = 1;
      // By code point, so that a character outside the BMP is named, not its high surrogate.
      for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
        int c = text.codePointAt(i);
        boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xff);
        if (!ok) {
          out.add(
              new Finding(
                  Type.ERROR,
                  "INVALID_CHARACTER",
                  String.format(
                      "U+%04X is outside the characters IAM accepts in a policy (tab, line"
                          + " breaks and U+0020 to U+00FF)",
                      c),
                  "$",
                  new Position(name, line, col)));
          return;
        }
        if (c == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
    }

    private void version(Node.Mapping top) {
      Node v = top.get("Version");
      if (v == null) {
        add(
            Type.WARNING,
            "MISSING_VERSION",
            "the policy has no Version; without \"2012-10-17\" IAM uses the 2008 grammar, in which"
                + " policy variables do not work",
            "$",
            top);
        return;
      }
      String text = v instanceof Node.Scalar s ? s.text() : "";
      if (text.equals("2012-10-17")) {
        return;
      }
      if (text.equals("2008-10-17")) {
        add(
            Type.WARNING,
            "OLD_VERSION",
            "Version 2008-10-17 is the legacy grammar; use \"2012-10-17\"",
            "$.Version",
            v);
      } else {
        add(
            Type.ERROR,
            "INVALID_VERSION",
            "Version must be \"2012-10-17\" (or the legacy \"2008-10-17\")",
            "$.Version",
            v);
      }
    }

    private void statement(Node node, String path) {
      if (!(node instanceof Node.Mapping st)) {
        add(Type.ERROR, "INVALID_STATEMENT", "a statement is a JSON object", path, node);
        return;
      }
      for (Node.Field f : st.fields().values()) {
        if (!STATEMENT_KEYS.contains(f.key())) {
          out.add(
              new Finding(
                  Type.ERROR,
                  "UNKNOWN_ELEMENT",
                  "\""
                      + f.key()
                      + "\" is not a statement element"
                      + Suggest.hint(f.key(), STATEMENT_KEYS),
                  path + "." + f.key(),
                  f.keyPos()));
        }
      }
      sid(st.get("Sid"), path + ".Sid");
      boolean allow = effect(st, path);
      principal(st, path);
      List<Node.Scalar> actions = actions(st, path);
      resources(st, path, allow, actions);
      condition(st.get("Condition"), path + ".Condition");
    }

    private void sid(Node sid, String path) {
      if (sid == null) {
        return;
      }
      // A JSON string: a number such as 123 is not a Sid, though it looks like one.
      if (!(sid instanceof Node.Scalar s) || s.style() != Node.Style.QUOTED) {
        add(Type.ERROR, "INVALID_SID", "Sid must be text", path, sid);
        return;
      }
      if (!SID.matcher(s.text()).matches()) {
        add(
            Type.ERROR,
            "INVALID_SID",
            "Sid \"" + s.text() + "\" may hold only ASCII letters and digits",
            path,
            sid);
      }
      Position first = sids.putIfAbsent(s.text(), s.pos());
      if (first != null) {
        add(
            Type.ERROR,
            "DUPLICATE_SID",
            "Sid \""
                + s.text()
                + "\" is used again (first at "
                + first.line()
                + ":"
                + first.column()
                + "); Sids must be unique in a policy",
            path,
            sid);
      }
    }

    private boolean effect(Node.Mapping st, String path) {
      Node e = st.get("Effect");
      if (e == null) {
        add(Type.ERROR, "MISSING_EFFECT", "the statement has no Effect", path, st);
        return false;
      }
      String text = e instanceof Node.Scalar s ? s.text() : "";
      if (!text.equals("Allow") && !text.equals("Deny")) {
        add(
            Type.ERROR,
            "INVALID_EFFECT",
            "Effect must be \"Allow\" or \"Deny\" (with that capitalisation)",
            path + ".Effect",
            e);
      }
      return text.equals("Allow");
    }

    private void principal(Node.Mapping st, String path) {
      String key = st.get("Principal") != null ? "Principal" : "NotPrincipal";
      Node p = st.get(key);
      if (type == PolicyType.IDENTITY && p != null) {
        add(
            Type.ERROR,
            "PRINCIPAL_IN_IDENTITY_POLICY",
            "an identity policy cannot name a " + key + "; the principal is who it is attached to",
            path + "." + key,
            p);
      }
      if (type == PolicyType.TRUST && p == null) {
        add(
            Type.ERROR,
            "MISSING_PRINCIPAL",
            "a trust policy statement must name a Principal",
            path,
            st);
      }
      // A wildcard in NotPrincipal excludes everyone, which grants nothing; only Principal is
      // checked.
      if (!key.equals("Principal")) {
        return;
      }
      if (p instanceof Node.Scalar s && s.text().equals("*")) {
        add(
            Type.SECURITY_WARNING,
            "WILDCARD_PRINCIPAL",
            "Principal \"*\" lets anyone assume the role; name the service or account",
            path + ".Principal",
            p);
      } else if (p instanceof Node.Mapping m && m.get("AWS") != null) {
        // {"AWS": "*"} is the same as "*": every AWS account and everyone in it.
        Node aws = m.get("AWS");
        List<Node> items = aws instanceof Node.Sequence seq ? seq.items() : List.of(aws);
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof Node.Scalar s && s.text().equals("*")) {
            add(
                Type.SECURITY_WARNING,
                "WILDCARD_PRINCIPAL",
                "Principal {\"AWS\": \"*\"} lets anyone assume the role, as \"*\" does; name the"
                    + " service or account",
                path + ".Principal.AWS" + (aws instanceof Node.Sequence ? "[" + i + "]" : ""),
                s);
          }
        }
      }
    }

    private List<Node.Scalar> actions(Node.Mapping st, String path) {
      Node a = st.get("Action");
      String key = "Action";
      if (a == null) {
        a = st.get("NotAction");
        key = "NotAction";
      }
      if (a == null) {
        add(Type.ERROR, "MISSING_ACTION", "the statement has no Action", path, st);
        return List.of();
      }
      List<Item> items = strings(a, path + "." + key, "Action");
      Set<String> seen = new HashSet<>();
      for (Item item : items) {
        Node.Scalar s = item.value();
        action(s, item.path());
        if (!seen.add(s.text().toLowerCase(Locale.ROOT))) {
          add(Type.SUGGESTION, "REDUNDANT_ACTION", s.text() + " is listed twice", item.path(), s);
        }
      }
      return key.equals("Action") ? items.stream().map(Item::value).toList() : List.of();
    }

    private void action(Node.Scalar s, String path) {
      String text = s.text();
      if (text.equals("*")) {
        add(
            Type.SECURITY_WARNING,
            "WILDCARD_ACTION",
            "Action \"*\" grants every action of every service; list the actions needed",
            path,
            s);
        return;
      }
      if (!ACTION.matcher(text).matches()) {
        add(
            Type.ERROR,
            "INVALID_ACTION",
            "\"" + text + "\" is not an action; expected service:Action, such as kms:Decrypt",
            path,
            s);
        return;
      }
      String service = text.substring(0, text.indexOf(':'));
      String name = text.substring(text.indexOf(':') + 1);
      if (name.equals("*")) {
        add(
            Type.SECURITY_WARNING,
            "WILDCARD_ACTION",
            "\"" + text + "\" grants every " + service + " action; list the actions needed",
            path,
            s);
        return;
      }
      if (!service.equals(service.toLowerCase(Locale.ROOT))) {
        add(
            Type.WARNING,
            "SERVICE_CASE",
            "service prefixes are lower case: " + service.toLowerCase(Locale.ROOT),
            path,
            s);
      }
      if (!service.equalsIgnoreCase("kms")) {
        return;
      }
      if (name.contains("*") || name.contains("?")) {
        if (KmsActions.matching(name).isEmpty()) {
          add(Type.ERROR, "UNKNOWN_ACTION", "\"" + text + "\" matches no KMS action", path, s);
        } else {
          add(
              Type.WARNING,
              "WILDCARD_ACTION",
              "\""
                  + text
                  + "\" matches "
                  + KmsActions.matching(name).size()
                  + " KMS actions, including any AWS adds later; list the ones needed",
              path,
              s);
        }
        return;
      }
      var known = KmsActions.find(name);
      if (known.isEmpty()) {
        add(
            Type.ERROR,
            "UNKNOWN_ACTION",
            "\"" + text + "\" is not a KMS action" + Suggest.hint(name, KmsActions.names()),
            path,
            s);
      } else if (!known.get().name().equals(name)) {
        add(
            Type.SUGGESTION,
            "ACTION_CASE",
            "IAM ignores case in action names, but AWS writes it kms:" + known.get().name(),
            path,
            s);
      }
    }

    private void resources(Node.Mapping st, String path, boolean allow, List<Node.Scalar> actions) {
      Node r = st.get("Resource");
      String key = "Resource";
      if (r == null) {
        r = st.get("NotResource");
        key = "NotResource";
      }
      if (r == null) {
        if (type == PolicyType.IDENTITY) {
          add(Type.ERROR, "MISSING_RESOURCE", "the statement has no Resource", path, st);
        }
        return;
      }
      if (type == PolicyType.TRUST) {
        add(
            Type.ERROR,
            "RESOURCE_IN_TRUST_POLICY",
            "a trust policy names no Resource; the role itself is the resource",
            path + "." + key,
            r);
      }
      boolean kmsOnly = !actions.isEmpty();
      boolean keyAction = false;
      boolean onlyResourceless = !actions.isEmpty();
      for (Node.Scalar a : actions) {
        String t = a.text().toLowerCase(Locale.ROOT);
        if (!t.startsWith("kms:")) {
          kmsOnly = false;
          onlyResourceless = false;
          continue;
        }
        var act = KmsActions.find(t.substring(4));
        if (act.isPresent()
            && act.get().resourceTypes().contains("key")
            && !act.get().resourceTypes().contains("alias")) {
          keyAction = true;
        }
        if (act.isEmpty() || !act.get().resourceTypes().isEmpty()) {
          onlyResourceless = false;
        }
      }
      Set<String> seen = new HashSet<>();
      for (Item item : strings(r, path + "." + key, "Resource")) {
        Node.Scalar s = item.value();
        String p = item.path();
        if (!seen.add(s.text())) {
          add(Type.SUGGESTION, "REDUNDANT_RESOURCE", s.text() + " is listed twice", p, s);
        }
        if (s.text().equals("*")) {
          if (allow && !onlyResourceless) {
            add(
                Type.SECURITY_WARNING,
                "WILDCARD_RESOURCE",
                "Resource \"*\" applies the actions to every resource; name the ARNs",
                p,
                s);
          }
          continue;
        }
        arn(s, p, kmsOnly, keyAction);
      }
    }

    private void arn(Node.Scalar s, String path, boolean kmsOnly, boolean keyAction) {
      String text = s.text();
      Arn arn = Arn.parse(text).orElse(null);
      if (arn == null) {
        add(
            Type.ERROR,
            "INVALID_ARN",
            "\"" + text + "\" is not an ARN (arn:partition:service:region:account:resource)",
            path,
            s);
        return;
      }
      Partition partition = Partition.byId(arn.partition()).orElse(null);
      if (arn.partition().contains("*")) {
        add(Type.SECURITY_WARNING, "WILDCARD_RESOURCE", "the partition is a wildcard", path, s);
      } else if (partition == null) {
        add(
            Type.ERROR,
            "INVALID_ARN_PARTITION",
            "\""
                + arn.partition()
                + "\" is not an AWS partition"
                + Suggest.hint(arn.partition(), Partition.ALL.stream().map(Partition::id).toList()),
            path,
            s);
      } else {
        partitions.add(partition.id());
        if (options.partition() != null && !options.partition().equals(partition.id())) {
          add(
              Type.ERROR,
              "INVALID_ARN_PARTITION",
              "the ARN is in partition "
                  + partition.id()
                  + ", but the policy is for "
                  + options.partition(),
              path,
              s);
        }
      }
      if (!arn.region().isEmpty()) {
        if (arn.region().contains("*") || arn.region().contains("?")) {
          add(
              Type.SECURITY_WARNING,
              "WILDCARD_RESOURCE",
              "the Region is a wildcard; name the Region",
              path,
              s);
        } else {
          Region region = Region.of(arn.region()).orElse(null);
          if (region == null) {
            add(
                Type.ERROR,
                "INVALID_ARN_REGION",
                "\"" + arn.region() + "\" is not a Region code",
                path,
                s);
          } else if (partition != null && region.partition() != partition) {
            add(
                Type.ERROR,
                "INVALID_ARN_REGION",
                "Region "
                    + arn.region()
                    + " is in partition "
                    + region.partition().id()
                    + ", not "
                    + partition.id(),
                path,
                s);
          }
        }
      }
      if (!arn.account().isEmpty()) {
        if (arn.account().contains("*") || arn.account().contains("?")) {
          add(
              Type.SECURITY_WARNING,
              "WILDCARD_RESOURCE",
              "the account is a wildcard; name the account",
              path,
              s);
        } else if (!AccountId.isValid(arn.account())) {
          add(
              Type.ERROR,
              "INVALID_ARN_ACCOUNT",
              "\"" + arn.account() + "\" is not a 12-digit account ID",
              path,
              s);
        } else if (options.account() != null && !options.account().equals(arn.account())) {
          add(
              Type.WARNING,
              "CROSS_ACCOUNT_RESOURCE",
              "the resource is in account "
                  + arn.account()
                  + ", not "
                  + options.account()
                  + "; the resource's own policy must also allow access",
              path,
              s);
        }
      }
      if (arn.service().equals("kms")) {
        kmsArn(arn, s, path, keyAction);
      } else if (kmsOnly) {
        add(
            Type.ERROR,
            "RESOURCE_SERVICE_MISMATCH",
            "the statement's actions are KMS actions, but this is a " + arn.service() + " ARN",
            path,
            s);
      }
    }

    private void kmsArn(Arn arn, Node.Scalar s, String path, boolean keyAction) {
      String type = arn.resourceType();
      if (type.equals("alias")) {
        if (keyAction) {
          add(
              Type.ERROR,
              "ALIAS_ARN_FOR_KEY_ACTION",
              "an alias ARN in Resource names the alias, not its key, so key actions such as"
                  + " kms:Decrypt are not granted; use the key ARN",
              path,
              s);
        }
        return;
      }
      if (!type.equals("key")) {
        add(
            Type.ERROR,
            "INVALID_ARN_RESOURCE",
            "a KMS ARN names a key/ or an alias/, not \"" + arn.resource() + "\"",
            path,
            s);
        return;
      }
      String id = arn.resourceId();
      if (id.contains("*") || id.contains("?")) {
        add(
            Type.SECURITY_WARNING,
            "WILDCARD_RESOURCE",
            "the key ID is a wildcard, so the statement covers every key that matches; name each"
                + " key",
            path,
            s);
      } else if (!KmsKey.isKeyId(id)) {
        add(
            Type.ERROR,
            "INVALID_ARN_RESOURCE",
            "\"" + id + "\" is not a KMS key ID (a UUID or mrk- and 32 hex digits)",
            path,
            s);
      }
    }

    private void condition(Node c, String path) {
      if (c == null) {
        return;
      }
      if (!(c instanceof Node.Mapping ops) || ops.fields().isEmpty()) {
        add(
            Type.ERROR,
            "INVALID_CONDITION",
            "Condition maps operators to keys and values, such as {\"StringEquals\": {...}}",
            path,
            c);
        return;
      }
      for (Node.Field op : ops.fields().values()) {
        if (!(op.value() instanceof Node.Mapping keys) || keys.fields().isEmpty()) {
          add(
              Type.ERROR,
              "INVALID_CONDITION",
              op.key() + " must map condition keys to values",
              path + "." + op.key(),
              op.value());
          continue;
        }
        for (Node.Field k : keys.fields().values()) {
          conditionValues(k.value(), path + "." + op.key() + "." + k.key());
        }
      }
    }

    /** Condition values: text, numbers or booleans, alone or in a list. */
    private void conditionValues(Node n, String path) {
      List<Node> items = n instanceof Node.Sequence seq ? seq.items() : List.of(n);
      for (Node item : items) {
        if (!(item instanceof Node.Scalar s) || s.isNull()) {
          add(Type.ERROR, "INVALID_CONDITION", "a condition value must be text", path, item);
        }
      }
    }

    /** A text value or a list item, with its path. */
    private record Item(Node.Scalar value, String path) {}

    /**
     * A text value or a non-empty list of text values. Each keeps the path of its place in the
     * list, so items after one that is not text are still named by their own index.
     */
    private List<Item> strings(Node n, String path, String what) {
      List<Item> out = new ArrayList<>();
      List<Node> items = n instanceof Node.Sequence seq ? seq.items() : List.of(n);
      if (n instanceof Node.Sequence seq && seq.items().isEmpty()) {
        add(Type.ERROR, "EMPTY_LIST", what + " is an empty list", path, n);
      }
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        String itemPath = n instanceof Node.Sequence ? path + "[" + i + "]" : path;
        if (item instanceof Node.Scalar s && s.style() == Node.Style.QUOTED) {
          out.add(new Item(s, itemPath));
        } else {
          add(Type.ERROR, "INVALID_VALUE", what + " must be a JSON string", itemPath, item);
        }
      }
      return out;
    }

    private void size(String text, Node.Mapping top) {
      int size = countedSize(text);
      if (type == PolicyType.TRUST) {
        if (size > TRUST_POLICY_MAX_LIMIT) {
          add(
              Type.ERROR,
              "POLICY_SIZE_EXCEEDED",
              "the trust policy has "
                  + size
                  + " characters without whitespace; IAM allows at"
                  + " most "
                  + TRUST_POLICY_MAX_LIMIT,
              "$",
              top);
        } else if (size > TRUST_POLICY_DEFAULT_LIMIT) {
          add(
              Type.WARNING,
              "POLICY_SIZE_QUOTA",
              "the trust policy has "
                  + size
                  + " characters without whitespace; the default"
                  + " quota is "
                  + TRUST_POLICY_DEFAULT_LIMIT
                  + " (it can be raised to "
                  + TRUST_POLICY_MAX_LIMIT
                  + ")",
              "$",
              top);
        }
      } else if (size > MANAGED_POLICY_LIMIT) {
        add(
            Type.ERROR,
            "POLICY_SIZE_EXCEEDED",
            "the policy has "
                + size
                + " characters without whitespace; a managed policy may have"
                + " at most "
                + MANAGED_POLICY_LIMIT
                + " (split the keys over several policies)",
            "$",
            top);
      }
    }
  }
}
