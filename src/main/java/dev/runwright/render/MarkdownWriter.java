package dev.runwright.render;

import java.io.Writer;
import java.util.Locale;

/**
 * The writer a Markdown template renders into. It follows the fenced code blocks the template opens
 * and closes, so that {@link MarkdownOutputFormat} can escape a value for where it lands: in a code
 * block Markdown escapes are not read, so {@code \_} would show its backslash.
 *
 * <p>Fences follow CommonMark: a line of three or more backticks or tildes opens one (its info
 * string names the language), and a line of at least as many of the same character closes it. At
 * most three spaces may come before a fence, as outside list items in CommonMark.
 */
final class MarkdownWriter extends Writer {
  private final StringBuilder out = new StringBuilder(4096);
  private int lineStart;
  private char fenceChar;
  private int fenceLength;
  private String fenceInfo;

  /**
   * Whether text written now lands in a GFM table row: the line so far starts with a pipe (after at
   * most three spaces), or a table's delimiter row came before and no blank line since. There a
   * pipe that is not escaped would end the cell.
   */
  boolean inTableRow() {
    if (fenceChar != 0) {
      return false;
    }
    if (inTable) {
      return true;
    }
    int i = lineStart;
    while (i < out.length() && out.charAt(i) == ' ' && i - lineStart < 3) {
      i++;
    }
    return i < out.length() && out.charAt(i) == '|';
  }

  /** A GFM table's delimiter row, such as {@code |---|:--:|}: it opens the table's body. */
  private static final java.util.regex.Pattern DELIMITER_ROW =
      java.util.regex.Pattern.compile(
          " {0,3}(?=[^|]*\\|)\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*");

  private boolean inTable;

  /** Whether text written now lands inside a fenced code block (after its opening line). */
  boolean inFence() {
    return fenceChar != 0;
  }

  /** Three of the open fence's character: a value holding them could close the block. */
  String fenceMarker() {
    return String.valueOf(fenceChar).repeat(3);
  }

  /** The open fence's language, lower case ({@code sh}, {@code json}), or "" for none. */
  String fenceLanguage() {
    return fenceInfo;
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    // A template's own text: appended a line at a time, not a character at a time.
    int from = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (cbuf[i] == '\n') {
        out.append(cbuf, from, i + 1 - from);
        endLine();
        from = i + 1;
      }
    }
    out.append(cbuf, from, end - from);
  }

  /**
   * Writes a value: FreeMarker writes a template's own text as {@code char[]} and every {@code
   * ${...}} as a {@link String}, escaped text or Markdown a helper built. In a table row, the pipes
   * inside the value's code spans are escaped ({@link Escape#tableCodeSpans}), so that {@code
   * md.code("a|b")} stays one cell there and one code span everywhere.
   */
  @Override
  public void write(String str, int off, int len) {
    int from = off;
    int end = off + len;
    int nl;
    while ((nl = str.indexOf('\n', from)) >= 0 && nl < end) {
      append(str.substring(from, nl + 1));
      endLine();
      from = nl + 1;
    }
    append(str.substring(from, end));
  }

  private void append(String value) {
    out.append(value.indexOf('|') >= 0 && inTableRow() ? Escape.tableCodeSpans(value) : value);
  }

  @Override
  public void write(int c) {
    put((char) c);
  }

  private void put(char c) {
    out.append(c);
    if (c == '\n') {
      endLine();
    }
  }

  private void endLine() {
    int begin = lineStart;
    int i = begin;
    int end = out.length() - 1;
    lineStart = out.length();
    if (fenceChar == 0) {
      // Looked at in place: a template's every line passes here, and few are table rows.
      boolean blank = true;
      boolean pipe = false;
      boolean dash = false;
      for (int k = begin; k < end; k++) {
        char ch = out.charAt(k);
        blank &= Character.isWhitespace(ch);
        pipe |= ch == '|';
        dash |= ch == '-';
      }
      if (blank) {
        inTable = false;
      } else if (!inTable
          && pipe
          && dash
          && DELIMITER_ROW.matcher(out.subSequence(begin, end)).matches()) {
        inTable = true;
      }
    }
    // CommonMark: at most three spaces before a fence (fences inside list items are not followed,
    // so values there keep Markdown escaping, the safe side).
    while (i < end && out.charAt(i) == ' ' && i - begin < 3) {
      i++;
    }
    char c = i < end ? out.charAt(i) : 0;
    if (c != '`' && c != '~') {
      return;
    }
    int run = 0;
    while (i + run < end && out.charAt(i + run) == c) {
      run++;
    }
    if (run < 3) {
      return;
    }
    String rest = out.substring(i + run, end).strip();
    if (fenceChar == 0) {
      if (c == '`' && rest.indexOf('`') >= 0) {
        return; // an inline code span, not a fence
      }
      fenceChar = c;
      fenceLength = run;
      int space = rest.indexOf(' ');
      fenceInfo = (space < 0 ? rest : rest.substring(0, space)).toLowerCase(Locale.ROOT);
    } else if (c == fenceChar && run >= fenceLength && rest.isEmpty()) {
      fenceChar = 0;
      fenceInfo = null;
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
