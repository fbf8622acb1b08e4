package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.policy.Finding.Type;
import dev.runwright.policy.FindingCode.Blame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The codes: each has one type and one help line, and each is reported somewhere. */
class FindingCodeTest {

  @Test
  void anIdHasAtMostOneConstantPerType() {
    Set<String> seen = new HashSet<>();
    for (FindingCode c : FindingCode.values()) {
      assertTrue(seen.add(c.id() + " " + c.type()), c::toString);
      assertTrue(c.id().matches("[A-Z][A-Z_]+"), c::toString);
    }
  }

  @Test
  void helpIsOneShortLine() {
    for (FindingCode c : FindingCode.values()) {
      assertFalse(c.help().isBlank(), c::toString);
      assertFalse(c.help().contains("\n"), c::toString);
      assertTrue(c.help().length() <= 100, c::toString);
      assertFalse(c.help().endsWith("."), c::toString);
    }
  }

  @Test
  void errorsAndSecurityWarningsBlockGenerate() {
    for (FindingCode c : FindingCode.values()) {
      boolean blocks = c.type() == Type.ERROR || c.type() == Type.SECURITY_WARNING;
      assertEquals(blocks, c.blocksGeneration(), c::toString);
    }
  }

  @Test
  void onlySizeAndUnreadableFilesBlameTheInput() {
    // RunbookRenderer tells the user to change the input for these, the template for the rest.
    List<String> input =
        Arrays.stream(FindingCode.values())
            .filter(c -> c.blame() == Blame.INPUT)
            .map(FindingCode::name)
            .toList();
    assertEquals(List.of("UNREADABLE_FILE", "POLICY_SIZE_EXCEEDED", "POLICY_SIZE_QUOTA"), input);
  }

  @Test
  void sortedIsByIdThenMostSeriousFirst() {
    List<FindingCode> sorted = FindingCode.sorted();
    assertEquals(FindingCode.values().length, sorted.size());
    assertEquals(FindingCode.ACTION_CASE, sorted.get(0));
    int a = sorted.indexOf(FindingCode.WILDCARD_ACTION);
    assertEquals(FindingCode.WILDCARD_ACTION_PATTERN, sorted.get(a + 1));
  }

  @Test
  void everyCodeIsReportedByTheMainCode() throws IOException {
    // A code no rule reports would be listed by --list-rules but never found.
    String sources;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/runwright"))) {
      sources =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.endsWith("FindingCode.java"))
              .map(
                  f -> {
                    try {
                      return Files.readString(f);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .collect(Collectors.joining("\n"));
    }
    for (FindingCode c : FindingCode.values()) {
      assertTrue(sources.contains("FindingCode." + c.name()), c::toString);
    }
  }
}
