package dev.runwright.validators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hugo (Go's YAML) reads the front matter of every Markdown page of a site and of generate's folder
 * as Runwright wrote it: the same keys with the same values and types, so that an account stays a
 * 12-digit string and a step number stays what it was.
 */
class HugoFrontMatterTest {
  private static final String CHECK = "hugo";
  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---\\n(.*?\\n)---\\n", Pattern.DOTALL);
  private static final YAMLMapper YAML = new YAMLMapper();

  @TestFactory
  Stream<DynamicTest> hugoReadsTheFrontMatterAsWritten() {
    return Tool.whenPresent(
        HugoFrontMatterTest::hugoReadsTheFrontMatterAsWrittenTests, Validators.HUGO);
  }

  private static Stream<DynamicTest> hugoReadsTheFrontMatterAsWrittenTests() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String kind : List.of("site", "redacted-site")) {
      Path dir = GeneratedOutput.root().resolve(kind);
      Map<String, JsonNode> hugo = Validators.hugoFrontMatter(dir);
      for (var page : hugo.entrySet()) {
        Path md = dir.resolve(page.getKey());
        String label = GeneratedOutput.label(md);
        tests.add(
            DynamicTest.dynamicTest(
                label, () -> KnownDefects.check(CHECK, label, differences(md, page.getValue()))));
      }
    }
    return tests.stream();
  }

  @AfterAll
  static void everyKnownDefectWasSeen() {
    KnownDefects.assertEachSeen(CHECK);
  }

  /** Each front matter key whose value Hugo reads otherwise, one line each. */
  private static List<String> differences(Path md, JsonNode hugo) {
    List<String> out = new ArrayList<>();
    ObjectNode written = frontMatter(md);
    if (written == null) {
      return List.of("has no front matter");
    }
    for (var field : written.properties()) {
      JsonNode read = hugo.get(field.getKey().toLowerCase(Locale.ROOT));
      if (!field.getValue().equals(read)) {
        out.add(field.getKey() + ": written " + field.getValue() + ", Hugo reads " + read);
      }
    }
    return out;
  }

  private static ObjectNode frontMatter(Path md) {
    try {
      Matcher m = FRONT_MATTER.matcher(Files.readString(md, StandardCharsets.UTF_8));
      return m.find() ? (ObjectNode) YAML.readTree(m.group(1)) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
