package dev.runwright.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -t/--templates DIR}, declared once for every command that reads templates. */
final class TemplatesOption {
  @Option(
      names = {"-t", "--templates"},
      paramLabel = "DIR",
      converter = TemplateFolder.class,
      description =
          "Folder of templates searched before the built-ins; a file there overrides the built-in"
              + " file of the same name, and its packs add their flags. Repeatable.")
  List<Path> templates;

  List<Path> dirs() {
    return templates == null ? List.of() : templates;
  }
}
