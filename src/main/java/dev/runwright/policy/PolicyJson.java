package dev.runwright.policy;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.config.YamlReader;
import dev.runwright.render.Escape;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses JSON strictly (no duplicate keys, nothing after the value) and writes it canonically: a
 * fixed key order (IAM's usual order for policy elements), two-space indent, one array item per
 * line, {@code \n} line ends and a final newline. The same input always gives the same bytes. Works
 * on Runwright's own {@link Node} tree, read by Jackson's streaming parser. Thread-safe.
 */
public final class PolicyJson {
  private static final List<String> POLICY_ORDER = List.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_ORDER =
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

  private final YamlReader reader;

  public PolicyJson(YamlReader reader) {
    this.reader = reader;
  }

  /** The parse failed; the message says why, with line and column. */
  public static final class InvalidJson extends Exception {
    private final int line;
    private final int column;

    InvalidJson(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /** Parses {@code text} into a tree. */
  public Node parse(String text) throws InvalidJson {
    if (text.isBlank()) {
      throw new InvalidJson("the text is empty; expected a JSON value", 1, 1);
    }
    try {
      return reader.parseJson(text, "json");
    } catch (InvalidInputException e) {
      Diagnostic d = e.diagnostics().get(0);
      throw new InvalidJson(
          d.message().replaceFirst("^is not valid JSON: ", ""),
          d.where() == null ? 0 : d.where().line(),
          d.where() == null ? 0 : d.where().column());
    }
  }

  /** {@code policy} written canonically, with IAM's element order. */
  public String writePolicy(Node policy) {
    StringBuilder sb = new StringBuilder(512);
    write(policy, sb, 0, Level.POLICY);
    return sb.append('\n').toString();
  }

  /** Any JSON written canonically, keeping the order of keys as they are. */
  public String writePlain(Node json) {
    StringBuilder sb = new StringBuilder(512);
    write(json, sb, 0, Level.PLAIN);
    return sb.append('\n').toString();
  }

  private enum Level {
    POLICY,
    STATEMENTS,
    STATEMENT,
    SORTED,
    PLAIN
  }

  private void write(Node node, StringBuilder sb, int indent, Level level) {
    if (node instanceof Node.Mapping obj) {
      List<String> keys = orderedKeys(obj, level);
      if (keys.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i);
        pad(sb, indent + 1);
        sb.append(Escape.jsonString(key)).append(": ");
        write(obj.get(key), sb, indent + 1, childLevel(level, key));
        sb.append(i + 1 < keys.size() ? ",\n" : "\n");
      }
      pad(sb, indent);
      sb.append('}');
    } else if (node instanceof Node.Sequence arr) {
      if (arr.items().isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < arr.items().size(); i++) {
        pad(sb, indent + 1);
        write(
            arr.items().get(i),
            sb,
            indent + 1,
            level == Level.STATEMENTS ? Level.STATEMENT : level);
        sb.append(i + 1 < arr.items().size() ? ",\n" : "\n");
      }
      pad(sb, indent);
      sb.append(']');
    } else {
      Node.Scalar s = (Node.Scalar) node;
      switch (s.style()) {
        case QUOTED -> sb.append(Escape.jsonString(s.text()));
        case NULL -> sb.append("null");
        default -> sb.append(s.text()); // numbers and booleans as written
      }
    }
  }

  private static Level childLevel(Level level, String key) {
    return switch (level) {
      case POLICY -> key.equals("Statement") ? Level.STATEMENTS : Level.SORTED;
      case STATEMENTS, STATEMENT, SORTED -> Level.SORTED;
      case PLAIN -> Level.PLAIN;
    };
  }

  private static List<String> orderedKeys(Node.Mapping obj, Level level) {
    List<String> keys = new ArrayList<>(obj.fields().keySet());
    if (level == Level.PLAIN) {
      return keys;
    }
    List<String> order =
        switch (level) {
          case POLICY -> POLICY_ORDER;
          case STATEMENTS, STATEMENT -> STATEMENT_ORDER;
          default -> List.of();
        };
    keys.sort(
        (a, b) -> {
          int ia = order.indexOf(a);
          int ib = order.indexOf(b);
          if (ia >= 0 || ib >= 0) {
            return Integer.compare(
                ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
          }
          return a.compareTo(b);
        });
    return keys;
  }

  private static void pad(StringBuilder sb, int indent) {
    sb.append("  ".repeat(indent));
  }
}
