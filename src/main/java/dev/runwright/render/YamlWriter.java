package dev.runwright.render;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON values as block YAML, two spaces of indent per level, every string double-quoted (so that
 * {@code "2012-10-17"} stays text and no value is read as another type), for CloudFormation
 * templates and SSM documents that hold a policy as YAML.
 */
final class YamlWriter {
  private YamlWriter() {}

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * {@code value} as the value of a mapping key at {@code indent}: a scalar follows on the same
   * line; a mapping or sequence starts on the next line, one level in.
   */
  static String value(Object v, int indent) {
    StringBuilder sb = new StringBuilder();
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      sb.append('\n');
      mapping(m, indent + 2, sb);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      sb.append('\n');
      sequence(l, indent + 2, sb);
    } else {
      sb.append(' ').append(scalar(v));
    }
    String out = sb.toString();
    return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
  }

  private static void mapping(Map<?, ?> m, int indent, StringBuilder sb) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
      child(e.getValue(), indent, sb);
    }
  }

  private static void sequence(List<?> l, int indent, StringBuilder sb) {
    for (Object item : l) {
      sb.append(" ".repeat(indent)).append('-');
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        // The first key on the dash's line, the others under it.
        StringBuilder inner = new StringBuilder();
        mapping(m, indent + 2, inner);
        sb.append(' ').append(inner.substring(indent + 2));
      } else {
        child(item, indent, sb);
      }
    }
  }

  private static void child(Object v, int indent, StringBuilder sb) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      sb.append('\n');
      mapping(m, indent + 2, sb);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      sb.append('\n');
      sequence(l, indent + 2, sb);
    } else {
      sb.append(' ').append(scalar(v)).append('\n');
    }
  }

  private static String scalar(Object v) {
    if (v == JsonTree.NULL || v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return Escape.yamlString(s);
    }
    if (v instanceof Map<?, ?>) {
      return "{}";
    }
    if (v instanceof List<?>) {
      return "[]";
    }
    return v.toString();
  }

  /** YAML words that a plain key would turn into a boolean or null (Null is a condition key). */
  private static final java.util.Set<String> WORDS =
      java.util.Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

  private static String key(Object k) {
    String s = String.valueOf(k);
    return PLAIN_KEY.matcher(s).matches() && !WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))
        ? s
        : Escape.yamlString(s);
  }
}
