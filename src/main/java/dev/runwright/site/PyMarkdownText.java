package dev.runwright.site;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping for Python-Markdown (3.x, with the {@code tables} extension): text that it shows as
 * written, code spans, link destinations and quoted titles. Backslash escapes are used for the
 * characters Python-Markdown lets a backslash escape; {@code <}, {@code >} and {@code &} become
 * entities, since raw HTML would be passed through; characters that only matter at the start of a
 * line ({@code -}, {@code +}, {@code =}, {@code ~}, {@code !}, {@code #}, {@code 1.}) are escaped
 * there only, so that the Markdown stays readable.
 */
final class PyMarkdownText {
  private PyMarkdownText() {}

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,40}");

  /**
   * {@code s} as text: shown as written wherever it lands in a paragraph, a heading or a table
   * cell.
   *
   * @param lineStart whether {@code s} starts a line, where list, heading and block markers count
   * @param heading whether it is in a heading, where a trailing {@code #} would be dropped
   */
  static String text(String s, boolean lineStart, boolean heading) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean first = lineStart && i == 0;
      switch (c) {
        case '\\', '`', '*', '[', ']', '|' -> sb.append('\\').append(c);
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '_' -> {
          // Python-Markdown never reads an underscore between word characters as emphasis.
          boolean inWord = i > 0 && i + 1 < n && word(s.charAt(i - 1)) && word(s.charAt(i + 1));
          sb.append(inWord ? "_" : "\\_");
        }
        case '#' -> sb.append(first || heading ? "\\#" : "#");
        case '-', '+', '!' -> sb.append(first ? "\\" + c : String.valueOf(c));
        case '=', '~' -> sb.append(first ? "&#" + (int) c + ";" : String.valueOf(c));
        case '.' -> sb.append(orderedMarker(s, i, lineStart) ? "\\." : ".");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the {@code .} at {@code i} follows only digits from the start of a line ("1."). */
  private static boolean orderedMarker(String s, int i, boolean lineStart) {
    if (!lineStart || i == 0) {
      return false;
    }
    for (int k = 0; k < i; k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean word(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * A code span: backticks one more than the longest run inside, with a space inside the delimiters
   * when the code starts or ends with a backtick (Python-Markdown strips it again).
   */
  static String code(String literal) {
    String flat = literal.replace('\n', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String ticks = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`");
    return ticks + (pad ? " " : "") + flat + (pad ? " " : "") + ticks;
  }

  /** The fence for a code block: three backticks, or one more than the longest run of them. */
  static String fence(String literal) {
    int longest = 0;
    for (String line : literal.split("\n", -1)) {
      String t = line.stripLeading();
      int run = 0;
      while (run < t.length() && t.charAt(run) == '`') {
        run++;
      }
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** The language of a code block's info string when it is one a fence can carry, else "". */
  static String language(String info) {
    if (info == null) {
      return "";
    }
    String first = info.strip().split("[ \\t{]", 2)[0];
    return LANGUAGE.matcher(first).matches() ? first : "";
  }

  /**
   * Whether a link may point there from a MkDocs page: relative links, fragments, and http, https
   * and mailto; any other scheme ({@code javascript:}, {@code data:}) is not written as a link.
   */
  static boolean safeDestination(String dest) {
    Matcher m = SCHEME.matcher(dest);
    if (!m.find()) {
      return !dest.startsWith("//") && !dest.startsWith("\\");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
  }

  /** A link destination with the characters that would end or break it percent-encoded. */
  static String destination(String dest) {
    StringBuilder sb = new StringBuilder(dest.length());
    for (int i = 0; i < dest.length(); i++) {
      char c = dest.charAt(i);
      switch (c) {
        case ' ' -> sb.append("%20");
        case '(' -> sb.append("%28");
        case ')' -> sb.append("%29");
        case '<' -> sb.append("%3C");
        case '>' -> sb.append("%3E");
        case '"' -> sb.append("%22");
        case '\\' -> sb.append("%5C");
        case '\n', '\r', '\t' -> sb.append("%20");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A double-quoted title (of a link, a note or a tab) on one line. */
  static String quoted(String title) {
    return "\"" + title.replace('\n', ' ').replace("\"", "&quot;").strip() + "\"";
  }
}
