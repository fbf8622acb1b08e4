package dev.runwright.render;

import freemarker.cache.TemplateLoader;
import java.io.Reader;
import java.io.StringReader;

/**
 * FreeMarker's template lookup over {@link TemplateRoots}: user folders first, then the built-ins.
 */
final class RootsLoader implements TemplateLoader {
  private final TemplateRoots roots;

  RootsLoader(TemplateRoots roots) {
    this.roots = roots;
  }

  @Override
  public Object findTemplateSource(String name) {
    if (!TemplateRoots.isSafeName(name)) {
      return null;
    }
    return roots.find(name).orElse(null);
  }

  @Override
  public long getLastModified(Object source) {
    return -1;
  }

  @Override
  public Reader getReader(Object source, String encoding) {
    return new StringReader(((TemplateRoots.Found) source).text());
  }

  @Override
  public void closeTemplateSource(Object source) {}

  @Override
  public String toString() {
    return "the template folders (yours, then the built-ins)";
  }
}
