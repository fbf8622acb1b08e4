package dev.runwright.kind;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A quick structural check of HCL: brackets balanced, strings and heredocs closed, comments closed.
 * It reads strings (with escapes and {@code ${...}} interpolations, which may nest), heredocs
 * ({@code <<EOT}, {@code <<-EOT}) and the three comment forms.
 */
final class HclBalance {
  private HclBalance() {}

  /** What is wrong, as a phrase ("leaves { open at line 3"), or {@code null}. */
  static String problem(String s) {
    Deque<int[]> open = new ArrayDeque<>(); // {char, line, inString}
    int line = 1;
    boolean inString = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        if (inString) {
          return "has a line break inside a string at line " + (line - 1);
        }
        i++;
        continue;
      }
      if (inString) {
        if (c == '\\') {
          i += 2;
          continue;
        }
        if ((c == '$' || c == '%')
            && i + 2 < s.length()
            && s.charAt(i + 1) == c
            && s.charAt(i + 2) == '{') {
          i += 3; // $${ and %%{ are text
          continue;
        }
        if ((c == '$' || c == '%') && i + 1 < s.length() && s.charAt(i + 1) == '{') {
          open.push(new int[] {'{', line, 1});
          inString = false;
          i += 2;
          continue;
        }
        if (c == '"') {
          inString = false;
        }
        i++;
        continue;
      }
      if (c == '#' || (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          return "leaves a /* comment open at line " + line;
        }
        line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
        i = end + 2;
        continue;
      }
      if (c == '<' && s.startsWith("<<", i)) {
        int j = i + 2 + (i + 2 < s.length() && s.charAt(i + 2) == '-' ? 1 : 0);
        int k = j;
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
          k++;
        }
        if (k > j) {
          String marker = s.substring(j, k);
          int body = s.indexOf('\n', k);
          int end = body < 0 ? -1 : findMarker(s, body + 1, marker);
          if (end < 0) {
            return "leaves the heredoc <<" + marker + " at line " + line + " open";
          }
          line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
          i = end + marker.length();
          continue;
        }
      }
      if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[' || c == '(') {
        open.push(new int[] {c, line, 0});
      } else if (c == '}' || c == ']' || c == ')') {
        if (open.isEmpty()) {
          return "closes " + c + " at line " + line + " that nothing opened";
        }
        int[] top = open.pop();
        char want = top[0] == '{' ? '}' : top[0] == '[' ? ']' : ')';
        if (c != want) {
          return "closes "
              + c
              + " at line "
              + line
              + " where "
              + (char) top[0]
              + " from line "
              + top[1]
              + " is open";
        }
        if (top[2] == 1) {
          inString = true; // back in the string the interpolation was in
        }
      }
      i++;
    }
    if (inString) {
      return "leaves a string open at the end";
    }
    if (!open.isEmpty()) {
      int[] top = open.peek();
      return "leaves " + (char) top[0] + " from line " + top[1] + " open";
    }
    return null;
  }

  /** Where a line holding only {@code marker} (after spaces) starts, from {@code from}; or -1. */
  private static int findMarker(String s, int from, String marker) {
    int at = from;
    while (at < s.length()) {
      int end = s.indexOf('\n', at);
      String l = (end < 0 ? s.substring(at) : s.substring(at, end));
      if (l.strip().equals(marker)) {
        return at + l.indexOf(marker);
      }
      if (end < 0) {
        return -1;
      }
      at = end + 1;
    }
    return -1;
  }
}
