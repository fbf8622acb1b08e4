package dev.runwright.validators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown of a site, of a redacted site and of generate's folder, with their policy files,
 * builds with MkDocs and the Material theme in strict mode, as the README says it can: every link
 * between pages and to the JSON files resolves. One build holds all three, each in its folder.
 */
class MkDocsBuildTest {
  private static final String CHECK = "mkdocs";
  private static final List<String> KINDS = List.of("site", "redacted-site", "generate");

  @TempDir static Path docs;

  @TestFactory
  Stream<DynamicTest> markdownBuildsStrictly() {
    return Tool.whenPresent(MkDocsBuildTest::markdownBuildsStrictlyTests, Validators.MKDOCS);
  }

  private static Stream<DynamicTest> markdownBuildsStrictlyTests() {
    KINDS.forEach(MkDocsBuildTest::copy);
    List<String> problems = Validators.mkdocsBuildStrict(docs);
    Stream<DynamicTest> perKind =
        KINDS.stream()
            .map(
                kind ->
                    DynamicTest.dynamicTest(
                        kind,
                        () ->
                            KnownDefects.check(
                                CHECK,
                                kind + "/",
                                problems.stream().filter(p -> names(p, kind)).toList())));
    DynamicTest rest =
        DynamicTest.dynamicTest(
            "the whole build",
            () ->
                KnownDefects.check(
                    CHECK,
                    "mkdocs.yml",
                    problems.stream()
                        .filter(p -> KINDS.stream().noneMatch(k -> names(p, k)))
                        .toList()));
    return Stream.concat(perKind, Stream.of(rest));
  }

  /** Whether an MkDocs message is about a file of {@code kind} (it quotes the file's path). */
  private static boolean names(String problem, String kind) {
    return problem.contains("'" + kind + "/");
  }

  @AfterAll
  static void everyKnownDefectWasSeen() {
    KnownDefects.assertEachSeen(CHECK);
  }

  /**
   * The kind's Markdown, JSON, Terraform and YAML files (not its HTML pages), in a folder named
   * after it.
   */
  private static void copy(String kind) {
    Path from = GeneratedOutput.root().resolve(kind);
    try {
      for (Path f : GeneratedOutput.files(kind, "")) {
        String name = f.getFileName().toString();
        if (name.endsWith(".md")
            || name.endsWith(".json")
            || name.endsWith(".tf")
            || name.endsWith(".yaml")) {
          Path target = docs.resolve(kind).resolve(from.relativize(f).toString());
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
