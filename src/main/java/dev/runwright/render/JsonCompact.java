package dev.runwright.render;

import java.util.List;
import java.util.Map;

/** JSON values written on one line, with no spaces: a policy as an API parameter takes it. */
final class JsonCompact {
  private JsonCompact() {}

  static String of(Object v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb) {
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ",")
            .append(Escape.jsonString(String.valueOf(e.getKey())))
            .append(':');
        write(e.getValue(), sb);
        first = false;
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        write(l.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof String s) {
      sb.append(Escape.jsonString(s));
    } else if (v == JsonTree.NULL || v == null) {
      sb.append("null");
    } else {
      sb.append(v);
    }
  }
}
