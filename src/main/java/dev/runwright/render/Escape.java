package dev.runwright.render;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping, one named function per place text lands. Every value a user gave passes through one of
 * these before it reaches an output; templates reach them through the output formats
 * (auto-escaping) and through the helpers {@code md}, {@code sh}, {@code url} and {@code json}.
 */
public final class Escape {
  private Escape() {}

  /** Text inside an HTML element or a quoted attribute value. */
  public static String html(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      String rep =
          switch (s.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(s.charAt(i));
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * Text inside a Markdown paragraph, heading, list item or table cell: it stays text. Inline
   * markup characters are backslash-escaped everywhere, and characters that would start a block
   * (heading, list, quote) are escaped at the start of the value, where a template may have put it
   * at the start of a line; so is a {@code #} at the end, which an ATX heading would drop as its
   * closing sequence. Leading whitespace that would indent a code block at the start of a line (a
   * tab, or four or more spaces) becomes one space, which Markdown drops there and HTML shows the
   * same as the run elsewhere. Line breaks become spaces. Backslash escapes are valid for every
   * ASCII punctuation character in CommonMark, so the result reads the same on GitHub, GitLab and
   * commonmark-java.
   */
  public static String markdown(String s) {
    int first = 0;
    Matcher indent = LEADING_SPACE.matcher(s);
    if (indent.lookingAt() && (indent.end() >= 4 || indent.group().indexOf('\t') >= 0)) {
      s = " " + s.substring(indent.end());
      first = 1; // block starters after the space are escaped as if at the start
    }
    int last = s.stripTrailing().length() - 1;
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '!', '$', '{', '}' ->
            sb.append('\\').append(c);
        case '\n', '\r' -> sb.append(' ');
        case '#' -> {
          if (i == first || i == last) {
            sb.append('\\'); // "# x" starts a heading; "x #" in a heading is its closing
          }
          sb.append(c);
        }
        case '-', '+', '=' -> {
          if (i == first) {
            sb.append('\\');
          }
          sb.append(c);
        }
        case '.', ')' -> {
          if (isAllDigits(s, first, i)) {
            sb.append('\\'); // "1." or "2)" at the start would begin an ordered list
          }
          sb.append(c);
        }
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Spaces, tabs and line breaks (which become spaces) before the text. */
  private static final Pattern LEADING_SPACE = Pattern.compile("[ \\t\\n\\r]+");

  private static boolean isAllDigits(String s, int start, int end) {
    if (end == start) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Markdown code span showing {@code s} literally, as one span so that copying it gives the
   * whole value. The fence is longer than any run of backticks inside. A pipe inside a GFM table
   * cell would split the cell, so where the span lands in a table row the template's writer escapes
   * its pipes ({@link #tableCodeSpans}), which GFM reads back as pipes inside the code. The one
   * thing a table cell cannot hold in code is a backslash right before a pipe (GFM reads {@code \|}
   * as an escaped pipe), so a value holding {@code \|} is split there: {@code C:\|x} is {@code
   * `C:\`\|`x`}, which reads the same in a paragraph and in a table.
   */
  public static String markdownCode(String s) {
    if (s.isEmpty()) {
      return ""; // no code span can be empty: `` is two backticks and `  ` two spaces of code
    }
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    int backslashPipe = flat.indexOf("\\|");
    if (backslashPipe >= 0) {
      return markdownCode(flat.substring(0, backslashPipe + 1))
          + "\\|"
          + markdownCode(flat.substring(backslashPipe + 2));
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad =
        flat.startsWith("`")
            || flat.endsWith("`")
            || (flat.startsWith(" ")
                && flat.endsWith(" ")
                && !flat.chars().allMatch(c -> c == ' ')); // CommonMark trims only U+0020
    return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
  }

  /**
   * {@code markdown} with the pipes inside its code spans escaped for a GFM table cell: GFM splits
   * a row at every pipe that is not escaped, code spans included, and reads {@code \|} back as a
   * pipe inside the code, so {@code `a|b`} becomes {@code `a\|b`}, one cell holding the code {@code
   * a|b}. Pipes outside code spans are left alone: a template's own are the cell borders, and
   * escaped text has none.
   */
  public static String tableCodeSpans(String markdown) {
    StringBuilder sb = null;
    int i = 0;
    int n = markdown.length();
    while (i < n) {
      if (markdown.charAt(i) != '`' || (i > 0 && markdown.charAt(i - 1) == '\\')) {
        i++;
        continue;
      }
      int open = i;
      while (i < n && markdown.charAt(i) == '`') {
        i++;
      }
      int fence = i - open;
      int close = closingFence(markdown, i, fence);
      if (close < 0) {
        continue; // backticks without a match are text
      }
      for (int k = i, backslashes = 0; k < close; k++) {
        char c = markdown.charAt(k);
        if (c == '|' && backslashes % 2 == 0) {
          if (sb == null) {
            sb = new StringBuilder(markdown);
          }
          sb.insert(k + (sb.length() - n), '\\');
        }
        backslashes = c == '\\' ? backslashes + 1 : 0;
      }
      i = close + fence;
    }
    return sb == null ? markdown : sb.toString();
  }

  /** Where a run of exactly {@code fence} backticks starts at or after {@code from}, or -1. */
  private static int closingFence(String s, int from, int fence) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) != '`') {
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && s.charAt(i) == '`') {
        i++;
      }
      if (i - start == fence) {
        return start;
      }
    }
    return -1;
  }

  /**
   * A Markdown link destination, in angle brackets unless it needs none, where angle brackets,
   * backslashes and line breaks are percent-encoded and pipes backslash-escaped (so that the link
   * also works in a table cell). An {@code &} that starts something like an entity ({@code &amp;},
   * {@code &#38;}) is backslash-escaped, since CommonMark decodes entities in destinations; any
   * other {@code &} is left alone, as it is already read as itself.
   */
  public static String markdownUrl(String url) {
    if (url.matches("[A-Za-z0-9_.~!*';:@&=+$,/?#%\\[\\]-]+")) {
      // Nothing to misread: no spaces, parentheses or angle brackets.
      return ENTITY_START.matcher(url).replaceAll("\\\\&");
    }
    String encoded =
        url.replace("<", "%3C")
            .replace(">", "%3E")
            .replace("\n", "%0A")
            .replace("\r", "%0D")
            .replace("\\", "%5C")
            .replace("|", "\\|"); // a bare pipe would end a GFM table cell; \| reads as |
    return "<" + ENTITY_START.matcher(encoded).replaceAll("\\\\&") + ">";
  }

  /** An {@code &} that CommonMark could read as the start of an entity or character reference. */
  private static final Pattern ENTITY_START = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

  /** No shell treats these specially; a leading {@code =} is zsh's command-path expansion. */
  private static final Pattern SHELL_SAFE =
      Pattern.compile("[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*");

  /**
   * One argument for a POSIX shell: unchanged when it holds only characters no shell treats
   * specially, otherwise in single quotes, with each single quote written as {@code '"'"'}. The
   * shell gives the program exactly {@code s}.
   */
  public static String shell(String s) {
    if (!s.isEmpty() && SHELL_SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  /**
   * One part of a URL (a path segment, query value or fragment part): every byte outside {@code A-Z
   * a-z 0-9 - . _ ~} is percent-encoded, from UTF-8.
   */
  public static String urlComponent(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }

  /** A JSON string literal, quotes included. */
  public static String jsonString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    return sb.append('"').toString();
  }

  /**
   * A YAML double-quoted scalar: JSON's escapes (a JSON string is a YAML double-quoted scalar),
   * plus the line breaks YAML knows beyond JSON, and escapes for the characters JSON writes as they
   * are but YAML may not hold unescaped (DEL, the C1 controls, U+FFFE and U+FFFF).
   */
  public static String yamlString(String s) {
    String json = jsonString(s);
    StringBuilder sb = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '\u0085' -> sb.append("\\N");
        case '\u2028' -> sb.append("\\L");
        case '\u2029' -> sb.append("\\P");
        default -> {
          if (c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfffe || c == 0xffff) {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * An HCL (Terraform) quoted string, quotes included: backslash escapes for quotes, backslashes
   * and control characters, and {@code $${} and {@code %%{} so that text is never read as an
   * interpolation or a directive.
   */
  public static String hclString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean opensTemplate = i + 1 < s.length() && s.charAt(i + 1) == '{';
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '$' -> sb.append(opensTemplate ? "$$" : "$");
        case '%' -> sb.append(opensTemplate ? "%%" : "%");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A MySQL string literal in single quotes: quotes doubled and backslashes escaped (MySQL reads a
   * backslash as an escape unless NO_BACKSLASH_ESCAPES is set; doubling it is right either way).
   */
  public static String mysqlString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "''").replace("\0", "\\0") + "'";
  }

  /**
   * A PostgreSQL string literal in single quotes, each quote doubled (standard_conforming_strings,
   * on by default since PostgreSQL 9.1, reads backslashes as they are).
   *
   * @throws IllegalArgumentException for a NUL, which PostgreSQL text cannot hold
   */
  public static String postgresString(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("PostgreSQL text cannot hold a NUL character");
    }
    return "'" + s.replace("'", "''") + "'";
  }

  /** A MySQL identifier in backticks, each backtick doubled. */
  public static String mysqlIdentifier(String s) {
    return "`" + s.replace("`", "``") + "`";
  }

  /** A PostgreSQL identifier in double quotes, each double quote doubled. */
  public static String postgresIdentifier(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
