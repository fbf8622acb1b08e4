package dev.runwright.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads YAML (and JSON, which is YAML) into {@link Node}s, refusing what would silently change the
 * meaning: duplicate keys, more than one document, invalid UTF-8, oversized files and alias bombs.
 * Thread-safe: the factories are built once and parsers are per call.
 */
public final class YamlReader {
  /** Larger files are refused before they are read. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** How many values aliases may expand to in all, so that a "billion laughs" file fails fast. */
  static final long MAX_EXPANDED_NODES = 5_000_000;

  private final long maxBytes;
  private final YAMLFactory yaml;
  private final JsonFactory json;

  public YamlReader() {
    this(DEFAULT_MAX_BYTES);
  }

  public YamlReader(long maxBytes) {
    this.maxBytes = maxBytes;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes + 1));
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both positions
    StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(200).build();
    this.yaml =
        new EventYamlFactory(
            YAMLFactory.builder().loaderOptions(options).streamReadConstraints(limits));
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(limits)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
  }

  /** The size limit in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Reads a YAML file.
   *
   * @param file the file
   * @param name how to name the file in messages (usually the path as the user typed it)
   * @throws InvalidInputException when the file cannot be read or is not acceptable YAML
   */
  public Node read(Path file, String name) {
    return parse(readText(file, name), shown(file, name));
  }

  /** The file name {@code -}, which stands for standard input, as in most command-line tools. */
  public static boolean isStdin(Path file) {
    return file.toString().equals("-");
  }

  /** How a file is named in messages: {@code <stdin>} for standard input, else {@code name}. */
  public static String shown(Path file, String name) {
    return isStdin(file) ? "<stdin>" : name;
  }

  /** Reads a YAML file as strict UTF-8 text, within the size limit. */
  public String readText(Path file, String name) {
    return readText(file, name, "a YAML file");
  }

  /**
   * Reads a file as strict UTF-8 text, within the size limit; {@code expected} names what the file
   * should be, such as "a JSON policy file", for when it is a folder.
   */
  public String readText(Path file, String name, String expected) {
    Position at = new Position(shown(file, name), 0, 0);
    if (isStdin(file)) {
      return decodeUtf8(Stdin.read(maxBytes, at), at.source());
    }
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw problem(at, "is a directory; expected " + expected);
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw problem(
            at,
            "is "
                + size
                + " bytes; Runwright reads files of at most "
                + maxBytes
                + " bytes (--max-input-bytes raises the limit)");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw problem(at, "does not exist");
    } catch (IOException e) {
      throw problem(at, "cannot be read: " + e.getMessage());
    }
    return decodeUtf8(bytes, name);
  }

  /** Parses YAML text; {@code name} is used in positions and messages. */
  public Node parse(String text, String name) {
    return build(text, name, true);
  }

  /** Parses JSON text with positions (JSON is read by the JSON parser, not as YAML). */
  public Node parseJson(String text, String name) {
    return build(text, name, false, null);
  }

  /** Receives each duplicate key instead of failing: the key, and where it was written first. */
  public interface DuplicateKeys {
    void found(String key, Position first, Position again);
  }

  /**
   * Parses JSON text with positions; a duplicate key goes to {@code duplicates} and the later value
   * wins, as it does in most JSON readers (and in IAM).
   */
  public Node parseJson(String text, String name, DuplicateKeys duplicates) {
    return build(text, name, false, duplicates);
  }

  private Node build(String text, String name, boolean isYaml) {
    return build(text, name, isYaml, null);
  }

  private Node build(String text, String name, boolean isYaml, DuplicateKeys duplicates) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    try (JsonParser parser = isYaml ? yaml.createParser(text) : json.createParser(text)) {
      Builder b = new Builder(parser, name, isYaml, duplicates);
      JsonToken first = parser.nextToken();
      if (first == null) {
        String expected = isYaml ? "a mapping of settings" : "a JSON value";
        throw problem(new Position(name, 1, 1), "is empty; expected " + expected);
      }
      Node root = b.value(first);
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw problem(
            b.pos(parser.currentTokenLocation()),
            isYaml
                ? "has more than one YAML document; put everything in one document"
                : "has content after the end of the JSON value");
      }
      return root;
    } catch (JsonProcessingException e) {
      Position at = syntaxPosition(e, name);
      Position comma = isYaml ? null : trailingComma(text, at);
      if (comma != null) {
        throw problem(
            comma,
            "is not valid JSON: a trailing comma; JSON allows no comma after the last item of a"
                + " list or object (remove it)");
      }
      throw problem(at, syntaxMessage(e, isYaml));
    } catch (IOException e) {
      throw problem(new Position(name, 0, 0), "cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof InvalidInputException iie) {
        throw iie;
      }
      // SnakeYAML reports some problems (bad characters, limits) as its own unchecked exceptions.
      throw problem(new Position(name, 0, 0), "is not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  /**
   * {@code bytes} as strict UTF-8 text.
   *
   * @throws InvalidInputException naming {@code name}, line and column of the first bad byte
   */
  public static String decodeUtf8(byte[] bytes, String name) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      // The column counts characters, as SnakeYAML's do: the bytes before it are valid UTF-8.
      String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
      throw problem(
          new Position(name, line, before.codePointCount(0, before.length()) + 1),
          String.format(
              "is not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8",
              bytes[offset] & 0xff, offset));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /**
   * Where the comma is, when a JSON syntax error at {@code at} is a {@code ]} or {@code }} right
   * after a comma (the error in AWS's own example policy), or {@code null}.
   */
  private static Position trailingComma(String text, Position at) {
    if (at.line() < 1 || at.column() < 1) {
      return null;
    }
    int offset = 0;
    for (int line = 1; line < at.line(); line++) {
      offset = text.indexOf('\n', offset) + 1;
      if (offset == 0) {
        return null;
      }
    }
    offset += at.column() - 1;
    if (offset >= text.length() || (text.charAt(offset) != ']' && text.charAt(offset) != '}')) {
      return null;
    }
    int i = offset - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i < 0 || text.charAt(i) != ',') {
      return null;
    }
    int lineStart = text.lastIndexOf('\n', i) + 1;
    int line = 1;
    for (int k = 0; k < lineStart; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return new Position(at.source(), line, i - lineStart + 1);
  }

  private static Position syntaxPosition(JsonProcessingException e, String name) {
    // SnakeYAML's problem mark is where the problem is (a tab used for indentation); Jackson's
    // location is where its parser stood, which can be the end of the line before.
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      return new Position(name, mark.getLine() + 1, mark.getColumn() + 1);
    }
    JsonLocation loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 1) {
      return new Position(name, 0, 0);
    }
    return new Position(name, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static String syntaxMessage(JsonProcessingException e, boolean isYaml) {
    String raw = e.getOriginalMessage();
    if (raw == null) {
      raw = e.getClass().getSimpleName();
    }
    // SnakeYAML's messages span several lines with a caret picture; keep the sentence.
    StringBuilder sb = new StringBuilder();
    for (String line : raw.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("in 'reader'") || t.startsWith("^") || t.startsWith("in '")) {
        continue;
      }
      if (line.startsWith("    ")) {
        continue; // the quoted source line
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t);
    }
    String text = sb.toString().strip();
    if (isYaml && text.startsWith("Invalid base-8 number")) {
      // account: !!int 012345678901 -- the tag forces a number, and a leading 0 means octal
      return "has an explicit !!int tag on a value with a leading 0, which YAML reads as a base-8"
          + " number; Runwright reads values as text, so drop the tag and quote the value"
          + " (\"012345678901\")";
    }
    return (isYaml ? "is not valid YAML: " : "is not valid JSON: ") + text;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static InvalidInputException problem(Position at, String message) {
    return new InvalidInputException(Diagnostic.error(at, "", message));
  }

  /** Turns the token stream into nodes, resolving anchors, aliases and merge keys. */
  private static final class Builder {
    private final JsonParser parser;
    private final String name;
    private final boolean isYaml;
    private final Map<String, Node> anchors = new HashMap<>();

    /** Expanded sizes of anchored nodes, by anchor name. */
    private final Map<String, Long> anchorSizes = new HashMap<>();

    /** The expanded size of the value the last call to {@link #value} returned. */
    private long lastSize;

    private long expanded;

    private final DuplicateKeys duplicates;

    Builder(JsonParser parser, String name, boolean isYaml, DuplicateKeys duplicates) {
      this.parser = parser;
      this.name = name;
      this.isYaml = isYaml;
      this.duplicates = duplicates;
    }

    Position pos(JsonLocation loc) {
      return new Position(name, loc.getLineNr(), loc.getColumnNr());
    }

    Node value(JsonToken token) throws IOException {
      Position at = pos(parser.currentTokenLocation());
      if (isYaml && ((YAMLParser) parser).isCurrentAlias()) {
        String anchor = parser.getText();
        Node target = anchors.get(anchor);
        if (target == null) {
          throw problem(
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
                throw problem(at, "holds binary data (!!binary); expected text");
            default -> throw problem(at, "has an unexpected " + token);
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
      Map<String, Node.Field> fields = new LinkedHashMap<>();
      List<Node> merges = new ArrayList<>();
      long size = 1;
      JsonToken t;
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        Position keyPos = pos(parser.currentTokenLocation());
        Node value = value(parser.nextToken());
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
          throw problem(
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
        throw problem(at, "has an unexpected " + t);
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
        throw problem(merge.pos(), "has a merge key (<<) whose value is not a mapping");
      }
    }

    private Node sequence(Position at) throws IOException {
      List<Node> items = new ArrayList<>();
      long size = 1;
      JsonToken t;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw problem(at, "ends inside a list");
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
      if (expanded > MAX_EXPANDED_NODES) {
        throw problem(
            at,
            "expands to more than "
                + MAX_EXPANDED_NODES
                + " values through aliases; refusing it (a \"billion laughs\" file?)");
      }
    }
  }

  /**
   * A YAML factory whose parsers say what Jackson's do not: the anchor of a single value (Jackson
   * 2.20 gives anchors only for mappings and lists) and whether the value was quoted.
   */
  private static final class EventYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    EventYamlFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
      return new EventYamlParser(
          ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  /** A YAML parser that reads the SnakeYAML event behind the current token. */
  private static final class EventYamlParser extends YAMLParser {
    EventYamlParser(
        IOContext ctxt,
        int parserFeatures,
        int yamlFeatures,
        LoaderOptions options,
        ObjectCodec codec,
        Reader r) {
      super(ctxt, parserFeatures, yamlFeatures, options, codec, r);
    }

    /** The anchor ({@code &name}) of the current value, or {@code null}. */
    String anchor() {
      return _lastEvent instanceof NodeEvent e && !(e instanceof AliasEvent) ? e.getAnchor() : null;
    }

    /** Whether the current value is an unquoted scalar (not quoted, not a block scalar). */
    boolean isPlain() {
      return _lastEvent instanceof ScalarEvent e && e.isPlain();
    }
  }
}
