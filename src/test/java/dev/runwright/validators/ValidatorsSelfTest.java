package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.render.MarkdownRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Each validator wrapper on small inputs written by hand, one that passes and one that breaks the
 * tool's rules in known ways, so that a clean result on Runwright's output means something.
 */
class ValidatorsSelfTest {
  private static final Path DIR = Path.of("src", "test", "resources", "validators");

  @TempDir Path tmp;

  @Test
  void shellcheckFindsAnUnquotedVariableAndNamesTheScript() {
    assertEquals(
        List.of(),
        Validators.shellcheck("role=RDSLoadFromS3\naws iam get-role --role-name \"$role\"\n"));
    List<Finding> found =
        Validators.shellcheck(
            "sh",
            Map.of(
                "clean", "echo 'fine'\n",
                "page.md:12", "role=$(cat role-name)\naws iam get-role --role-name $role\n"));
    assertEquals(1, found.size(), found::toString);
    assertEquals("page.md:12", found.get(0).file());
    assertEquals(2, found.get(0).line());
    assertTrue(found.get(0).message().startsWith("SC2086"), found::toString);
  }

  @Test
  void shellsRecordTheSameArgvAndZshStopsOnAnUnmatchedGlob() {
    Path stub = Shells.stubAws(tmp.resolve("stub"));
    String script = "aws s3 ls 'a b' \"c*\" 'two\nlines'\n";
    Shells.ShellRun sh = Shells.runUnder("sh", script, stub);
    Shells.ShellRun zsh = Shells.runUnder("zsh", script, stub);
    assertEquals(0, sh.exit(), sh::describe);
    assertEquals(List.of(List.of("s3", "ls", "a b", "c*", "two\nlines")), sh.awsCalls());
    assertEquals(sh.awsCalls(), zsh.awsCalls());

    String glob = "aws iam get-policy --policy-arn arn:aws:iam::********3333:policy/P\n";
    Shells.ShellRun shGlob = Shells.runUnder("sh", glob, stub);
    Shells.ShellRun zshGlob = Shells.runUnder("zsh", glob, stub);
    assertEquals(0, shGlob.exit(), shGlob::describe);
    assertEquals("arn:aws:iam::********3333:policy/P", shGlob.awsCalls().get(0).get(3));
    assertNotEquals(0, zshGlob.exit(), zshGlob::describe);
    assertTrue(zshGlob.err().contains("no matches found"), zshGlob::describe);
    assertEquals(List.of(), zshGlob.awsCalls());
  }

  @Test
  void theStubAnswersTheWriterLookupAndUnsetVariablesFail() {
    Path stub = Shells.stubAws(tmp.resolve("stub"));
    String script =
        "writer=$(aws rds describe-db-clusters --db-cluster-identifier c \\\n"
            + "  --query 'DBClusters[0].DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier' \\\n"
            + "  --output text)\n"
            + "aws rds reboot-db-instance --db-instance-identifier \"$writer\"\n";
    for (String shell : List.of("sh", "zsh")) {
      Shells.ShellRun run = Shells.runUnder(shell, script, stub);
      assertEquals(0, run.exit(), run::describe);
      assertEquals(
          List.of("rds", "reboot-db-instance", "--db-instance-identifier", Shells.STUB_WRITER),
          run.awsCalls().get(1));
      assertNotEquals(0, Shells.runUnder(shell, "aws iam get-role \"$nope\"\n", stub).exit());
      assertNotEquals(0, Shells.runUnder(shell, "false\naws iam get-role\n", stub).exit());
    }
  }

  @Test
  void aBlockEndingWithADatabaseClientRunsAgainstItsStub() {
    Path stub = Shells.stubAws(tmp.resolve("stub"));
    String script =
        "host=$(aws rds describe-db-clusters --db-cluster-identifier c \\\n"
            + "  --query 'DBClusters[0].Endpoint' --output text)\n"
            + "PGSSLMODE=require psql --host=\"$host\" --username=loader --dbname=db\n"
            + "mysql --host=\"$host\" --user=loader\n";
    for (String shell : List.of("sh", "zsh")) {
      Shells.ShellRun run = Shells.runUnder(shell, script, stub);
      assertEquals(0, run.exit(), run::describe);
      assertEquals(1, run.awsCalls().size(), run::describe);
    }
  }

  @Test
  void cmarkGfmRendersTablesAndDiffersFromCommonmarkWhereGithubDoes() {
    String markdown = "# T\n\n| a | `b` |\n|---|---|\n| c | d |\n\n```sh\naws s3 ls\n```\n";
    UnaryOperator<String> same = UnaryOperator.identity();
    HtmlDigest github = HtmlDigest.ofFragment(Validators.cmarkGfm(markdown));
    HtmlDigest ours = HtmlDigest.ofFragment(new MarkdownRenderer().render(markdown, same).body());
    assertEquals(List.of(List.of(List.of("a", "b"), List.of("c", "d"))), github.tables());
    assertEquals(List.of("b"), github.codeSpans());
    assertEquals(List.of("aws s3 ls\n"), github.codeBlocks());
    assertEquals(List.of(), ours.differences(github, "ours", "github"));

    // GitHub strikes ~~through~~ and drops a raw <your-id> tag that commonmark-java shows as text.
    String tricky = "Keep ~~this~~ and <your-id> as written.\n";
    HtmlDigest githubTricky = HtmlDigest.ofFragment(Validators.cmarkGfm(tricky));
    HtmlDigest oursTricky =
        HtmlDigest.ofFragment(new MarkdownRenderer().render(tricky, same).body());
    assertEquals("Keep this and as written.", githubTricky.text());
    List<String> diff = oursTricky.differences(githubTricky, "ours", "github");
    assertEquals(1, diff.size(), diff::toString);
    assertTrue(diff.get(0).startsWith("text differs at character 5"), diff::toString);
  }

  @Test
  void cfnLintAcceptsACurrentTemplateAndNamesEachBrokenRule() {
    Path good = DIR.resolve("cfn/good.yaml");
    Path bad = DIR.resolve("cfn/bad.yaml");
    List<Finding> all = Validators.cfnLint(List.of(good, bad));
    assertTrue(all.stream().allMatch(f -> f.file().equals(bad.toString())), all::toString);
    List<String> found = all.stream().map(Finding::message).toList();
    List<String> expected =
        List.of(
            "[cfn-lint] crit Resources > KmsPolicy > Properties > PolicyDocumnt:",
            "[cfn-lint] crit Resources > Role > Properties > ManagedPolicyArns > 0: Referenced"
                + " value NoSuchPolicy does not exist",
            "[cfn-lint] crit Resources > Group: Resource Group has an invalid Type",
            "[cfn-lint] crit Outputs > RoleArn > Value: No such attribute Arnn",
            "[service-spec] Resources > KmsPolicy > Properties: required property PolicyDocument"
                + " is missing",
            "[service-spec] Resources > KmsPolicy > Properties > PolicyDocumnt: no such property",
            "[service-spec] Resources > Group: resource type AWS::RDS::DBClusterParameterGroupp"
                + " does not exist");
    for (String e : expected) {
      assertTrue(found.stream().anyMatch(f -> f.startsWith(e)), () -> e + " in " + found);
    }
  }

  @Test
  void hcl2jsonParsesTerraformAndRefusesAnUnclosedBlock() {
    var json = Validators.hcl2json(DIR.resolve("tf/good.tf"));
    assertEquals(
        "AmazonRDSKMSKey", json.at("/resource/aws_iam_policy/kms/0/name").asText(), json::toString);
    assertEquals(
        ">= 6.13.0",
        json.at("/terraform/0/required_providers/0/aws/version").asText(),
        json::toString);
    AssertionError e =
        assertThrows(AssertionError.class, () -> Validators.hcl2json(DIR.resolve("tf/bad.tf")));
    assertTrue(e.getMessage().contains("Unclosed configuration block"), e::getMessage);
  }

  @Test
  void hclFmtAcceptsAFormattedFileAndNamesTheFirstLineFmtWouldChange(@TempDir Path tmp)
      throws Exception {
    Path good = DIR.resolve("tf/good.tf");
    Path unaligned = tmp.resolve("unaligned.tf");
    Files.writeString(unaligned, "resource \"a\" \"b\" {\n  name = \"x\"\n  path_x = \"/\"\n}\n");
    List<Finding> found = Validators.hclFmt(List.of(good, unaligned));
    assertEquals(1, found.size(), found::toString);
    assertEquals(unaligned.toString(), found.get(0).file());
    assertTrue(
        found.get(0).message().startsWith("line 2 is not as terraform fmt"), found::toString);
  }

  @Test
  void ssmSchemaAcceptsAnAutomationDocumentAndPointsAtEachError() {
    assertEquals(List.of(), Validators.ssmSchema(DIR.resolve("ssm/good.yaml")));
    List<String> found =
        Validators.ssmSchema(DIR.resolve("ssm/bad.yaml")).stream()
            .map(f -> f.line() + ": " + f.message())
            .toList();
    List<String> expected =
        List.of(
            "1: /schemaVersion: must be equal to one of the allowed values: 0.3",
            "4: /mainSteps/0/action: must be equal to one of the allowed values",
            "7: /mainSteps/1: must NOT have additional properties (maxAttempt)",
            "11: /mainSteps/1/inputs: must have required property 'Approvers'");
    for (String e : expected) {
      assertTrue(found.stream().anyMatch(f -> f.startsWith(e)), () -> e + " in " + found);
    }
  }

  @Test
  void mkdocsStrictBuildFindsTheOneBrokenLink() {
    // index.md links other.md and a heading in it; broken.md links a page that is not there.
    List<String> found = Validators.mkdocsBuildStrict(DIR.resolve("mkdocs"));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("'broken.md'"), found::toString);
    assertTrue(found.get(0).contains("missing.md"), found::toString);
  }

  @Test
  void hugoReadsFrontMatterAsGoYamlDoesAndRefusesBrokenYaml() {
    var pages = Validators.hugoFrontMatter(DIR.resolve("hugo/pages"));
    assertEquals(java.util.Set.of("quoted.md", "unquoted.md"), pages.keySet());
    assertEquals("012345670123", pages.get("quoted.md").path("account").textValue());
    assertEquals(2, pages.get("quoted.md").path("weight").intValue());
    // Go's YAML reads an unquoted account with a leading 0 as an octal number (issue 20, #11).
    assertTrue(pages.get("unquoted.md").path("account").isNumber(), pages::toString);
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> Validators.hugoFrontMatter(DIR.resolve("hugo/broken")));
    assertTrue(e.getMessage().contains("broken.md"), e::getMessage);
  }

  @Test
  void aMissingToolSkipsLocallyAndFailsWhereToolsAreRequired() {
    Tool missing = Tool.onPath("no-such-validator", "apt-get install no-such-validator");
    assertFalse(missing.present());
    if (System.getenv(Tool.REQUIRE) == null) {
      TestAbortedException e = assertThrows(TestAbortedException.class, missing::require);
      assertTrue(e.getMessage().contains("apt-get install no-such-validator"), e::getMessage);
      assertTrue(e.getMessage().contains("RUNWRIGHT_REQUIRE_TOOLS=1"), e::getMessage);
    } else {
      AssertionFailedError e = assertThrows(AssertionFailedError.class, missing::require);
      assertTrue(e.getMessage().contains("apt-get install no-such-validator"), e::getMessage);
    }
  }

  @Test
  void axeCoreScriptIsTheBrowserBuild() {
    String axe = Validators.axeCoreScript();
    assertTrue(axe.contains("axe.run") || axe.contains("\"run\""), "axe.min.js defines axe.run");
    assertTrue(axe.length() > 100_000, "the whole script, not a stub");
  }

  @Test
  void commandBlocksAreFoundWithTheirLineAndTheExplainedPlaceholders() {
    String md =
        "---\ntitle: x\n---\n\n# T\n\n> **Placeholder:** `<your-cluster-id>` stands for it.\n\n"
            + "```json\n{}\n```\n\n```sh\naws rds describe-db-clusters\n```\n\n"
            + "  ```bash\n  echo hi\n  ```\n";
    CommandBlocks.Page page = CommandBlocks.parse(Path.of("p.md"), "p.md", md);
    assertEquals(
        List.of(
            new CommandBlocks.Block("p.md:13", "sh", "aws rds describe-db-clusters\n"),
            new CommandBlocks.Block("p.md:17", "bash", "echo hi\n")),
        page.blocks());
    assertEquals(java.util.Set.of("<your-cluster-id>"), page.explainedPlaceholders());
  }
}
