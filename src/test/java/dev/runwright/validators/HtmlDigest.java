package dev.runwright.validators;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What a reader gets from a rendered Markdown page, without the markup's details: each table's rows
 * of cell texts, each inline code span, each code block, and the whole text with whitespace
 * collapsed. Two renderings of one page are alike for a reader when their digests are equal;
 * heading ids, attributes and link targets do not count.
 */
public record HtmlDigest(
    List<List<List<String>>> tables, List<String> codeSpans, List<String> codeBlocks, String text) {

  /** The digest of an HTML fragment (cmark-gfm's output). */
  public static HtmlDigest ofFragment(String html) {
    return of(Jsoup.parseBodyFragment(html).body());
  }

  /** The digest of a Runwright page's {@code <main>}; fails when the page has none. */
  public static HtmlDigest ofPage(String html) {
    Element main = Jsoup.parse(html).selectFirst("main");
    if (main == null) {
      throw new AssertionError("the page has no <main> element");
    }
    return of(main);
  }

  public static HtmlDigest of(Element root) {
    root.select("a.rw-anchor").remove(); // a heading's link to itself counts as little as its id
    List<List<List<String>>> tables = new ArrayList<>();
    for (Element table : root.select("table")) {
      List<List<String>> rows = new ArrayList<>();
      for (Element tr : table.select("tr")) {
        rows.add(tr.select("th, td").eachText());
      }
      tables.add(rows);
    }
    List<String> spans = new ArrayList<>();
    for (Element code : root.select("code")) {
      if (code.closest("pre") == null) {
        spans.add(code.wholeText());
      }
    }
    List<String> blocks = new ArrayList<>();
    for (Element pre : root.select("pre")) {
      blocks.add(pre.wholeText());
    }
    return new HtmlDigest(tables, spans, blocks, root.text());
  }

  /**
   * How {@code other} differs from this digest, one line per part that differs (naming the first
   * differing item); empty when they are equal.
   */
  public List<String> differences(HtmlDigest other, String thisName, String otherName) {
    List<String> out = new ArrayList<>();
    compare("table", tables, other.tables, thisName, otherName, out);
    compare("code span", codeSpans, other.codeSpans, thisName, otherName, out);
    compare("code block", codeBlocks, other.codeBlocks, thisName, otherName, out);
    if (!text.equals(other.text)) {
      int i = 0;
      while (i < Math.min(text.length(), other.text.length())
          && text.charAt(i) == other.text.charAt(i)) {
        i++;
      }
      out.add(
          "text differs at character "
              + i
              + ": "
              + thisName
              + " has \""
              + excerpt(text, i)
              + "\", "
              + otherName
              + " has \""
              + excerpt(other.text, i)
              + "\"");
    }
    return out;
  }

  private static <T> void compare(
      String what, List<T> a, List<T> b, String aName, String bName, List<String> out) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      T x = i < a.size() ? a.get(i) : null;
      T y = i < b.size() ? b.get(i) : null;
      if (x == null || !x.equals(y)) {
        out.add(
            what
                + " "
                + (i + 1)
                + " differs: "
                + aName
                + " has "
                + show(x)
                + ", "
                + bName
                + " has "
                + show(y)
                + " ("
                + a.size()
                + " vs "
                + b.size()
                + " in all)");
        return;
      }
    }
  }

  private static String show(Object o) {
    return o == null ? "none" : "\"" + o.toString().replace("\n", "\\n") + "\"";
  }

  private static String excerpt(String s, int at) {
    int from = Math.max(0, at - 30);
    return (from > 0 ? "…" : "") + s.substring(from, Math.min(s.length(), at + 50));
  }
}
