package dev.runwright.cli;

import static dev.runwright.cli.GenerateCommandTest.KEY;
import static dev.runwright.cli.GenerateCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packs as data: a new pack, single-file overrides, exporting, listing, and pack errors. */
class PacksTest {
  static final Path TEST_PACKS = Path.of("src/test/resources/packs").toAbsolutePath();

  @TempDir Path tmp;

  private String[] kms(String... extra) {
    String[] base = {
      "generate", "--account", "111122223333", "--region", "us-east-1", "--key", KEY
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void aPackThatOnlyExistsInAUserFolderWorksWithGenerate() throws IOException {
    Path out = tmp.resolve("out");
    var r =
        run(
            "generate",
            "--templates",
            TEST_PACKS.toString(),
            "--pack",
            "s3-load",
            "--account",
            "111122223333",
            "--region",
            "eu-west-1",
            "--set",
            "bucket=payments-imports",
            "--out",
            out.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    String policy = Files.readString(out.resolve("policy.json"));
    assertTrue(policy.contains("\"Resource\": \"arn:aws:s3:::payments-imports/*\""), policy);
    assertTrue(Files.readString(out.resolve("runbook.md")).contains("payments-imports"));
    assertTrue(Files.exists(out.resolve("runbook.html")));
    assertFalse(Files.exists(out.resolve("role")), "s3-load has no follow-up");
  }

  @Test
  void aUserPackIsValidatedByItsManifestAndTypes() {
    var r =
        run(
            "generate",
            "--templates",
            TEST_PACKS.toString(),
            "--pack",
            "s3-load",
            "--account",
            "111122223333",
            "--region",
            "eu-west-1",
            "--set",
            "bucket=Bad_Bucket",
            "--set",
            "prefix=a b",
            "--out",
            tmp.resolve("out").toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(
        r.err()
            .contains("--set bucket: error: bucket: \"Bad_Bucket\" is not an S3 bucket" + " name"),
        r.err());
    assertTrue(
        r.err().contains("--set prefix: error: prefix: \"a b\" does not match the pattern"),
        r.err());
  }

  @Test
  void aUserPackWorksInASiteBesideTheBuiltInPack() throws IOException {
    Path inv = tmp.resolve("fleet.yaml");
    Files.writeString(
        inv,
        """
        title: Mixed fleet
        templates: [%s]
        runbooks:
          - id: kms
            account: "111122223333"
            region: us-east-1
            keys: [%s]
          - id: imports
            pack: s3-load
            account: "111122223333"
            region: us-east-1
            bucket: payments-imports
        """
            .formatted(TEST_PACKS, KEY));
    Path site = tmp.resolve("site");
    var r = run("site", "--config", inv.toString(), "--out", site.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(Files.readString(site.resolve("imports/policy.json")).contains("s3:GetObject"));
    assertTrue(Files.exists(site.resolve("kms/role/trust-policy.json")));
    String index = Files.readString(site.resolve("index.html"));
    assertTrue(index.contains("imports/index.html"));
    assertTrue(index.contains("tailored to one account and Region"), "no KMS talk for S3 runbooks");
    assertFalse(index.contains("set of KMS keys"), index);
  }

  @Test
  void oneFileInAUserFolderOverridesOnlyThatFile() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Files.writeString(
        mine.resolve("kms-policy/runbook.md.ftl"),
        "# Our own runbook for ${p.policyName}\n\n${md.block(docs.policy.text, \"json\")}\n");
    Path out = tmp.resolve("out");
    var r = run(kms("--templates", mine.toString(), "--out", out.toString()));
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(
        Files.readString(out.resolve("kms/runbook.md"))
            .startsWith("# Our own runbook for AmazonRDSKMSKey"));
    assertTrue(
        Files.readString(out.resolve("kms/runbook.html"))
            .contains("<title>Our own runbook for AmazonRDSKMSKey</title>"));
    assertTrue(
        Files.readString(out.resolve("role/runbook.md")).startsWith("# Create the IAM role"),
        "other templates stay built-in");
  }

  @Test
  void exportedTemplatesReproduceTheBuiltInOutputExactly() throws IOException {
    Path exported = tmp.resolve("exported");
    var e = run("templates", "export", exported.toString());
    assertEquals(ExitCode.OK, e.code(), e.err());
    assertTrue(Files.exists(exported.resolve("kms-policy/pack.yaml")));
    assertTrue(Files.exists(exported.resolve("assets/runwright.css")));
    run(kms("--out", tmp.resolve("a").toString()));
    run(kms("--templates", exported.toString(), "--out", tmp.resolve("b").toString()));
    assertEquals(read(tmp.resolve("a")), read(tmp.resolve("b")));
    var again = run("templates", "export", exported.toString());
    assertEquals(ExitCode.OUTPUT, again.code());
    assertTrue(again.err().contains("add --force to overwrite them"), again.err());
  }

  @Test
  void exportOnePackBringsTheSharedTemplatesItImports() throws IOException {
    Path exported = tmp.resolve("one");
    assertEquals(
        ExitCode.OK,
        run("templates", "export", exported.toString(), "--pack", "aurora-role").code());
    assertTrue(Files.exists(exported.resolve("aurora-role/trust-policy.json.ftl")));
    assertTrue(Files.exists(exported.resolve("common/macros.md.ftl")));
    assertFalse(Files.exists(exported.resolve("kms-policy")));
  }

  @Test
  void packsListsEveryPackWithItsParameters() throws IOException {
    var table = run("packs", "--templates", TEST_PACKS.toString());
    assertEquals(ExitCode.OK, table.code(), table.err());
    assertTrue(table.out().contains("kms-policy - IAM policy for Aurora MySQL to use KMS keys"));
    assertTrue(table.out().contains("s3-load - IAM policy for Aurora MySQL to read an S3 bucket"));
    var json = run("packs", "--templates", TEST_PACKS.toString(), "--json");
    JsonNode packs = new ObjectMapper().readTree(json.out());
    JsonNode s3 = null;
    for (JsonNode p : packs) {
      if (p.get("id").asText().equals("s3-load")) {
        s3 = p;
      }
    }
    assertTrue(s3 != null, json.out());
    assertEquals("s3-bucket-name", s3.get("parameters").get(2).get("type").asText());
    assertEquals("AuroraLoadFromS3", s3.get("parameters").get(4).get("default").asText());
  }

  /** Generates with the pack "broken" from the template folder {@code templates}. */
  private GenerateCommandTest.Run generateBroken(Path templates) {
    return run(
        "generate",
        "--templates",
        templates.toString(),
        "--pack",
        "broken",
        "--out",
        tmp.resolve("out").toString());
  }

  @Test
  void aWrongManifestIsReportedWithFileLineAndColumn() throws IOException {
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad.resolve("broken"));
    Files.writeString(
        bad.resolve("broken/pack.yaml"),
        """
        id: broken
        title: Broken
        parameters:
          account:
            type: aws-acount-id
        documents:
          - id: runbook
            path: ../runbook.md
            template: runbook.md.ftl
            kind: runbook-markdown
        """);
    var r = generateBroken(bad);
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    String file = bad.resolve("broken/pack.yaml").toString();
    assertTrue(
        r.err()
            .contains(
                file
                    + ":5:11: error: parameters.account.type: unknown type"
                    + " \"aws-acount-id\"; did you mean aws-account-id?"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                file
                    + ":8:11: error: documents[0].path: \"../runbook.md\" is not"
                    + " a new relative file name"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                file
                    + ":9:15: error: documents[0].template: template"
                    + " broken/runbook.md.ftl was not found"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aDefaultItsOwnParameterRefusesIsReportedWhenThePackLoads() throws IOException {
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad.resolve("broken"));
    Files.writeString(bad.resolve("broken/runbook.md.ftl"), "# x\n");
    Files.writeString(
        bad.resolve("broken/pack.yaml"),
        """
        id: broken
        title: Broken
        parameters:
          engine:
            type: enum
            values: [mysql, postgres]
            default: mariadb
          retries:
            type: integer
            min: 5
            max: 2
            default: 9
          tags:
            type: string
            list: true
            pattern: "[a-z]+"
            default: [ok, Not-Ok]
        documents:
          - id: runbook
            path: runbook.md
            template: runbook.md.ftl
            kind: runbook-markdown
        """);
    var r = generateBroken(bad);
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    String file = bad.resolve("broken/pack.yaml").toString();
    assertTrue(
        r.err()
            .contains(
                file
                    + ":7:14: error: parameters.engine.default: \"mariadb\" is not allowed;"
                    + " expected one of mysql, postgres"),
        r.err());
    assertTrue(
        r.err().contains(file + ":10:10: error: parameters.retries.min: 5 is above max 2"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                file
                    + ":17:19: error: parameters.tags.default[1]: \"Not-Ok\" does not match"
                    + " the pattern [a-z]+"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aValueInACodeBlockIsShownAsItIsAndInAShellBlockMustBeQuoted() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Path template = mine.resolve("kms-policy/runbook.md.ftl");
    Files.writeString(
        template,
        """
        # ${p.policyName}

        ```text
        ${p.policyName}
        ```

          ~~~~
          ``` not the end
          ${p.policyName}
          ~~~~

        After: ${p.policyName}
        """);
    Path out = tmp.resolve("out");
    var r =
        run(
            kms(
                "--templates",
                mine.toString(),
                "--policy-name",
                "My_Policy+1",
                "--no-follow-ups",
                "--out",
                out.toString()));
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertEquals(
        "# My\\_Policy+1\n\n```text\nMy_Policy+1\n```\n\n  ~~~~\n  ``` not the end\n"
            + "  My_Policy+1\n  ~~~~\n\nAfter: My\\_Policy+1\n",
        Files.readString(out.resolve("runbook.md")));

    Files.writeString(template, "# Policy\n\n~~~\n${p.description}\n~~~\n");
    var fence =
        run(
            kms(
                "--templates",
                mine.toString(),
                "--description",
                "ends ~~~ here",
                "--out",
                tmp.resolve("out3").toString()));
    assertEquals(ExitCode.TEMPLATE, fence.code(), fence.err());
    assertTrue(
        fence.err().contains(":4:1: error: this value has a line break or ~~~, which could end"),
        fence.err());

    Files.writeString(
        template, "# Policy\n\n```sh\naws iam get-policy --policy-arn ${p.policyName.arn}\n```\n");
    Path out2 = tmp.resolve("out2");
    var bare = run(kms("--templates", mine.toString(), "--out", out2.toString()));
    assertEquals(ExitCode.TEMPLATE, bare.code(), bare.err());
    assertTrue(
        bare.err()
            .startsWith(
                template
                    + ":4:33: error: this value is inside a ```sh block, where it needs quoting"
                    + " as a shell word; write it as ${sh(value)}"),
        bare.err());
    assertFalse(Files.exists(out2));
  }

  @Test
  void aTemplateSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Files.writeString(mine.resolve("kms-policy/runbook.md.ftl"), "# Title\n\n<#if p.keys>\nx\n");
    var r = run(kms("--templates", mine.toString(), "--out", tmp.resolve("out").toString()));
    assertEquals(ExitCode.TEMPLATE, r.code());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith(mine.resolve("kms-policy/runbook.md.ftl") + ":"), first);
    assertTrue(first.contains(": error: "), first);
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aTemplateThatProducesInvalidJsonIsNamed() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Files.writeString(
        mine.resolve("kms-policy/policy.json.ftl"),
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Action\": [\"kms:Decrypt\",]}]}");
    var r = run(kms("--templates", mine.toString(), "--out", tmp.resolve("out").toString()));
    assertEquals(ExitCode.TEMPLATE, r.code());
    assertTrue(
        r.err()
            .startsWith(
                mine.resolve("kms-policy/policy.json.ftl")
                    + ": error: the template's output is not valid JSON"),
        r.err());
  }

  @Test
  void aPolicyThatBreaksTheChecksIsNotWritten() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Files.writeString(
        mine.resolve("kms-policy/policy.json.ftl"),
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " \"kms:*\", \"Resource\": \"*\"}]}");
    var r = run(kms("--templates", mine.toString(), "--out", tmp.resolve("out").toString()));
    assertEquals(ExitCode.TEMPLATE, r.code(), "the template is wrong, not the input");
    assertTrue(
        r.err()
            .startsWith(
                mine.resolve("kms-policy/policy.json.ftl")
                    + ": error: policy.json: the generated policy fails IAM's checks:"
                    + " SECURITY_WARNING WILDCARD_ACTION"),
        r.err());
    assertTrue(r.err().contains("WILDCARD_RESOURCE"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aNumberInAJsonTemplateIsAJsonNumber() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Files.writeString(
        mine.resolve("kms-policy/policy.json.ftl"),
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt",
         "Resource": ${p.keys[0].arn},
         "Condition": {"NumericLessThan": {"kms:GrantConstraintType": ${p.keys?size * 1800},
                                           "aws:MultiFactorAuthAge": ${1.50}},
                       "StringEquals": {"aws:RequestTag/n": "${p.keys?size}"}}}]}
        """);
    Path out = tmp.resolve("out");
    var r = run(kms("--templates", mine.toString(), "--out", out.toString()));
    assertEquals(ExitCode.OK, r.code(), r.err());
    String policy = Files.readString(out.resolve("kms/policy.json"));
    assertTrue(policy.contains("\"kms:GrantConstraintType\": 1800\n"), policy);
    assertTrue(policy.contains("\"aws:MultiFactorAuthAge\": 1.5,"), policy);
    assertTrue(policy.contains("\"aws:RequestTag/n\": \"1\""), "inside a string it is text");
  }

  @Test
  void aTemplateLinkThatLeadsOutOfItsFolderIsRefused() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "SECRET\n");
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Files.createSymbolicLink(mine.resolve("kms-policy/secret.md.ftl"), secret);
    Files.writeString(
        mine.resolve("kms-policy/runbook.md.ftl"), "# T\n\n<#include \"secret.md.ftl\">\n");
    Path out = tmp.resolve("out");
    var r = run(kms("--templates", mine.toString(), "--out", out.toString()));
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                mine.resolve("kms-policy/secret.md.ftl")
                    + ": error: is a symbolic link to "
                    + secret.toRealPath()
                    + ", outside the template folder"),
        r.err());
    assertFalse(r.err().contains("SECRET"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aTemplateOrManifestThatIsNotUtf8IsATemplateErrorWithItsPosition() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine.resolve("kms-policy"));
    Path template = mine.resolve("kms-policy/runbook.md.ftl");
    Files.write(
        template, "# Title\n\nab\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    var r = run(kms("--templates", mine.toString(), "--out", tmp.resolve("out").toString()));
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    assertTrue(
        r.err().startsWith(template + ":3:3: error: is not valid UTF-8 (byte 0xFF at offset 11)"),
        r.err());

    Path other = tmp.resolve("other");
    Files.createDirectories(other.resolve("kms-policy"));
    Path manifest = other.resolve("kms-policy/pack.yaml");
    Files.write(
        manifest,
        "id: kms-policy\ntitle: caf\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    r = run(kms("--templates", other.toString(), "--out", tmp.resolve("out").toString()));
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    assertTrue(r.err().startsWith(manifest + ":2:11: error: is not valid UTF-8"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), Files.readString(f));
      }
    }
    return out;
  }
}
