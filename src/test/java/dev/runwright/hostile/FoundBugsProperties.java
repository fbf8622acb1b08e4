package dev.runwright.hostile;

import static dev.runwright.hostile.Generators.iamName;
import static dev.runwright.hostile.HtmlChecks.checkDescriptionShownExactly;
import static dev.runwright.hostile.Rendering.KEY;
import static dev.runwright.hostile.Rendering.NEUTRAL;
import static dev.runwright.hostile.Rendering.render;
import static dev.runwright.hostile.ShellChecks.shellBlocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.hostile.Rendering.Outcome;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Bugs found by the properties above, each kept with the assertion that should hold. */
class FoundBugsProperties {
  @Example
  void theSameKeyTwiceIsRefused() {
    Outcome o =
        render(
            new Input(
                    "111122223333",
                    "us-east-1",
                    List.of(KEY, "arn:aws:kms:us-east-1:111122223333:key/" + KEY),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)
                .flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals("keys[1]", e.diagnostics().get(0).subject());
  }

  @Example
  void aKeyInAnotherPartitionIsReportedWhenOnlyTheAccountIsWrong() {
    Outcome o =
        render(
            new Input(
                    "1111",
                    "us-east-1",
                    List.of("arn:aws-cn:kms:cn-north-1:111122223333:key/" + KEY),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)
                .flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals(
        Set.of("account", "keys[0]"),
        e.diagnostics().stream().map(Diagnostic::subject).collect(Collectors.toSet()));
  }

  @Property(tries = 200)
  void valuesStartingWithAHyphenStayValuesForTheAwsCli(@ForAll("hyphenated") String value) {
    Input in =
        new Input("111122223333", "us-east-1", List.of(KEY), value, value, value, null, null, null);
    Outcome o = render(in.flags());
    assertNull(o.failure());
    for (String path : List.of("kms/runbook.md", "role/runbook.md")) {
      for (String block : shellBlocks(o.files().get(path))) {
        List<ShellWords.Token> tokens = ShellWords.tokens(block);
        for (int i = 0; i + 1 < tokens.size(); i++) {
          if (tokens.get(i).text().startsWith("--") && !tokens.get(i).text().contains("=")) {
            assertFalse(
                tokens.get(i + 1).text().startsWith("-"),
                () -> path + ": an option's value reads as an option:\n" + block);
          }
        }
      }
    }
  }

  @Provide
  Arbitrary<String> hyphenated() {
    return iamName(60).map(s -> "-" + s);
  }

  @Example
  void anEmptyAccessListIsRefused() {
    Outcome o =
        render(
            new Input(
                    "111122223333",
                    "us-east-1",
                    List.of(KEY),
                    null,
                    null,
                    null,
                    "db1",
                    "2",
                    List.of())
                .flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals("access", e.diagnostics().get(0).subject());
  }

  @Example
  void aDescriptionIsShownExactly() {
    for (String d : List.of(" \u3000 ", " \u2003\u2003 ")) {
      Input in = NEUTRAL.withDescription(d);
      Outcome o = render(in.flags());
      assertNull(o.failure());
      checkDescriptionShownExactly(in, o.files().get("kms/runbook.html"));
    }
  }

  @Example
  void anUnpairedSurrogateIsRefused() {
    Outcome o = render(NEUTRAL.withDescription("a\ud800b").flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals("description", e.diagnostics().get(0).subject());
  }

  @Example
  void aLongRegionIsRefusedQuickly() {
    Input in =
        new Input(
            "111122223333", "a".repeat(100_000), List.of(KEY), null, null, null, null, null, null);
    long start = System.nanoTime();
    Outcome o = render(in.flags());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertInstanceOf(InvalidInputException.class, o.failure());
    // What this guards against is a check that grows faster than the value (a backtracking
    // pattern, a quadratic scan): on 100,000 characters that takes seconds or more, where a
    // refusal takes milliseconds. The bound leaves room for a cold JVM on a busy machine (705 ms
    // was seen once with other tests on both cores, 200 ms being the bound then).
    assertTrue(millis < 2_000, () -> "took " + millis + " ms");
  }
}
