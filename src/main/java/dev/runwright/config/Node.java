package dev.runwright.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON value with the position it was read from. Scalars keep the exact text the user
 * wrote, so {@code account: 012345678901} stays those twelve characters and never becomes a number.
 */
public sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

  Position pos();

  /** How the value reads in a message: "a text value", "a list", "a mapping". */
  String kind();

  /** How a scalar was written. */
  enum Style {
    /** Unquoted YAML, or a JSON number or boolean. */
    PLAIN,
    /** Quoted, or a block scalar: always text. */
    QUOTED,
    /** An unquoted {@code ~}, {@code null} or nothing at all. */
    NULL
  }

  /** A single value, kept as written. */
  record Scalar(String text, Style style, Position pos) implements Node {
    @Override
    public String kind() {
      return style == Style.NULL ? "an empty value" : "a single value";
    }

    public boolean isNull() {
      return style == Style.NULL;
    }
  }

  /** A key of a mapping, with where the key itself was written. */
  record Field(String key, Position keyPos, Node value) {}

  /** A mapping whose keys keep the order they were written in. */
  record Mapping(Map<String, Field> fields, Position pos) implements Node {
    public Mapping {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String kind() {
      return "a mapping";
    }

    public Node get(String key) {
      Field f = fields.get(key);
      return f == null ? null : f.value();
    }
  }

  /** A list of values. */
  record Sequence(List<Node> items, Position pos) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }
}
