package dev.runwright.hostile;

import static dev.runwright.hostile.HtmlChecks.checkDescriptionShownExactly;
import static dev.runwright.hostile.HtmlChecks.checkHtml;
import static dev.runwright.hostile.Rendering.memo;
import static dev.runwright.hostile.Rendering.render;
import static dev.runwright.hostile.RunChecks.assertNamesAField;
import static dev.runwright.hostile.RunChecks.assertOnlyFieldErrors;
import static dev.runwright.hostile.RunChecks.checkPolicy;
import static dev.runwright.hostile.ShellChecks.checkShell;

import dev.runwright.hostile.Rendering.Outcome;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * a. Random strings in every field: whatever the user types, a run either stops with input errors
 * that name the fields, or writes a policy with exactly the keys given, pages with no markup of the
 * user's making, and shell commands that pass every value as one word.
 */
class RandomStringsProperties {
  /**
   * 600 tries here and 600 in {@link RandomStringsMoreTriesProperties}: two classes, so that the
   * two test JVMs share the 1,200 (about 40 s in one).
   */
  @Property(tries = 600)
  void randomStringsInEveryFieldAreRefusedByFieldOrRenderedSafely(@ForAll("anyInput") Input in) {
    check(in);
  }

  /** The property's checks for one input. */
  static void check(Input in) {
    Outcome o = render(in.flags());
    if (o.failure() != null) {
      assertOnlyFieldErrors(in, o.failure());
      return;
    }
    o.warnings().forEach(w -> assertNamesAField(w, in));
    checkPolicy(in, o.files().get("kms/policy.json"));
    Supplier<Map<String, String>> reference = memo(() -> render(in.withDescription("x").flags()));
    o.files()
        .forEach(
            (path, text) -> {
              if (path.endsWith(".html")) {
                checkHtml(path, text, in.description(), reference);
              } else if (path.endsWith(".md")) {
                checkShell(path, text, in);
              }
            });
    checkDescriptionShownExactly(in, o.files().get("kms/runbook.html"));
  }

  @Provide
  Arbitrary<Input> anyInput() {
    return Generators.anyInput();
  }
}
