package dev.runwright.io;

import java.util.ArrayDeque;
import java.util.Deque;

/** Relative links between {@code /}-separated paths inside one output folder. */
public final class RelPath {
  private RelPath() {}

  /** The folder part of {@code path}, with its trailing slash, or "" at the root. */
  public static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /**
   * {@code href} read from the document at {@code from}, as a path from the root; {@code null} when
   * it climbs above the root.
   */
  public static String resolve(String from, String href) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : (dir(from) + href).split("/", -1)) {
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else if (!p.equals(".")) {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }

  /** A link from the document at {@code from} to the file at {@code to}. */
  public static String relative(String from, String to) {
    String[] a = dir(from).split("/");
    String[] b = to.split("/");
    int common = 0;
    int aLen = dir(from).isEmpty() ? 0 : a.length;
    while (common < aLen && common < b.length - 1 && a[common].equals(b[common])) {
      common++;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = common; i < aLen; i++) {
      sb.append("../");
    }
    for (int i = common; i < b.length; i++) {
      sb.append(b[i]);
      if (i + 1 < b.length) {
        sb.append('/');
      }
    }
    return sb.toString();
  }

  /** A link from the document at {@code from} to the folder {@code dir} (ending in {@code /}). */
  public static String relativeDir(String from, String dir) {
    String link = relative(from, dir + "_");
    return link.substring(0, link.length() - 1);
  }
}
