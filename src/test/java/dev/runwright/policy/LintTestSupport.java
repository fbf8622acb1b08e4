package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.policy.Finding.Type;
import dev.runwright.policy.PolicyLinter.Options;
import dev.runwright.policy.PolicyLinter.PolicyType;
import java.util.List;

/** Policies and assertions the linter's tests share: one linter, one key, one statement shape. */
public final class LintTestSupport {
  private LintTestSupport() {}

  public static final PolicyLinter LINTER = new PolicyLinter(new YamlReader());
  public static final String KEY =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  public static final String KEY2 =
      "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";
  public static final Options IDENTITY = new Options(PolicyType.IDENTITY, null, null);
  public static final Options TRUST = new Options(PolicyType.TRUST, null, null);

  public static List<Finding> lint(String json) {
    return LINTER.lint(json, "p.json", Options.DEFAULT);
  }

  public static List<Finding> lint(String json, Options options) {
    return LINTER.lint(json, "p.json", options);
  }

  /**
   * A policy with one statement whose body lines are {@code lines}: line 4 is the statement's brace
   * (column 5) and the body starts on line 5, each line indented six spaces.
   */
  public static String statement(String... lines) {
    return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      "
        + String.join(",\n      ", lines)
        + "\n    }\n  ]\n}\n";
  }

  public static String allow(String action, String resource) {
    return statement("\"Effect\": \"Allow\"", "\"Action\": " + action, "\"Resource\": " + resource);
  }

  public static Finding only(List<Finding> findings, String code) {
    List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
    assertEquals(1, matching.size(), () -> code + " in " + findings);
    return matching.get(0);
  }

  public static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  public static void assertFinding(
      Finding f, Type type, String path, int line, int column, String message) {
    assertEquals(type, f.type(), f::toString);
    assertEquals(path, f.path(), f::toString);
    assertEquals(new Position("p.json", line, column), f.at(), f::toString);
    assertEquals(message, f.message());
  }
}
