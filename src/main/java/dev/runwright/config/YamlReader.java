package dev.runwright.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
      return Utf8.decode(Stdin.read(maxBytes, at), at.source());
    }
    checkSize(file, name, expected);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw problem(at, "does not exist");
    } catch (IOException e) {
      throw problem(at, "cannot be read: " + e.getMessage());
    }
    return Utf8.decode(bytes, name);
  }

  /**
   * Reads a YAML file whose root mapping may hold a long list under {@code key}: its items go to
   * {@code items} one at a time as they are read, and the list comes back empty, with its position.
   */
  Node read(Path file, String name, String key, NodeBuilder.Items items) {
    if (isStdin(file)) {
      return build(readText(file, name), shown(file, name), true, null, key, items);
    }
    checkSize(file, name, "a YAML file");
    // Decoded as it is parsed, never held as text: a 70 MB inventory costs no 140 MB of memory.
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      return build(() -> yaml.createParser(in), null, name, true, null, key, items);
    } catch (IOException | RuntimeException e) {
      if (Utf8.failedOn(e)) {
        throw Utf8.problem(file, name);
      }
      if (e instanceof InvalidInputException iie) {
        throw iie;
      }
      throw problem(new Position(name, 0, 0), "cannot be read: " + e.getMessage());
    }
  }

  /** Refuses a file that is missing, a folder, or larger than the limit. */
  private void checkSize(Path file, String name, String expected) {
    Position at = new Position(shown(file, name), 0, 0);
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
    } catch (NoSuchFileException e) {
      throw problem(at, "does not exist");
    } catch (IOException e) {
      throw problem(at, "cannot be read: " + e.getMessage());
    }
  }

  /** Parses YAML text; {@code name} is used in positions and messages. */
  public Node parse(String text, String name) {
    return build(text, name, true, null, null, null);
  }

  /** Parses JSON text with positions (JSON is read by the JSON parser, not as YAML). */
  public Node parseJson(String text, String name) {
    return build(text, name, false, null, null, null);
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
    return build(text, name, false, duplicates, null, null);
  }

  private Node build(
      String text,
      String name,
      boolean isYaml,
      DuplicateKeys duplicates,
      String key,
      NodeBuilder.Items items) {
    String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    return build(
        () -> isYaml ? yaml.createParser(t) : json.createParser(t),
        t,
        name,
        isYaml,
        duplicates,
        key,
        items);
  }

  /** Makes a parser. */
  private interface Open {
    JsonParser open() throws IOException;
  }

  /** Parses what {@code open} reads; {@code text} is the same text, or {@code null}. */
  private Node build(
      Open open,
      String text,
      String name,
      boolean isYaml,
      DuplicateKeys duplicates,
      String key,
      NodeBuilder.Items items) {
    try (JsonParser parser = open.open()) {
      NodeBuilder b = new NodeBuilder(parser, name, isYaml, duplicates);
      JsonToken first = parser.nextToken();
      if (first == null) {
        String expected = isYaml ? "a mapping of settings" : "a JSON value";
        throw problem(new Position(name, 1, 1), "is empty; expected " + expected);
      }
      Node root = items == null ? b.value(first) : b.root(first, key, items);
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
      Position comma = isYaml || text == null ? null : trailingComma(text, at);
      if (comma != null) {
        throw problem(
            comma,
            "is not valid JSON: a trailing comma; JSON allows no comma after the last item of a"
                + " list or object (remove it)");
      }
      throw problem(at, syntaxMessage(e, isYaml));
    } catch (IOException e) {
      if (Utf8.failedOn(e)) {
        throw new UncheckedIOException(e); // the caller knows the file, to say where
      }
      throw problem(new Position(name, 0, 0), "cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof InvalidInputException iie) {
        throw iie;
      }
      if (Utf8.failedOn(e)) {
        throw e;
      }
      // SnakeYAML reports some problems (bad characters, limits) as its own unchecked exceptions.
      throw problem(new Position(name, 0, 0), "is not valid YAML: " + firstLine(e.getMessage()));
    }
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

  static InvalidInputException problem(Position at, String message) {
    return new InvalidInputException(Diagnostic.error(at, "", message));
  }
}
