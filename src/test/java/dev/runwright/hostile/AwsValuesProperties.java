package dev.runwright.hostile;

import static dev.runwright.hostile.Rendering.renderWithoutPages;
import static dev.runwright.hostile.RunChecks.assertNamesAField;
import static dev.runwright.hostile.RunChecks.checkPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.runwright.aws.Region;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.hostile.AwsCase.KeyCase;
import dev.runwright.hostile.Rendering.Outcome;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** b. Valid and invalid accounts, Regions and keys. */
class AwsValuesProperties {
  /**
   * The run succeeds exactly when the account, the Region and every key are valid; when it fails,
   * its errors name exactly the invalid ones. A key ARN in another partition is invalid only when
   * the Region is valid: without a Region there is no partition to compare.
   */
  @Property(tries = 2_500)
  void aRunSucceedsExactlyWhenEveryValueIsValid(@ForAll("awsCases") AwsCase c) {
    Set<String> expected = new TreeSet<>();
    if (!c.account().valid()) {
      expected.add("account");
    }
    if (!c.region().valid()) {
      expected.add("region");
    }
    Map<String, Integer> arns = new HashMap<>();
    for (int i = 0; i < c.keys().size(); i++) {
      KeyCase k = c.keys().get(i);
      if (!k.valid() && !(k.wrongPartition() && !c.region().valid())) {
        expected.add("keys[" + i + "]");
      } else if (k.valid() && c.account().valid() && c.region().valid()) {
        // The same key twice, as a key ID and as its ARN, is listed once.
        String arn =
            k.text().startsWith("arn:")
                ? k.text()
                : "arn:"
                    + Region.of(c.region().text()).orElseThrow().partition().id()
                    + ":kms:"
                    + c.region().text()
                    + ":"
                    + c.account().text()
                    + ":key/"
                    + k.text();
        if (arns.putIfAbsent(arn, i) != null) {
          expected.add("keys[" + i + "]");
        }
      }
    }
    Input in = c.input();
    Outcome o = renderWithoutPages(in.flags());
    if (o.failure() == null) {
      assertEquals(Set.of(), expected, "these are invalid, but the run succeeded");
      o.warnings().forEach(w -> assertNamesAField(w, in));
      checkPolicy(in, o.files().get("kms/policy.json"));
      return;
    }
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    Set<String> named =
        e.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::subject)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, named, () -> "errors: " + e.diagnostics());
  }

  @Provide
  Arbitrary<AwsCase> awsCases() {
    return AwsGenerators.awsCases();
  }
}
