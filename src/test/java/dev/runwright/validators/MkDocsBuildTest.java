package dev.runwright.validators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown of a site and of generate's folder, with its policy files, builds with MkDocs and
 * the Material theme in strict mode, as the README says it can: front matter MkDocs reads, and
 * every link between pages and to the JSON files resolves.
 */
class MkDocsBuildTest {
  private static final String CHECK = "mkdocs";

  @TempDir static Path docs;

  @TestFactory
  Stream<DynamicTest> markdownBuildsStrictly() {
    Validators.MKDOCS.require();
    return Stream.of("site", "redacted-site", "generate")
        .map(
            kind ->
                DynamicTest.dynamicTest(
                    kind,
                    () ->
                        KnownDefects.check(
                            CHECK, kind + "/", Validators.mkdocsBuildStrict(copy(kind)))));
  }

  @AfterAll
  static void everyKnownDefectWasSeen() {
    KnownDefects.assertEachSeen(CHECK);
  }

  /** The kind's Markdown and JSON files (not its HTML pages), in a folder of their own. */
  private static Path copy(String kind) {
    Path from = GeneratedOutput.root().resolve(kind);
    Path to = docs.resolve(kind);
    try {
      for (Path f : GeneratedOutput.files(kind, "")) {
        String name = f.getFileName().toString();
        if (name.endsWith(".md") || name.endsWith(".json")) {
          Path target = to.resolve(from.relativize(f).toString());
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
