package dev.runwright.policy;

import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.policy.PolicyLinter.Options;
import dev.runwright.policy.PolicyLinter.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link LintRule} sees of one policy: the text, the parsed tree with positions, the
 * options, the policy type, the statements and AWS's service reference; and where it reports. One
 * per policy checked; not thread-safe.
 */
public final class LintContext {

  /**
   * One statement object.
   *
   * @param node the statement
   * @param path its JSON path, such as {@code $.Statement[0]}
   * @param allow whether its Effect is exactly {@code Allow}
   */
  public record Statement(Node.Mapping node, String path, boolean allow) {
    /** The value of {@code key}, or null. */
    public Node get(String key) {
      return node.get(key);
    }

    /**
     * The JSON strings of {@code key}'s value (Action, Resource, ...): the value itself or each
     * list item, with its own path. Values that are not strings are left out (the grammar rule
     * reports them), so list indexes still count every item.
     */
    public List<Item> items(String key) {
      Node n = node.get(key);
      if (n == null) {
        return List.of();
      }
      List<Item> out = new ArrayList<>();
      List<Node> items = n instanceof Node.Sequence seq ? seq.items() : List.of(n);
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof Node.Scalar s && s.style() == Node.Style.QUOTED) {
          out.add(
              new Item(
                  s,
                  n instanceof Node.Sequence
                      ? path + "." + key + "[" + i + "]"
                      : path + "." + key));
        }
      }
      return out;
    }
  }

  /** A JSON string in a statement, with its path. */
  public record Item(Node.Scalar value, String path) {
    public String text() {
      return value.text();
    }
  }

  private final String text;
  private final String source;
  private final Node root;
  private final Options options;
  private final PolicyType type;
  private final ServiceReference services;
  private final List<Statement> statements;
  private final List<Finding> out;

  LintContext(
      String text,
      String source,
      Node root,
      Options options,
      ServiceReference services,
      List<Finding> out) {
    this.text = text;
    this.source = source;
    this.root = root;
    this.options = options;
    this.services = services;
    this.out = out;
    this.statements = statements(root);
    this.type = options.type() == PolicyType.AUTO ? guessType(statements) : options.type();
  }

  /** The policy as written. */
  public String text() {
    return text;
  }

  /** The name of the file, for positions that no node has. */
  public String source() {
    return source;
  }

  /** The parsed policy, which may be any JSON value. */
  public Node root() {
    return root;
  }

  /** The policy object, when the policy is one. */
  public Optional<Node.Mapping> top() {
    return root instanceof Node.Mapping m ? Optional.of(m) : Optional.empty();
  }

  public Options options() {
    return options;
  }

  /** The policy's type: the one asked for, or for AUTO, trust when a statement has a Principal. */
  public PolicyType type() {
    return type;
  }

  /** The statements that are JSON objects, in order. */
  public List<Statement> statements() {
    return statements;
  }

  public ServiceReference services() {
    return services;
  }

  /** Reports a finding about {@code node}. */
  public void report(FindingCode code, String path, Node node, String message) {
    report(code, path, node.pos(), message);
  }

  /** Reports a finding at {@code at}, such as the position of a key. */
  public void report(FindingCode code, String path, Position at, String message) {
    out.add(new Finding(code, message, path, at));
  }

  private static List<Statement> statements(Node root) {
    Node st = root instanceof Node.Mapping m ? m.get("Statement") : null;
    List<Statement> out = new ArrayList<>();
    if (st instanceof Node.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        if (seq.items().get(i) instanceof Node.Mapping s) {
          out.add(statement(s, "$.Statement[" + i + "]"));
        }
      }
    } else if (st instanceof Node.Mapping s) {
      out.add(statement(s, "$.Statement"));
    }
    return List.copyOf(out);
  }

  private static Statement statement(Node.Mapping s, String path) {
    return new Statement(
        s, path, s.get("Effect") instanceof Node.Scalar e && e.text().equals("Allow"));
  }

  private static PolicyType guessType(List<Statement> statements) {
    for (Statement s : statements) {
      if (s.get("Principal") != null || s.get("NotPrincipal") != null) {
        return PolicyType.TRUST;
      }
    }
    return PolicyType.IDENTITY;
  }
}
