package dev.runwright.site;

import dev.runwright.render.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code sitemap.xml}: every page, in files of at most 50,000 addresses and an index of them. */
final class Sitemaps {
  private Sitemaps() {}

  /**
   * What {@code site/sitemap.xml.ftlx} sees.
   *
   * @param urls the addresses
   * @param isIndex whether this is the index of several sitemaps
   */
  record Model(List<String> urls, boolean isIndex) {}

  /** Sitemaps hold at most this many addresses; more go into several files and an index. */
  static final int LIMIT = 50_000;

  static void write(
      String base, List<String> pages, TemplateEngine engine, Redactor redactor, Target target) {
    List<String> urls = new ArrayList<>();
    urls.add(base);
    List<String> sorted = new ArrayList<>(pages);
    sorted.sort(null);
    for (String page : sorted) {
      urls.add(
          base
              + (page.endsWith("/index.html")
                  ? page.substring(0, page.length() - "index.html".length())
                  : page));
    }
    if (urls.size() <= LIMIT) {
      target.write("sitemap.xml", sitemap(engine, urls, false, redactor));
      return;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i * LIMIT < urls.size(); i++) {
      String name = "sitemap-" + (i + 1) + ".xml";
      List<String> chunk = urls.subList(i * LIMIT, Math.min(urls.size(), (i + 1) * LIMIT));
      target.write(name, sitemap(engine, chunk, false, redactor));
      parts.add(base + name);
    }
    target.write("sitemap.xml", sitemap(engine, parts, true, redactor));
  }

  private static byte[] sitemap(
      TemplateEngine engine, List<String> urls, boolean isIndex, Redactor r) {
    String xml = engine.render("site/sitemap.xml.ftlx", new Model(urls, isIndex));
    return r.published("sitemap.xml", xml).getBytes(StandardCharsets.UTF_8);
  }
}
