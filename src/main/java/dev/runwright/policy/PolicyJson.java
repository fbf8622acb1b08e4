package dev.runwright.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runwright.render.Escape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON with Jackson and writes it canonically: a fixed key order (IAM's usual order for
 * policy elements), two-space indent, one array item per line, {@code \n} line ends and a final
 * newline. The same input always gives the same bytes. Thread-safe.
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

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** The parse failed; the message is Jackson's, with line and column. */
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
  public JsonNode parse(String text) throws InvalidJson {
    if (text.isBlank()) {
      // Jackson reads no content as a MissingNode, which would be written as a lone line break.
      throw new InvalidJson("the text is empty; expected a JSON value", 1, 1);
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new InvalidJson(
          e.getOriginalMessage(),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    }
  }

  /** {@code policy} written canonically, with IAM's element order. */
  public String writePolicy(JsonNode policy) {
    StringBuilder sb = new StringBuilder(512);
    write(policy, sb, 0, Level.POLICY);
    return sb.append('\n').toString();
  }

  /** Any JSON written canonically, keeping the order of keys as they are. */
  public String writePlain(JsonNode json) {
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

  private void write(JsonNode node, StringBuilder sb, int indent, Level level) {
    if (node instanceof ObjectNode obj) {
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
    } else if (node instanceof ArrayNode arr) {
      if (arr.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < arr.size(); i++) {
        pad(sb, indent + 1);
        write(arr.get(i), sb, indent + 1, level == Level.STATEMENTS ? Level.STATEMENT : level);
        sb.append(i + 1 < arr.size() ? ",\n" : "\n");
      }
      pad(sb, indent);
      sb.append(']');
    } else if (node.isTextual()) {
      sb.append(Escape.jsonString(node.textValue()));
    } else {
      sb.append(node.toString()); // numbers, booleans and null as Jackson writes them
    }
  }

  private static Level childLevel(Level level, String key) {
    return switch (level) {
      case POLICY -> key.equals("Statement") ? Level.STATEMENTS : Level.SORTED;
      case STATEMENTS, STATEMENT, SORTED -> Level.SORTED;
      case PLAIN -> Level.PLAIN;
    };
  }

  private static List<String> orderedKeys(ObjectNode obj, Level level) {
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      keys.add(it.next().getKey());
    }
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
            return Integer.compare(ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
          }
          return a.compareTo(b);
        });
    return keys;
  }

  private static void pad(StringBuilder sb, int indent) {
    sb.append("  ".repeat(indent));
  }
}
