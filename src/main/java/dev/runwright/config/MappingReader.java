package dev.runwright.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the fields of one YAML mapping for a fixed set of keys, reporting wrong shapes and unknown
 * keys (with the nearest known key) to a {@link Diagnostics}.
 */
public final class MappingReader {
  private final Node.Mapping mapping;
  private final String subject;
  private final Diagnostics diagnostics;

  /**
   * @param node the node that should be a mapping
   * @param subject how messages name it, such as "pack.yaml" or "runbooks[2]"; may be empty
   * @param diagnostics where problems go
   */
  public MappingReader(Node node, String subject, Diagnostics diagnostics) {
    this.subject = subject;
    this.diagnostics = diagnostics;
    if (node instanceof Node.Mapping m) {
      this.mapping = m;
    } else {
      diagnostics.error(node.pos(), subject, "is " + node.kind() + "; expected a mapping of keys");
      this.mapping = null;
    }
  }

  public boolean ok() {
    return mapping != null;
  }

  public Node.Mapping mapping() {
    return mapping;
  }

  private String sub(String key) {
    return subject.isEmpty() ? key : subject + "." + key;
  }

  /** Reports keys outside {@code known}, suggesting the nearest known key. */
  public void refuseUnknown(Collection<String> known, String what) {
    if (mapping == null) {
      return;
    }
    for (Node.Field f : mapping.fields().values()) {
      if (!known.contains(f.key())) {
        diagnostics.error(
            f.keyPos(),
            subject,
            "unknown " + what + " \"" + f.key() + "\"" + Suggest.hint(f.key(), known));
      }
    }
  }

  public Node node(String key) {
    return mapping == null ? null : mapping.get(key);
  }

  /** A text value, or {@code null} when absent (reported when required). */
  public String text(String key, boolean required) {
    Node n = node(key);
    if (n == null || (n instanceof Node.Scalar s && s.isNull())) {
      if (required && mapping != null) {
        diagnostics.error(mapping.pos(), subject, "is missing the required key \"" + key + "\"");
      }
      return null;
    }
    if (n instanceof Node.Scalar s) {
      return s.text();
    }
    diagnostics.error(n.pos(), sub(key), "is " + n.kind() + "; expected a single value");
    return null;
  }

  /** A true/false value. */
  public boolean flag(String key, boolean dflt) {
    String t = text(key, false);
    if (t == null) {
      return dflt;
    }
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    diagnostics.error(node(key).pos(), sub(key), Values.show(t) + " is not true or false");
    return dflt;
  }

  /** A whole number, or {@code null} when absent. */
  public Integer integer(String key) {
    String t = text(key, false);
    if (t == null) {
      return null;
    }
    if (t.matches("-?\\d{1,9}")) {
      return Integer.valueOf(t);
    }
    diagnostics.error(node(key).pos(), sub(key), Values.show(t) + " is not a whole number");
    return null;
  }

  /** A list of text values; a single value counts as a list of one. */
  public List<String> texts(String key) {
    Node n = node(key);
    List<String> out = new ArrayList<>();
    if (n == null || (n instanceof Node.Scalar s0 && s0.isNull())) {
      return out;
    }
    if (n instanceof Node.Scalar s) {
      out.add(s.text());
      return out;
    }
    if (n instanceof Node.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        Node item = seq.items().get(i);
        if (item instanceof Node.Scalar s && !s.isNull()) {
          out.add(s.text());
        } else {
          diagnostics.error(
              item.pos(), sub(key) + "[" + i + "]", "is " + item.kind() + "; expected text");
        }
      }
      return out;
    }
    diagnostics.error(n.pos(), sub(key), "is " + n.kind() + "; expected a list");
    return out;
  }
}
