package dev.runwright.cli;

import static dev.runwright.cli.GenerateCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.policy.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --list-rules}, and what issue 20 found lint did not know. */
class LintCommandTest {
  @TempDir Path tmp;

  @Test
  void listRulesPrintsEveryCodeOnALineSorted() {
    var r = run("lint", "--list-rules");
    assertEquals(ExitCode.OK, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("CODE +TYPE +GENERATE +HELP"), lines.get(0));
    List<String> rows = lines.subList(1, lines.size());
    assertEquals(FindingCode.values().length, rows.size());
    List<String> ids = new ArrayList<>();
    rows.forEach(l -> ids.add(l.substring(0, l.indexOf(' '))));
    assertEquals(ids.stream().sorted().toList(), ids);
    assertTrue(
        rows.contains(
            String.format(
                "%-28s  %-16s  %-14s  %s",
                "ALIAS_ARN_FOR_KEY_ACTION",
                "ERROR",
                "blocks",
                FindingCode.ALIAS_ARN_FOR_KEY_ACTION.help())),
        r.out());
    assertTrue(
        rows.stream()
            .anyMatch(
                l -> l.matches("POLICY_SIZE_EXCEEDED +ERROR +blocks \\(input\\) +a policy .*")),
        r.out());
    assertTrue(
        rows.stream().anyMatch(l -> l.matches("WILDCARD_ACTION +WARNING +passes +an Allow .*")),
        r.out());
    assertTrue(
        rows.stream().anyMatch(l -> l.matches("ACTION_CASE +SUGGESTION +passes +.*")), r.out());
  }

  @Test
  void listRulesAsJson() throws IOException {
    var r = run("lint", "--list-rules", "--json");
    assertEquals(ExitCode.OK, r.code(), r.err());
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertEquals(FindingCode.values().length, rows.size());
    JsonNode first = rows.get(0);
    assertEquals("ACTION_CASE", first.get("code").asText());
    assertEquals("SUGGESTION", first.get("findingType").asText());
    assertEquals(false, first.get("blocksGeneration").asBoolean());
    assertEquals("TEMPLATE", first.get("blame").asText());
    assertEquals(FindingCode.ACTION_CASE.help(), first.get("help").asText());
  }

  @Test
  void listRulesTakesNoFileAndLintNeedsOne() throws IOException {
    Path f = Files.writeString(tmp.resolve("p.json"), "{}");
    var both = run("lint", "--list-rules", f.toString());
    assertEquals(ExitCode.USAGE, both.code());
    assertTrue(both.err().contains("--list-rules checks no file"), both.err());
    var none = run("lint");
    assertEquals(ExitCode.USAGE, none.code());
    assertTrue(none.err().contains("Missing required parameter: 'FILE'"), none.err());
  }

  @Test
  void helpNamesListRules() {
    assertTrue(run("lint", "--help").out().contains("--list-rules"));
  }

  @Test
  void aRegionTypoInAnArnIsAFinding() throws IOException {
    // Issue 20: "No findings" for this ARN.
    Path f =
        Files.writeString(
            tmp.resolve("p.json"),
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\":"
                + " \"kms:Decrypt\", \"Resource\":"
                + " \"arn:aws:kms:eu-centrl-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}}");
    var r = run("lint", f.toString());
    assertEquals(ExitCode.OK, r.code(), "a warning, not an error");
    assertTrue(
        r.out()
            .contains(
                ": WARNING UNKNOWN_ARN_REGION $.Statement.Resource: \"eu-centrl-1\" is not a Region"
                    + " Runwright knows (botocore, 2026-01-15); did you mean eu-central-1?"),
        r.out());
  }

  @Test
  void s3AndLambdaActionsAreKnown() throws IOException {
    // Issue 20: s3:GetObjects and s3:ListBuckett passed.
    Path f =
        Files.writeString(
            tmp.resolve("p.json"),
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": ["s3:GetObjects", "s3:ListBuckett"],
                 "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]},
                {"Effect": "Allow", "Action": "lambda:InvokeFunction",
                 "Resource": "arn:aws:lambda:us-east-1:111122223333:function:f:prod"}
              ]
            }
            """);
    var r = run("lint", f.toString());
    assertEquals(ExitCode.FINDINGS, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                ":4:36: ERROR UNKNOWN_ACTION $.Statement[0].Action[0]: \"s3:GetObjects\" is not an"
                    + " S3 action; did you mean GetObject?"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                ":4:53: ERROR UNKNOWN_ACTION $.Statement[0].Action[1]: \"s3:ListBuckett\" is not"
                    + " an S3 action; did you mean ListBucket?"),
        r.out());
    assertTrue(r.out().endsWith("2 findings (2 errors) in 1 file\n"), r.out());
  }
}
