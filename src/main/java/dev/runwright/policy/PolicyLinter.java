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
import java.util.Collections;
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
 * KMS actions, ARN shapes, wildcards, condition operators and values, Sids and size. The generator
 * runs the same checks on every policy it writes. Stateless and thread-safe.
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

  /** A policy variable such as {@code ${aws:username}}; it may hold colons and slashes. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  /** Stands for a policy variable while an ARN is split; policies cannot hold U+0000. */
  private static final String VARIABLE_MARK = "\u0000";

  private static final List<String> BASE_OPERATORS =
      List.of(
          "StringEquals",
          "StringNotEquals",
          "StringEqualsIgnoreCase",
          "StringNotEqualsIgnoreCase",
          "StringLike",
          "StringNotLike",
          "NumericEquals",
          "NumericNotEquals",
          "NumericLessThan",
          "NumericLessThanEquals",
          "NumericGreaterThan",
          "NumericGreaterThanEquals",
          "DateEquals",
          "DateNotEquals",
          "DateLessThan",
          "DateLessThanEquals",
          "DateGreaterThan",
          "DateGreaterThanEquals",
          "Bool",
          "BinaryEquals",
          "IpAddress",
          "NotIpAddress",
          "ArnEquals",
          "ArnLike",
          "ArnNotEquals",
          "ArnNotLike",
          "Null");

  private static final List<String> SET_PREFIXES = List.of("ForAllValues:", "ForAnyValue:");

  /** Every condition operator IAM knows, in a fixed order so that suggestions are stable. */
  private static final Set<String> CONDITION_OPERATORS = conditionOperators();

  private static final Pattern BOOLEAN = Pattern.compile("true|false", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Epoch seconds, or an ISO 8601 date with an optional time and zone, extended or basic. */
  private static final Pattern DATE =
      Pattern.compile(
          "\\d+"
              + "|\\d{4}-\\d{2}-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2}([.,]\\d+)?)?)?"
              + "(Z|[+-]\\d{2}(:?\\d{2})?)?)?"
              + "|\\d{8}(T\\d{2}(\\d{2}(\\d{2}([.,]\\d+)?)?)?(Z|[+-]\\d{2}(\\d{2})?)?)?");

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

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

  private static Set<String> conditionOperators() {
    Set<String> out = new LinkedHashSet<>();
    for (String prefix : List.of("", SET_PREFIXES.get(0), SET_PREFIXES.get(1))) {
      for (String op : BASE_OPERATORS) {
        out.add(prefix + op);
        if (!op.equals("Null")) {
          out.add(prefix + op + "IfExists");
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** The operator without its ForAllValues:/ForAnyValue: prefix and IfExists suffix. */
  private static String baseOperator(String op) {
    for (String prefix : SET_PREFIXES) {
      if (op.startsWith(prefix)) {
        op = op.substring(prefix.length());
      }
    }
    return op.endsWith("IfExists") ? op.substring(0, op.length() - "IfExists".length()) : op;
  }

  /** An IPv4 or IPv6 address, alone or as a CIDR range such as 10.0.0.0/8. */
  static boolean isIpOrCidr(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    int maxBits;
    if (IPV4.matcher(address).matches()) {
      maxBits = 32;
    } else if (isIpv6(address)) {
      maxBits = 128;
    } else {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    String bits = text.substring(slash + 1);
    return bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= maxBits;
  }

  private static boolean isIpv6(String text) {
    int lastColon = text.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    String last = text.substring(lastColon + 1);
    if (last.contains(".")) {
      // An embedded IPv4 address, as in ::ffff:192.0.2.1, takes the place of two groups.
      if (!IPV4.matcher(last).matches()) {
        return false;
      }
      text = text.substring(0, lastColon + 1) + "0:0";
    }
    int gap = text.indexOf("::");
    if (gap < 0) {
      return hexGroups(text) == 8;
    }
    if (text.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int left = hexGroups(text.substring(0, gap));
    int right = hexGroups(text.substring(gap + 2));
    return left >= 0 && right >= 0 && left + right <= 7;
  }

  /** How many colon-separated groups of 1 to 4 hex digits {@code text} is, or -1. */
  private static int hexGroups(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    String[] groups = text.split(":", -1);
    for (String g : groups) {
      if (!HEX_GROUP.matcher(g).matches()) {
        return -1;
      }
    }
    return groups.length;
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
      conflicting(st, path, "Principal");
      conflicting(st, path, "Action");
      conflicting(st, path, "Resource");
      principal(st, path, allow);
      List<Node.Scalar> actions = actions(st, path, allow);
      resources(st, path, allow, actions);
      condition(st.get("Condition"), path + ".Condition");
    }

    /** IAM's grammar takes an element or its Not form, never both. */
    private void conflicting(Node.Mapping st, String path, String element) {
      Node.Field a = st.fields().get(element);
      Node.Field b = st.fields().get("Not" + element);
      if (a == null || b == null) {
        return;
      }
      // The fields keep the order they were written in; the finding points at the second one.
      List<String> order = List.copyOf(st.fields().keySet());
      Node.Field later = order.indexOf(a.key()) > order.indexOf(b.key()) ? a : b;
      out.add(
          new Finding(
              Type.ERROR,
              "CONFLICTING_ELEMENTS",
              "a statement has " + element + " or Not" + element + ", not both; IAM rejects it",
              path + "." + later.key(),
              later.keyPos()));
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

    private void principal(Node.Mapping st, String path, boolean allow) {
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
      // A wildcard in NotPrincipal excludes everyone, which grants nothing, and one in a Deny
      // denies everyone; only a Principal that allows is checked.
      if (!key.equals("Principal") || !allow) {
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

    /** Checks Action and NotAction; returns the Action items, which name what is granted. */
    private List<Node.Scalar> actions(Node.Mapping st, String path, boolean allow) {
      if (st.get("Action") == null && st.get("NotAction") == null) {
        add(Type.ERROR, "MISSING_ACTION", "the statement has no Action", path, st);
        return List.of();
      }
      Node not = st.get("NotAction");
      if (allow && not != null) {
        add(
            Type.SECURITY_WARNING,
            "ALLOW_WITH_NOT_ACTION",
            "Allow with NotAction grants every action of every service except those listed; list"
                + " the actions needed in Action",
            path + ".NotAction",
            not);
      }
      List<Node.Scalar> granted = List.of();
      for (String key : List.of("Action", "NotAction")) {
        Node a = st.get(key);
        if (a == null) {
          continue;
        }
        List<Item> items = strings(a, path + "." + key, "Action");
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
          Node.Scalar s = item.value();
          // Wildcards widen only what an Allow grants; in NotAction or a Deny they narrow it.
          action(s, item.path(), allow && key.equals("Action"));
          if (!seen.add(s.text().toLowerCase(Locale.ROOT))) {
            add(Type.SUGGESTION, "REDUNDANT_ACTION", s.text() + " is listed twice", item.path(), s);
          }
        }
        if (key.equals("Action")) {
          granted = items.stream().map(Item::value).toList();
        }
      }
      return granted;
    }

    private void action(Node.Scalar s, String path, boolean grants) {
      String text = s.text();
      if (text.equals("*")) {
        if (!grants) {
          return;
        }
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
        if (!grants) {
          return;
        }
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
        } else if (grants) {
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
      if (st.get("Resource") == null && st.get("NotResource") == null) {
        if (type == PolicyType.IDENTITY) {
          add(Type.ERROR, "MISSING_RESOURCE", "the statement has no Resource", path, st);
        }
        return;
      }
      for (String key : List.of("Resource", "NotResource")) {
        Node r = st.get(key);
        if (r == null) {
          continue;
        }
        if (type == PolicyType.TRUST) {
          add(
              Type.ERROR,
              "RESOURCE_IN_TRUST_POLICY",
              "a trust policy names no Resource; the role itself is the resource",
              path + "." + key,
              r);
        }
        if (key.equals("Resource")) {
          resourceList(r, path + "." + key, allow, actions);
        } else {
          if (allow) {
            add(
                Type.SECURITY_WARNING,
                "ALLOW_WITH_NOT_RESOURCE",
                "Allow with NotResource applies the actions to every resource except those listed;"
                    + " name the ARNs in Resource",
                path + "." + key,
                r);
          }
          // The ARNs excluded are checked for their shape only: wildcards there narrow the grant.
          resourceList(r, path + "." + key, false, List.of());
        }
      }
    }

    /**
     * Checks each ARN of a Resource (or NotResource) list; {@code grants} when the list widens an
     * Allow, so that wildcards there are warnings; {@code actions} are the actions it is for.
     */
    private void resourceList(Node r, String path, boolean grants, List<Node.Scalar> actions) {
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
      for (Item item : strings(r, path, "Resource")) {
        Node.Scalar s = item.value();
        String p = item.path();
        if (!seen.add(s.text())) {
          add(Type.SUGGESTION, "REDUNDANT_RESOURCE", s.text() + " is listed twice", p, s);
        }
        if (s.text().equals("*")) {
          if (grants && !onlyResourceless) {
            add(
                Type.SECURITY_WARNING,
                "WILDCARD_RESOURCE",
                "Resource \"*\" applies the actions to every resource; name the ARNs",
                p,
                s);
          }
          continue;
        }
        arn(s, p, kmsOnly, keyAction, grants);
      }
    }

    /**
     * Checks an ARN's parts. A part that holds a policy variable such as {@code ${aws:username}} is
     * known only when IAM evaluates the policy, so its shape is not checked.
     */
    private void arn(
        Node.Scalar s, String path, boolean kmsOnly, boolean keyAction, boolean grants) {
      String text = s.text();
      Arn arn = Arn.parse(VARIABLE.matcher(text).replaceAll(VARIABLE_MARK)).orElse(null);
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
      if (hasVariable(arn.partition())) {
        partition = null;
      } else if (arn.partition().contains("*")) {
        if (grants) {
          add(Type.SECURITY_WARNING, "WILDCARD_RESOURCE", "the partition is a wildcard", path, s);
        }
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
      if (!arn.region().isEmpty() && !hasVariable(arn.region())) {
        if (arn.region().contains("*") || arn.region().contains("?")) {
          if (grants
              && arn.region().equals("*")
              && arn.service().equals("kms")
              && arn.resource().matches("key/mrk-[0-9a-f]{32}")) {
            // AWS's documented way to cover every replica of one multi-Region key
            add(
                Type.SUGGESTION,
                "WILDCARD_RESOURCE",
                "the Region is a wildcard for a multi-Region key: this covers every replica of"
                    + " the key; name the Region to allow only one",
                path,
                s);
          } else if (grants) {
            add(
                Type.SECURITY_WARNING,
                "WILDCARD_RESOURCE",
                "the Region is a wildcard; name the Region",
                path,
                s);
          }
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
      if (!arn.account().isEmpty() && !hasVariable(arn.account())) {
        if (arn.account().contains("*") || arn.account().contains("?")) {
          if (grants) {
            add(
                Type.SECURITY_WARNING,
                "WILDCARD_RESOURCE",
                "the account is a wildcard; name the account",
                path,
                s);
          }
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
      if (hasVariable(arn.service())) {
        return;
      }
      if (arn.service().equals("kms")) {
        kmsArn(arn, s, path, keyAction, grants);
      } else if (kmsOnly) {
        add(
            Type.ERROR,
            "RESOURCE_SERVICE_MISMATCH",
            "the statement's actions are KMS actions, but this is a " + arn.service() + " ARN",
            path,
            s);
      }
    }

    private static boolean hasVariable(String part) {
      return part.contains(VARIABLE_MARK);
    }

    private void kmsArn(Arn arn, Node.Scalar s, String path, boolean keyAction, boolean grants) {
      String type = arn.resourceType();
      if (hasVariable(type)) {
        return;
      }
      if (type.equals("key") || type.equals("alias")) {
        // Unlike IAM or S3 ARNs, a KMS ARN always names its Region and account.
        if (arn.region().isEmpty()) {
          add(
              Type.ERROR,
              "INVALID_ARN_REGION",
              "the Region is empty; a KMS " + type + " ARN names the " + type + "'s Region",
              path,
              s);
        }
        if (arn.account().isEmpty()) {
          add(
              Type.ERROR,
              "INVALID_ARN_ACCOUNT",
              "the account is empty; a KMS " + type + " ARN names the " + type + "'s account",
              path,
              s);
        }
      }
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
      if (hasVariable(id)) {
        return;
      }
      if (id.contains("*") || id.contains("?")) {
        if (grants) {
          add(
              Type.SECURITY_WARNING,
              "WILDCARD_RESOURCE",
              "the key ID is a wildcard, so the statement covers every key that matches; name each"
                  + " key",
              path,
              s);
        }
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
        boolean known = CONDITION_OPERATORS.contains(op.key());
        if (!known) {
          out.add(
              new Finding(
                  Type.ERROR,
                  "UNKNOWN_CONDITION_OPERATOR",
                  "\"" + op.key() + "\" is not a condition operator" + operatorHint(op.key()),
                  path + "." + op.key(),
                  op.keyPos()));
        }
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
          conditionValues(
              k.value(),
              path + "." + op.key() + "." + k.key(),
              known ? baseOperator(op.key()) : "");
        }
      }
    }

    private static String operatorHint(String op) {
      if (op.endsWith("IfExists") && baseOperator(op).equals("Null")) {
        return "; Null has no IfExists form";
      }
      return Suggest.hint(op, CONDITION_OPERATORS);
    }

    /**
     * Condition values: text, numbers or booleans, alone or in a list. For {@code operator} (the
     * base operator, or "" when it is unknown) values whose type is plain are checked too, unless
     * they hold a policy variable.
     */
    private void conditionValues(Node n, String path, String operator) {
      List<Node> items = n instanceof Node.Sequence seq ? seq.items() : List.of(n);
      for (Node item : items) {
        if (!(item instanceof Node.Scalar s) || s.isNull()) {
          add(Type.ERROR, "INVALID_CONDITION", "a condition value must be text", path, item);
          continue;
        }
        String problem = s.text().contains("${") ? null : valueProblem(operator, s.text());
        if (problem != null) {
          add(Type.ERROR, "INVALID_CONDITION_VALUE", problem, path, s);
        }
      }
    }

    /** What is wrong with {@code value} for {@code operator}, or null. */
    private static String valueProblem(String operator, String value) {
      if (operator.equals("Bool") || operator.equals("Null")) {
        return BOOLEAN.matcher(value).matches()
            ? null
            : "\"" + value + "\" is not a " + operator + " value; use true or false";
      }
      if (operator.equals("IpAddress") || operator.equals("NotIpAddress")) {
        return isIpOrCidr(value)
            ? null
            : "\""
                + value
                + "\" is not an IP address or CIDR range, such as 203.0.113.0/24 or 2001:db8::/32";
      }
      if (operator.startsWith("Date")) {
        return DATE.matcher(value).matches()
            ? null
            : "\""
                + value
                + "\" is not a date; use ISO 8601, such as 2025-01-31T00:00:00Z, or epoch seconds";
      }
      if (operator.startsWith("Numeric")) {
        return NUMBER.matcher(value).matches() ? null : "\"" + value + "\" is not a number";
      }
      return null;
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
