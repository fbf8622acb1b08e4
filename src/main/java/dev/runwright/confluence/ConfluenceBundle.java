package dev.runwright.confluence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A folder of Confluence pages ready to publish: one {@code <key>.xml} per page holding its
 * storage-format body, and {@code pages.json}, the list of pages sorted by key with their title,
 * parent key, labels, the SHA-256 of the body and the file name. The publisher reads the same
 * records, so the folder is what a reviewer or a {@code check} compares.
 */
public final class ConfluenceBundle {
  /** The bundle's list of pages. */
  public static final String MANIFEST = "pages.json";

  /** Lower-case letters, digits, '.', '_' and '-', starting and ending with a letter or digit. */
  private static final Pattern KEY = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?");

  /** Confluence refuses spaces and most punctuation in labels and stores them in lower case. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

  /** Names Windows will not use for a file, whatever the extension. */
  private static final Pattern RESERVED = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter PRETTY =
      JSON.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ConfluenceBundle() {}

  /** What {@link #write} did, as {@code /}-separated file names. */
  public record WriteResult(List<String> written, List<String> unchanged, List<String> removed) {}

  /**
   * Every problem with {@code pages}, one line each, or none: keys that are safe file names and
   * unique; titles that are set, at most 255 characters and unique in the space (ignoring case);
   * labels Confluence takes; exactly one home page (no parent key), and every other page's parent
   * in the bundle, with no cycle.
   */
  public static List<String> problems(List<BundlePage> pages) {
    List<String> out = new ArrayList<>();
    Map<String, BundlePage> byKey = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    List<String> homes = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      BundlePage p = pages.get(i);
      String at = "pages[" + i + "] (key \"" + p.key() + "\")";
      if (!KEY.matcher(p.key()).matches() || RESERVED.matcher(p.key()).matches()) {
        out.add(
            at
                + ": key: expected 1 to 100 lower-case letters, digits, '.', '_' or '-',"
                + " starting and ending with a letter or digit, usable as a file name");
      } else if (byKey.putIfAbsent(p.key(), p) != null) {
        out.add(at + ": key: another page has this key; keys must be unique");
      }
      checkTitle(p, at, titles, out);
      for (String label : p.labels()) {
        if (!LABEL.matcher(label).matches()) {
          out.add(
              at
                  + ": labels: \""
                  + label
                  + "\" is not a label Confluence keeps as it is; expected lower-case letters,"
                  + " digits, '_' and '-', at most 100");
        }
      }
      if (p.parentKey() == null) {
        homes.add(p.key());
      }
    }
    if (homes.size() != 1 && !pages.isEmpty()) {
      out.add(
          "pages: expected exactly one home page (no parent key), found "
              + (homes.isEmpty() ? "none" : homes.size() + ": " + String.join(", ", homes)));
    }
    checkParents(pages, byKey, out);
    return out;
  }

  private static void checkTitle(
      BundlePage p, String at, Map<String, String> titles, List<String> out) {
    String t = p.title();
    if (t.isBlank() || !t.equals(t.strip()) || t.length() > 255 || !t.equals(Xml.clean(t))) {
      out.add(
          at
              + ": title: \""
              + Xml.clean(t)
              + "\" must be 1 to 255 characters without leading or trailing spaces or control"
              + " characters");
      return;
    }
    String other = titles.putIfAbsent(t.toLowerCase(Locale.ROOT), p.key());
    if (other != null) {
      out.add(
          at
              + ": title: \""
              + t
              + "\" is also the title of page \""
              + other
              + "\"; titles must be unique in a Confluence space");
    }
  }

  private static void checkParents(
      List<BundlePage> pages, Map<String, BundlePage> byKey, List<String> out) {
    for (int i = 0; i < pages.size(); i++) {
      BundlePage p = pages.get(i);
      if (p.parentKey() == null) {
        continue;
      }
      String at = "pages[" + i + "] (key \"" + p.key() + "\")";
      if (!byKey.containsKey(p.parentKey())) {
        out.add(at + ": parentKey: \"" + p.parentKey() + "\" is not a page of the bundle");
        continue;
      }
      Set<String> seen = new HashSet<>();
      BundlePage q = p;
      while (q != null && q.parentKey() != null && seen.add(q.key())) {
        q = byKey.get(q.parentKey());
      }
      if (q != null && q.parentKey() != null) {
        out.add(at + ": parentKey: the page is its own ancestor; parents must lead to the home");
      }
    }
  }

  /** Throws every problem {@link #problems} finds, or returns. */
  public static void validate(List<BundlePage> pages) {
    List<String> problems = problems(pages);
    if (!problems.isEmpty()) {
      throw new ConfluenceException(problems);
    }
  }

  /** The bundle's files, {@code <key>.xml} for each page and {@code pages.json}. */
  public static List<OutputFiles.Output> files(List<BundlePage> pages) {
    validate(pages);
    List<OutputFiles.Output> out = new ArrayList<>();
    for (BundlePage p : sorted(pages)) {
      out.add(OutputFiles.Output.text(p.file(), p.body()));
    }
    out.add(OutputFiles.Output.text(MANIFEST, manifest(pages)));
    return out;
  }

  /** The text of {@code pages.json}: the pages sorted by key, ending with a line break. */
  public static String manifest(List<BundlePage> pages) {
    ArrayNode list = JSON.createArrayNode();
    for (BundlePage p : sorted(pages)) {
      ObjectNode o = list.addObject();
      o.put("key", p.key());
      o.put("title", p.title());
      o.put("parentKey", p.parentKey());
      ArrayNode labels = o.putArray("labels");
      p.labels().forEach(labels::add);
      o.put("hash", p.hash());
      o.put("file", p.file());
    }
    try {
      return PRETTY.writeValueAsString(list) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the bundle into {@code dir}: each file atomically, files whose bytes are unchanged not
   * touched, and the page files that the folder's previous {@code pages.json} listed but this
   * bundle no longer has removed. Other files are left alone.
   */
  public static WriteResult write(Path dir, List<BundlePage> pages) {
    List<OutputFiles.Output> files = files(pages);
    Set<String> now = new HashSet<>();
    files.forEach(f -> now.add(f.path()));
    List<String> before = previousFiles(dir);
    OutputFiles.Result r = OutputFiles.write(dir, files, dir.toString());
    List<String> removed = new ArrayList<>();
    for (String f : before) {
      if (!now.contains(f)) {
        try {
          if (Files.deleteIfExists(dir.resolve(f))) {
            removed.add(f);
          }
        } catch (IOException e) {
          throw new ConfluenceException(dir.resolve(f) + ": cannot remove: " + e.getMessage());
        }
      }
    }
    return new WriteResult(r.written(), r.unchanged(), removed);
  }

  /** The page files the folder's pages.json names, or none when it has no readable one. */
  private static List<String> previousFiles(Path dir) {
    List<String> out = new ArrayList<>();
    try {
      JsonNode list = JSON.readTree(Files.readString(dir.resolve(MANIFEST)));
      for (JsonNode e : list) {
        String key = e.path("key").asText("");
        if (KEY.matcher(key).matches() && e.path("file").asText("").equals(key + ".xml")) {
          out.add(key + ".xml");
        }
      }
    } catch (IOException | RuntimeException e) {
      // No previous bundle here, or not one Runwright can read: nothing is removed.
    }
    return out;
  }

  /**
   * Reads a bundle folder back, checking that each page file still has the hash {@code pages.json}
   * gives, so that a file edited by hand is not published unnoticed.
   */
  public static List<BundlePage> read(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    JsonNode list;
    try {
      list = JSON.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new ConfluenceException(manifest + ": not found; write the bundle first");
    } catch (IOException e) {
      throw new ConfluenceException(manifest + ": cannot read: " + e.getMessage());
    }
    if (list == null || !list.isArray()) {
      throw new ConfluenceException(manifest + ": expected a JSON array of pages");
    }
    List<BundlePage> pages = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      readEntry(dir, manifest, i, list.get(i), pages, problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfluenceException(problems);
    }
    validate(pages);
    return sorted(pages);
  }

  private static void readEntry(
      Path dir, Path manifest, int i, JsonNode e, List<BundlePage> pages, List<String> problems) {
    String at = manifest + ": [" + i + "]";
    String key = e.path("key").asText("");
    if (!KEY.matcher(key).matches() || !e.path("file").asText("").equals(key + ".xml")) {
      problems.add(at + ": expected a safe \"key\" and \"file\" equal to the key plus \".xml\"");
      return;
    }
    String body;
    try {
      body = Files.readString(dir.resolve(key + ".xml"), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      problems.add(at + ": " + key + ".xml: cannot read: " + ex.getMessage());
      return;
    }
    List<String> labels = new ArrayList<>();
    e.path("labels").forEach(l -> labels.add(l.asText()));
    JsonNode parent = e.get("parentKey");
    BundlePage p =
        new BundlePage(
            key,
            e.path("title").asText(""),
            parent == null || parent.isNull() ? null : parent.asText(),
            labels,
            body);
    if (!p.hash().equals(e.path("hash").asText(""))) {
      problems.add(
          at
              + ": "
              + p.file()
              + " has "
              + p.hash()
              + " but pages.json says "
              + e.path("hash").asText("")
              + "; the file changed after it was written: build the bundle again");
      return;
    }
    pages.add(p);
  }

  static List<BundlePage> sorted(List<BundlePage> pages) {
    return pages.stream().sorted(Comparator.comparing(BundlePage::key)).toList();
  }
}
