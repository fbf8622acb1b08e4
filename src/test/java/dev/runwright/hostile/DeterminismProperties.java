package dev.runwright.hostile;

import static dev.runwright.hostile.AwsGenerators.awsCases;
import static dev.runwright.hostile.Generators.anyInput;
import static dev.runwright.hostile.Rendering.render;
import static dev.runwright.hostile.Rendering.renderFresh;
import static dev.runwright.hostile.Rendering.renderWithoutPages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runwright.config.InvalidInputException;
import dev.runwright.core.Runwright;
import dev.runwright.hostile.Rendering.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** c. Determinism. */
class DeterminismProperties {
  /**
   * The same input gives the same bytes: rendered twice with the shared workspace, and once through
   * {@link Runwright#render} itself with a fresh one (which also shows that the shared path above
   * renders what generate renders). A failing input fails the same way each time. Without the pages
   * (as {@code generate --print policy.json} renders) every other file is the same.
   */
  @Property(tries = 150)
  void theSameInputGivesTheSameBytes(@ForAll("deterministicInputs") Input in) {
    Outcome first = render(in.flags());
    Outcome again = render(in.flags());
    Outcome fresh = renderFresh(in.flags());
    for (Outcome o : List.of(again, fresh)) {
      assertEquals(first.files(), o.files());
      assertEquals(first.warnings(), o.warnings());
      assertEquals(String.valueOf(first.failure()), String.valueOf(o.failure()));
      if (first.failure() instanceof InvalidInputException e) {
        assertEquals(e.diagnostics(), ((InvalidInputException) o.failure()).diagnostics());
      }
    }
    Outcome noPages = renderWithoutPages(in.flags());
    Map<String, String> notPages = new LinkedHashMap<>(first.files());
    notPages.keySet().removeIf(p -> p.endsWith(".html"));
    assertEquals(notPages, noPages.files());
    assertEquals(first.warnings(), noPages.warnings());
    assertEquals(String.valueOf(first.failure()), String.valueOf(noPages.failure()));
  }

  @Provide
  Arbitrary<Input> deterministicInputs() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, anyInput()), Tuple.of(1, awsCases().map(AwsCase::input)));
  }
}
