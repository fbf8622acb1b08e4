package dev.runwright.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The built-in templates and pack files, read in one pass over the jar (or the class-path folder)
 * the first time one is asked for: a one-runbook run looks up some hundred names (every pack's
 * manifest, every template a document names, the ones they include), and a class-loader lookup per
 * name searched the JDK's modules first each time. Immutable once read; thread-safe.
 */
final class BuiltinFiles {
  private BuiltinFiles() {}

  private static final class Holder {
    static final Map<String, byte[]> FILES = read();
  }

  /** Every built-in file by its name below {@code templates/}, sorted by name. */
  static Map<String, byte[]> all() {
    return Holder.FILES;
  }

  private static Map<String, byte[]> read() {
    String prefix = TemplateRoots.BUILTIN_PREFIX;
    URL url = BuiltinFiles.class.getClassLoader().getResource(prefix + "common/");
    if (url == null) {
      throw new IllegalStateException("the built-in templates are missing from the class path");
    }
    Map<String, byte[]> files = new TreeMap<>();
    try {
      if (url.getProtocol().equals("jar")) {
        String spec = url.getPath(); // file:/path/runwright.jar!/templates/common/
        Path jar = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
        try (JarFile jf = new JarFile(jar.toFile(), false)) {
          Enumeration<java.util.jar.JarEntry> entries = jf.entries();
          while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (!e.isDirectory() && e.getName().startsWith(prefix)) {
              try (InputStream in = jf.getInputStream(e)) {
                files.put(e.getName().substring(prefix.length()), in.readAllBytes());
              }
            }
          }
        }
      } else {
        Path root = Path.of(url.toURI()).getParent();
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
            files.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in templates", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the built-in templates from " + url, e);
    }
    return Collections.unmodifiableMap(files);
  }
}
