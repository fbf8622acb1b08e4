package dev.runwright.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the token stream into nodes, resolving anchors, aliases and merge keys. */
final class NodeBuilder {
  private final JsonParser parser;
  private final String name;
  private final boolean isYaml;
  private final Map<String, Node> anchors = new HashMap<>();

  /** Expanded sizes of anchored nodes, by anchor name. */
  private final Map<String, Long> anchorSizes = new HashMap<>();

  /** The expanded size of the value the last call to {@link #value} returned. */
  private long lastSize;

  private long expanded;

  private final YamlReader.DuplicateKeys duplicates;

  /** Receives the items of one list of the root mapping, one at a time. */
  interface Items {
    void item(int index, Node item);
  }

  /** Who gets the items of the root mapping's list under {@link #streamKey}, until it starts. */
  private Items streamTo;

  private String streamKey;

  NodeBuilder(JsonParser parser, String name, boolean isYaml, YamlReader.DuplicateKeys duplicates) {
    this.parser = parser;
    this.name = name;
    this.isYaml = isYaml;
    this.duplicates = duplicates;
  }

  Position pos(JsonLocation loc) {
    return new Position(name, loc.getLineNr(), loc.getColumnNr());
  }

  /**
   * The root value; when it is a mapping, the items of its list under {@code key} go to {@code
   * items} as they are read, and the list is left empty (with its position), so that a large
   * inventory is never held whole. An anchored list is read as usual.
   */
  Node root(JsonToken first, String key, Items items) throws IOException {
    streamTo = items;
    streamKey = key;
    try {
      return value(first);
    } finally {
      streamTo = null;
    }
  }

  Node value(JsonToken token) throws IOException {
    Position at = pos(parser.currentTokenLocation());
    if (isYaml && ((YAMLParser) parser).isCurrentAlias()) {
      String anchor = parser.getText();
      Node target = anchors.get(anchor);
      if (target == null) {
        throw YamlReader.problem(
            at, "uses the alias *" + anchor + ", but no &" + anchor + " comes before it");
      }
      lastSize = anchorSizes.get(anchor);
      count(at, lastSize);
      return target;
    }
    String anchor = isYaml ? ((EventYamlParser) parser).anchor() : null;
    Node node =
        switch (token) {
          case START_OBJECT -> mapping(at);
          case START_ARRAY -> sequence(at);
          case VALUE_NULL -> scalar(parser.getText(), Node.Style.NULL, at);
          case VALUE_STRING -> scalar(parser.getText(), styleOfString(), at);
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
              scalar(parser.getText(), Node.Style.PLAIN, at);
          case VALUE_EMBEDDED_OBJECT ->
              throw YamlReader.problem(at, "holds binary data (!!binary); expected text");
          default -> throw YamlReader.problem(at, "has an unexpected " + token);
        };
    if (anchor != null) {
      anchors.put(anchor, node);
      anchorSizes.put(anchor, lastSize);
    }
    return node;
  }

  private Node.Style styleOfString() {
    if (!isYaml) {
      return Node.Style.QUOTED;
    }
    // Jackson reports plain YAML text that is not a number or boolean as a string too, so ask
    // SnakeYAML how it was written: v: "" is text, v: with nothing after it is not.
    return ((EventYamlParser) parser).isPlain() ? Node.Style.PLAIN : Node.Style.QUOTED;
  }

  private Node scalar(String text, Node.Style style, Position at) {
    if (style == Node.Style.PLAIN && (text == null || text.isEmpty()) && isYaml) {
      style = Node.Style.NULL; // "key:" with nothing after it
    }
    count(at, 1);
    lastSize = 1;
    return new Node.Scalar(text == null ? "" : text, style, at);
  }

  private Node mapping(Position at) throws IOException {
    Items stream = streamTo;
    streamTo = null; // only the root mapping's list
    Map<String, Node.Field> fields = new LinkedHashMap<>();
    List<Node> merges = new ArrayList<>();
    long size = 1;
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyPos = pos(parser.currentTokenLocation());
      JsonToken next = parser.nextToken();
      Node value =
          stream != null && key.equals(streamKey) && streamable(next)
              ? streamed(stream)
              : value(next);
      size += lastSize;
      if (isYaml && key.equals("<<")) {
        merges.add(value);
        continue;
      }
      Node.Field previous = fields.get(key);
      if (previous != null && duplicates != null) {
        duplicates.found(key, previous.keyPos(), keyPos);
        fields.remove(key);
      } else if (previous != null) {
        throw YamlReader.problem(
            keyPos,
            "duplicate key \""
                + key
                + "\" (first at line "
                + previous.keyPos().line()
                + "); each key may appear once");
      }
      fields.put(key, new Node.Field(key, keyPos, value));
    }
    if (t != JsonToken.END_OBJECT) {
      throw YamlReader.problem(at, "has an unexpected " + t);
    }
    for (Node merge : merges) {
      mergeInto(fields, merge, at);
    }
    count(at, 1);
    lastSize = size;
    return new Node.Mapping(fields, at);
  }

  /** YAML's merge key: keys written in the mapping win over merged ones. */
  private void mergeInto(Map<String, Node.Field> fields, Node merge, Position at) {
    if (merge instanceof Node.Sequence seq) {
      seq.items().forEach(item -> mergeInto(fields, item, at));
    } else if (merge instanceof Node.Mapping m) {
      m.fields().forEach(fields::putIfAbsent);
    } else {
      throw YamlReader.problem(merge.pos(), "has a merge key (<<) whose value is not a mapping");
    }
  }

  private boolean streamable(JsonToken t) {
    return isYaml
        && t == JsonToken.START_ARRAY
        && !((YAMLParser) parser).isCurrentAlias()
        && ((EventYamlParser) parser).anchor() == null;
  }

  /** A list whose items go to {@code items} one by one: an empty list where it was. */
  private Node streamed(Items items) throws IOException {
    Position at = pos(parser.currentTokenLocation());
    long size = 1;
    int i = 0;
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw YamlReader.problem(at, "ends inside a list");
      }
      Node item = value(t);
      size += lastSize;
      items.item(i++, item);
    }
    count(at, 1);
    lastSize = size;
    return new Node.Sequence(List.of(), at);
  }

  private Node sequence(Position at) throws IOException {
    List<Node> items = new ArrayList<>();
    long size = 1;
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw YamlReader.problem(at, "ends inside a list");
      }
      items.add(value(t));
      size += lastSize;
    }
    count(at, 1);
    lastSize = size;
    return new Node.Sequence(items, at);
  }

  private void count(Position at, long n) {
    expanded += n;
    if (expanded > YamlReader.MAX_EXPANDED_NODES) {
      throw YamlReader.problem(
          at,
          "expands to more than "
              + YamlReader.MAX_EXPANDED_NODES
              + " values through aliases; refusing it (a \"billion laughs\" file?)");
    }
  }
}
