package dev.runwright.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --templates} value: a folder that exists. A typo must not silently fall back to the
 * built-in templates.
 */
final class TemplateFolder implements ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    Path p = Path.of(value);
    if (Files.isDirectory(p)) {
      return p;
    }
    throw new TypeConversionException(
        "'"
            + value
            + "' "
            + (Files.exists(p) ? "is a file" : "does not exist")
            + "; expected a folder of templates");
  }
}
