package dev.runwright.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an HTML page of a run may hold: only the template's markup, only safe links. */
final class HtmlChecks {
  private HtmlChecks() {}

  /** What the page template and commonmark write; anything else came from somewhere else. */
  static final Set<String> ELEMENTS =
      Set.of(
          "html",
          "head",
          "meta",
          "title",
          "style",
          "script",
          "body",
          "header",
          "nav",
          "a",
          "span",
          "main",
          "h1",
          "h2",
          "h3",
          "p",
          "code",
          "pre",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "ul",
          "ol",
          "li",
          "strong",
          "em",
          "blockquote",
          "footer",
          "link",
          "div",
          "details",
          "summary",
          "aside",
          "h4",
          "section",
          "wbr"); // a break point in a long value (render/WrappableCode)

  static final Set<String> ATTRIBUTES =
      Set.of(
          "lang",
          "charset",
          "name",
          "content",
          "http-equiv",
          "href",
          "rel",
          "class",
          "id",
          "aria-label",
          "aria-hidden",
          "start",
          "align",
          "src",
          "tabindex",
          "aria-current",
          "data-rw-key",
          "data-rw-runbook",
          "data-rw-step",
          "data-rw-check",
          "data-rw-forms",
          "data-rw-form",
          "data-rw-label",
          "aria-labelledby");

  private static final Pattern TAG =
      Pattern.compile(
          "<(/?)([A-Za-z][A-Za-z0-9]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'"
              + "|[^\\s\"'=<>`]+))?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\s+([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  /**
   * Every {@code <} starts a well-formed tag of an allowed element with allowed attributes; every
   * link is relative, a fragment or http(s); and the description never sits inside a tag.
   */
  static void checkHtml(
      String path, String html, String description, Supplier<Map<String, String>> reference) {
    Matcher m = TAG.matcher(html);
    int i = 0;
    while ((i = html.indexOf('<', i)) >= 0) {
      if (html.startsWith("<!DOCTYPE html>", i)) {
        i += "<!DOCTYPE html>".length();
        continue;
      }
      m.region(i, html.length());
      if (!m.lookingAt()) {
        fail(path + ": a '<' that starts no tag: " + around(html, i));
      }
      String name = m.group(2).toLowerCase(Locale.ROOT);
      String span = m.group();
      assertTrue(ELEMENTS.contains(name), () -> path + ": element <" + name + ">: " + span);
      Matcher a = ATTRIBUTE.matcher(m.group(3));
      while (a.find()) {
        String attr = a.group(1).toLowerCase(Locale.ROOT);
        assertTrue(ATTRIBUTES.contains(attr), () -> path + ": attribute " + attr + ": " + span);
        if ((attr.equals("href") || attr.equals("src")) && a.group(2) != null) {
          assertSafeUrl(path, unquote(a.group(2)), span);
        }
      }
      if (description != null && hasMarkupCharacter(description) && span.contains(description)) {
        // Only a tag the same input with a plain description also has may hold it by chance.
        // The page key hashes the input, description and all, so it is compared masked: a
        // description of ">" is in <body data-rw-key="...">, whose key differs from the
        // reference's.
        String other = reference.get().get(path);
        assertTrue(
            other != null && withoutPageKey(other).contains(withoutPageKey(span)),
            () -> path + ": the description is inside a tag: " + span);
      }
      i = m.end();
      if (m.group(1).isEmpty() && (name.equals("script") || name.equals("style"))) {
        int close = closingTag(html, name, i);
        assertTrue(close >= 0, () -> path + ": <" + name + "> is not closed");
        i = close;
      }
    }
  }

  /**
   * Where {@code </name} starts at or after {@code from}, in ASCII letters of either case as HTML
   * reads a tag name (lower-case {@code name}); -1 if nowhere. Neither lower-casing the page (which
   * changes the length of some text, such as U+0130) nor {@link String#regionMatches(boolean, int,
   * String, int, int)} (for which U+017F is an s) reads it so.
   */
  static int closingTag(String html, String name, int from) {
    for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
      int k = 0;
      while (k < name.length()
          && i + 2 + k < html.length()
          && (html.charAt(i + 2 + k) | 0x20) == name.charAt(k)) {
        k++;
      }
      if (k == name.length()) {
        return i;
      }
    }
    return -1;
  }

  private static final Pattern PAGE_KEY = Pattern.compile("data-rw-key=\"[0-9a-f]{16}\"");

  /** {@code html} with each page key's hex digits left out (nothing else can match). */
  private static String withoutPageKey(String html) {
    return PAGE_KEY.matcher(html).replaceAll("data-rw-key=\"\"");
  }

  private static boolean hasMarkupCharacter(String s) {
    return s.chars().anyMatch(c -> c == '<' || c == '>' || c == '"' || c == '\'' || c == '&');
  }

  private static void assertSafeUrl(String path, String raw, String span) {
    // Browsers drop tabs and line breaks in URLs and leading controls and spaces.
    String url = decodeHtml(raw).replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\x00-\\x20]+", "");
    Matcher s = SCHEME.matcher(url);
    if (s.find()) {
      String scheme = s.group(1).toLowerCase(Locale.ROOT);
      assertTrue(
          scheme.equals("http") || scheme.equals("https"),
          () -> path + ": a link with scheme " + scheme + ": " + span);
    } else {
      assertFalse(
          url.startsWith("//") || url.startsWith("\\") || url.startsWith("/\\"),
          () -> path + ": a link to another host without a scheme: " + span);
    }
  }

  private static String unquote(String v) {
    return v.startsWith("\"") || v.startsWith("'") ? v.substring(1, v.length() - 1) : v;
  }

  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");

  static String decodeHtml(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String rep =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
              if (e.startsWith("#x") || e.startsWith("#X")) {
                yield new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
              } else if (e.startsWith("#")) {
                yield new String(Character.toChars(Integer.parseInt(e.substring(1))));
              }
              yield m.group();
            }
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(rep));
    }
    return m.appendTail(sb).toString();
  }

  private static final String SHOWN_BEFORE =
      "<li data-rw-step=\"\">For <strong>Description</strong>, enter ";
  private static final String SHOWN_AFTER =
      ". IAM cannot change a policy's description later.</li>";

  /**
   * Step 7 shows the description as a code span, which keeps every character; a pipe (which would
   * split a table cell inside a code span) stands between code spans, as plain text. A long value
   * without spaces may have break points ({@code <wbr>}, no text) after its colons and slashes.
   */
  static void checkDescriptionShownExactly(Input in, String html) {
    if (in.description() == null || in.description().isEmpty()) {
      return; // no code span can show nothing
    }
    int start = html.indexOf(SHOWN_BEFORE);
    assertTrue(start >= 0, "runbook.html has step 7 with the description");
    start += SHOWN_BEFORE.length();
    int end = html.indexOf(SHOWN_AFTER, start);
    int line = html.indexOf('\n', start);
    assertTrue(end >= 0 && (line < 0 || end < line), "step 7 ends on its line");
    String shown = html.substring(start, end);
    assertTrue(
        shown.matches("(<code>([^<]|<wbr>)*</code>|\\|)+"),
        () -> "the description is code spans and pipes, with no other markup: " + shown);
    assertEquals(
        in.description(),
        decodeHtml(shown.replace("<code>", "").replace("</code>", "").replace("<wbr>", "")),
        "the description as shown");
  }

  static String around(String s, int i) {
    return s.substring(Math.max(0, i - 60), Math.min(s.length(), i + 60));
  }
}
