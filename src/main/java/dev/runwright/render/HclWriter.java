package dev.runwright.render;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON values as an HCL expression, laid out the way {@code terraform fmt} lays out an object
 * constructor: two spaces of indent per level, one attribute per line, the {@code =} of consecutive
 * single-line attributes aligned, and a multi-line value ending the run it is in. Strings go
 * through {@link Escape#hclString}, so {@code ${aws:username}} in a policy stays the text it was
 * ({@code $${...}}), and {@code jsonencode(...)} of the result gives back the JSON.
 */
final class HclWriter {
  private HclWriter() {}

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** {@code value} as an expression whose first line continues a line at {@code indent}. */
  static String expression(Object value, int indent) {
    StringBuilder sb = new StringBuilder();
    write(value, indent, sb);
    return sb.toString();
  }

  private static void write(Object v, int indent, StringBuilder sb) {
    if (v instanceof Map<?, ?> m) {
      object(m, indent, sb);
    } else if (v instanceof List<?> l) {
      list(l, indent, sb);
    } else {
      sb.append(scalar(v));
    }
  }

  private static String scalar(Object v) {
    if (v == JsonTree.NULL || v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return Escape.hclString(s);
    }
    return v.toString();
  }

  private static boolean simple(Object v) {
    return !(v instanceof Map<?, ?> m && !m.isEmpty())
        && !(v instanceof List<?> l && l.stream().anyMatch(i -> !simple(i) || i instanceof List));
  }

  private static void object(Map<?, ?> m, int indent, StringBuilder sb) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    String pad = " ".repeat(indent + 2);
    List<? extends Map.Entry<?, ?>> entries = List.copyOf(m.entrySet());
    sb.append("{\n");
    int i = 0;
    while (i < entries.size()) {
      // A run of single-line attributes shares one column for its "=".
      int end = i;
      int width = 0;
      while (end < entries.size() && oneLine(entries.get(end).getValue(), indent + 2)) {
        width = Math.max(width, key(entries.get(end).getKey()).length());
        end++;
      }
      if (end == i) {
        Map.Entry<?, ?> e = entries.get(i);
        sb.append(pad).append(key(e.getKey())).append(" = ");
        write(e.getValue(), indent + 2, sb);
        sb.append('\n');
        i++;
        continue;
      }
      for (int k = i; k < end; k++) {
        Map.Entry<?, ?> e = entries.get(k);
        String key = key(e.getKey());
        sb.append(pad).append(key).append(" ".repeat(width - key.length())).append(" = ");
        write(e.getValue(), indent + 2, sb);
        sb.append('\n');
      }
      i = end;
    }
    sb.append(" ".repeat(indent)).append('}');
  }

  /** Whether a value is written on one line. */
  private static boolean oneLine(Object v, int indent) {
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return l.stream().allMatch(i -> !(i instanceof Map || i instanceof List))
          && inline(l).length() + indent <= 100;
    }
    return true;
  }

  private static String inline(List<?> l) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < l.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(scalar(l.get(i)));
    }
    return sb.append(']').toString();
  }

  private static void list(List<?> l, int indent, StringBuilder sb) {
    if (oneLine(l, indent)) {
      sb.append(inline(l));
      return;
    }
    String pad = " ".repeat(indent + 2);
    sb.append("[\n");
    for (Object item : l) {
      sb.append(pad);
      write(item, indent + 2, sb);
      sb.append(",\n");
    }
    sb.append(" ".repeat(indent)).append(']');
  }

  /** An attribute name: bare when HCL allows it, else a quoted string. */
  private static String key(Object k) {
    String s = String.valueOf(k);
    return IDENTIFIER.matcher(s).matches() ? s : Escape.hclString(s);
  }

  /** Whether {@code value} needs nothing but scalars (for tests and callers that care). */
  static boolean isSimple(Object value) {
    return simple(value);
  }
}
