package dev.runwright.hostile;

import static dev.runwright.hostile.Partitions.partitionOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of a run's outcome: its errors name fields, its policy lists the keys. */
final class RunChecks {
  private RunChecks() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fields a kms-policy runbook and its follow-ups take, as diagnostics name them. */
  static final List<String> FIELDS =
      List.of(
          "account",
          "region",
          "keys",
          "policyName",
          "description",
          "roleName",
          "clusterId",
          "auroraMysqlVersion",
          "access");

  private static final Pattern FIELD_SUBJECT =
      Pattern.compile("(" + String.join("|", FIELDS) + ")(\\[\\d+])?");

  /** Failing is fine, but only as input errors that each name a field the user gave. */
  static void assertOnlyFieldErrors(Input in, Throwable failure) {
    if (!(failure instanceof InvalidInputException e)) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      fail("expected InvalidInputException or success, got " + trace);
      return;
    }
    assertTrue(e.diagnostics().stream().anyMatch(Diagnostic::isError), e::toString);
    e.diagnostics().forEach(d -> assertNamesAField(d, in));
  }

  static void assertNamesAField(Diagnostic d, Input in) {
    Matcher m = FIELD_SUBJECT.matcher(d.subject());
    assertTrue(m.matches(), () -> "the diagnostic names no field: " + d);
    assertTrue(
        in.flags().containsKey(m.group(1)) || d.message().startsWith("is required"),
        () -> "the diagnostic names a field that was not given: " + d);
  }

  /** policy.json is JSON whose resources are exactly the keys' ARNs, in order. */
  static void checkPolicy(Input in, String text) {
    assertNotNull(text, "policy.json is rendered");
    JsonNode policy;
    try {
      policy = JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("policy.json is not JSON: " + e.getMessage() + "\n" + text, e);
    }
    JsonNode statement = policy.path("Statement").path(0);
    assertEquals(expectedArns(in), texts(statement.path("Resource")), text);
    List<String> actions = new ArrayList<>(List.of("kms:Decrypt"));
    if (in.accessOrDefault().contains("save")) {
      actions.add("kms:GenerateDataKey");
    }
    assertEquals(actions, texts(statement.path("Action")), text);
  }

  static List<String> expectedArns(Input in) {
    List<String> out = new ArrayList<>();
    for (String k : in.keys()) {
      out.add(
          k.startsWith("arn:")
              ? k
              : "arn:"
                  + partitionOf(in.region())
                  + ":kms:"
                  + in.region()
                  + ":"
                  + in.account()
                  + ":key/"
                  + k);
    }
    return out;
  }

  static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
    } else {
      n.forEach(x -> out.add(x.isTextual() ? x.asText() : x.toString()));
    }
    return out;
  }
}
