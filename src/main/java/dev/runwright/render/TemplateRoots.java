package dev.runwright.render;

import dev.runwright.config.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ordered chain of template folders: the user's folders first, then the built-in set inside the
 * jar. A user overrides one file by placing only that file at the same name in a folder. Names are
 * {@code /}-separated and relative; names that climb out ({@code ..}) or are absolute are refused.
 * Thread-safe and immutable.
 */
public final class TemplateRoots {
  /** Where the built-in templates sit on the class path. */
  public static final String BUILTIN_PREFIX = "templates/";

  private static final Pattern SAFE_NAME =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*");

  private final List<Path> userDirs;

  public TemplateRoots(List<Path> userDirs) {
    this.userDirs = List.copyOf(userDirs);
  }

  /** Only the built-in templates. */
  public static TemplateRoots builtinOnly() {
    return new TemplateRoots(List.of());
  }

  public List<Path> userDirs() {
    return userDirs;
  }

  /** A file found in the chain: its name, where it was found (for messages) and its text. */
  public record Found(String name, String where, boolean builtin, String text) {}

  /** Whether {@code name} is a safe relative template name. */
  public static boolean isSafeName(String name) {
    return name != null && SAFE_NAME.matcher(name).matches() && !name.contains("..");
  }

  /**
   * Finds {@code name} in the chain.
   *
   * @throws IllegalArgumentException when the name is not a safe relative name
   */
  public Optional<Found> find(String name) {
    requireSafe(name);
    for (Path dir : userDirs) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        return Optional.of(new Found(name, file.toString(), false, read(dir, file)));
      }
    }
    byte[] builtin = BuiltinFiles.all().get(name);
    if (builtin == null) {
      return Optional.empty();
    }
    String text = new String(builtin, java.nio.charset.StandardCharsets.UTF_8);
    return Optional.of(new Found(name, "built-in " + name, true, text));
  }

  /**
   * A user's template file as strict UTF-8, refusing a symbolic link that leads out of its folder
   * (a shared template folder must not publish, say, {@code ~/.aws/credentials}) and files over
   * {@link #MAX_FILE_BYTES}.
   */
  private static String read(Path dir, Path file) {
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(dir.toRealPath())) {
        throw new TemplateError(
            file
                + ": error: is a symbolic link to "
                + real
                + ", outside the template folder "
                + dir
                + "; Runwright reads templates only from inside their folders");
      }
      long size = Files.size(real);
      if (size > MAX_FILE_BYTES) {
        throw new TemplateError(
            file
                + ": error: is "
                + size
                + " bytes; a template or pack file may have at most "
                + MAX_FILE_BYTES
                + " bytes");
      }
      return dev.runwright.config.Utf8.decode(Files.readAllBytes(real), file.toString());
    } catch (InvalidInputException e) {
      throw new TemplateError(e.getMessage());
    } catch (IOException e) {
      throw new TemplateError(file + ": error: cannot be read: " + e.getMessage(), e);
    }
  }

  /** The largest template or pack file read: 1 MiB, far above any real template. */
  public static final long MAX_FILE_BYTES = 1 << 20;

  /** Where {@code name} would be found, for messages: a user file or "built-in NAME". */
  public String describe(String name) {
    if (isSafeName(name)) {
      for (Path dir : userDirs) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          return file.toString();
        }
      }
    }
    return "built-in " + name;
  }

  /** Opens a built-in file, or returns null when there is none. */
  public static InputStream openBuiltin(String name) {
    requireSafe(name);
    byte[] bytes = BuiltinFiles.all().get(name);
    return bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
  }

  /**
   * The names of the template files ({@code .ftl}, {@code .ftlh}, {@code .ftlx}) in the user's
   * folders, sorted: what {@code validate} parses to report every syntax error at once.
   */
  public List<String> userTemplateNames() {
    TreeSet<String> names = new TreeSet<>();
    for (Path dir : userDirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(Files::isRegularFile)
            .map(f -> dir.relativize(f).toString().replace('\\', '/'))
            .filter(n -> n.endsWith(".ftl") || n.endsWith(".ftlh") || n.endsWith(".ftlx"))
            .filter(TemplateRoots::isSafeName)
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    return List.copyOf(names);
  }

  /** The ids of packs (folders holding a {@code pack.yaml}) in every folder of the chain. */
  public List<String> packIds() {
    TreeSet<String> ids = new TreeSet<>();
    for (Path dir : userDirs) {
      ids.addAll(packDirs(dir));
    }
    for (String name : BuiltinFiles.all().keySet()) {
      int slash = name.indexOf('/');
      if (slash > 0 && name.substring(slash).equals("/pack.yaml")) {
        ids.add(name.substring(0, slash));
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Every built-in file name, such as {@code kms-policy/pack.yaml}, sorted. Used to export the
   * built-ins as a starting point.
   */
  public static List<String> builtinNames() {
    return List.copyOf(BuiltinFiles.all().keySet());
  }

  private static List<String> packDirs(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(c -> Files.isRegularFile(c.resolve("pack.yaml")))
          .map(c -> c.getFileName().toString())
          .filter(TemplateRoots::isSafeName)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static void requireSafe(String name) {
    if (!isSafeName(name)) {
      throw new IllegalArgumentException(
          "template name \"" + name + "\" is not a relative name inside the template folders");
    }
  }
}
