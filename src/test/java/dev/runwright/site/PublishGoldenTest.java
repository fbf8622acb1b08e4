package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.runwright;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runwright.cli.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few files of the example inventory as the MkDocs and Confluence targets publish them, compared
 * byte for byte with files under {@code src/test/resources/golden-publish/} that a person has read.
 * After a deliberate change, regenerate them with {@code mvn test -Dtest=PublishGoldenTest
 * -Drunwright.golden.update=true} and read the diff.
 */
class PublishGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden-publish");
  private static final boolean UPDATE = Boolean.getBoolean("runwright.golden.update");

  /** A case: the command's arguments after the inventory and output, and the files compared. */
  private record Case(String name, List<String> args, List<String> files) {}

  private static final List<Case> CASES =
      List.of(
          new Case(
              "mkdocs-material",
              List.of("mkdocs", "--techdocs"),
              List.of(
                  "mkdocs.yml",
                  "catalog-info.yaml",
                  "docs/index.md",
                  "docs/prod-use1/index.md",
                  "docs/prod-use1/kms/index.md",
                  "docs/analytics-use1/role/index.md")),
          new Case(
              "mkdocs-plain",
              List.of("mkdocs", "--theme", "mkdocs"),
              List.of("mkdocs.yml", "docs/prod-use1/kms/index.md")),
          new Case(
              "confluence",
              List.of("confluence"),
              List.of("pages.json", "home.xml", "prod-use1.xml", "prod-use1-kms.xml")));

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> publishedFilesMatchTheirGoldenFiles() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private void check(Case c) {
    Path out = tmp.resolve(c.name());
    List<String> args =
        new java.util.ArrayList<>(List.of(c.args().get(0), "--config", EXAMPLE.toString()));
    args.addAll(List.of("--out", out.toString()));
    args.addAll(c.args().subList(1, c.args().size()));
    SiteTestSupport.Run r = runwright(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.code(), r::describe);
    for (String f : c.files()) {
      Path golden = GOLDEN.resolve(c.name()).resolve(f);
      String actual = read(out.resolve(f));
      if (UPDATE) {
        write(golden, actual);
      }
      assertEquals(read(golden), actual, c.name() + "/" + f);
    }
  }
}
