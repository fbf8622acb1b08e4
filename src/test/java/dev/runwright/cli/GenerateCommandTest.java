package dev.runwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code runwright generate} through the testable entry point: exit codes, stderr, files. */
class GenerateCommandTest {
  static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run generate(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("generate", "--out", tmp.resolve("out").toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** {@code generate} with a valid account, Region and key, and {@code extra}. */
  private Run generateValid(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("--account", "111122223333", "--region", "us-east-1", "--key", KEY));
    args.addAll(List.of(extra));
    return generate(args.toArray(String[]::new));
  }

  private Path yaml(String text) throws IOException {
    Path f = tmp.resolve("runbook.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void printShowsOneFileAsGenerateWritesItAndWritesNothing() throws IOException {
    Path yaml =
        yaml(
            "account: \"111122223333\"\nregion: eu-west-1\nkeys: ["
                + KEY
                + "]\nclusterId: db1\nforms: [console, cli, terraform]\n");
    assertEquals(ExitCode.OK, generate("--config", yaml.toString()).code());
    boolean hadOut = Files.exists(Path.of("out"));
    // Files that are not pages are printed from a rendering without the pages; pages, and bare
    // names, as generate writes them too.
    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("kms/policy.json", "kms/policy.json");
    printed.put("role/trust-policy.json", "role/trust-policy.json");
    printed.put("./kms/runbook.md", "kms/runbook.md");
    printed.put("trust-policy.json", "role/trust-policy.json");
    printed.put("kms/runbook.html", "kms/runbook.html");
    printed.put("procedure.html", "procedure.html");
    for (Map.Entry<String, String> file : printed.entrySet()) {
      Run r = run("generate", "--config", yaml.toString(), "--print", file.getKey());
      assertEquals(ExitCode.OK, r.code(), r.err());
      assertEquals(
          Files.readString(tmp.resolve("out").resolve(file.getValue())), r.out(), file.getKey());
      assertEquals("", r.err(), "nothing but the file, and no note: every value is given");
    }
    assertEquals(hadOut, Files.exists(Path.of("out")), "no default out folder was made");
    try (var files = Files.list(tmp)) {
      assertEquals(2, files.count(), "only the YAML and the first run's out");
    }

    Run typo = run("generate", "--config", yaml.toString(), "--print", "polcy.json");
    assertEquals(ExitCode.USAGE, typo.code());
    assertTrue(
        typo.err()
            .startsWith(
                "error: --print: \"polcy.json\" is not a file this generate writes; did you mean"
                    + " policy.json? (files: kms/policy.json, kms/main.tf, kms/runbook.md,"),
        typo.err());
    Run both =
        run("generate", "--config", yaml.toString(), "--print", "kms/policy.json", "--out", "x");
    assertEquals(ExitCode.USAGE, both.code());
    assertEquals("", both.out());
    assertFalse(Files.exists(Path.of("x")));
  }

  @Test
  void configDashReadsStandardInputAndNamesItInMessages() throws IOException {
    Path yaml =
        yaml("account: \"111122223333\"\nregion: eu-west-1\nkeys: [" + KEY + "]\nclusterId: db1\n");
    assertEquals(ExitCode.OK, generate("--config", yaml.toString()).code());
    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(Files.readAllBytes(yaml)));
      Path out = tmp.resolve("from-stdin");
      Run r = run("generate", "--config", "-", "--out", out.toString());
      assertEquals(ExitCode.OK, r.code(), r.err());
      assertEquals(
          Files.readString(tmp.resolve("out/kms/policy.json")),
          Files.readString(out.resolve("kms/policy.json")));
      // Standard input is read once; check reads its input twice (to tell a runbook from an
      // inventory, then to render it) and gets the same bytes both times.
      Run check = run("check", "--config", "-", "--out", out.toString());
      assertEquals(ExitCode.OK, check.code(), check.err());

      System.setIn(new ByteArrayInputStream("account: 12\n".getBytes(StandardCharsets.UTF_8)));
      Run bad = run("validate", "--config", "-");
      assertEquals(ExitCode.INVALID_INPUT, bad.code());
      assertTrue(
          bad.err().contains("<stdin>:1:10: error: account: \"12\" has 2 digits"), bad.err());
    } finally {
      System.setIn(before);
    }
    Run serve = run("serve", "--config", "-");
    assertEquals(ExitCode.USAGE, serve.code());
    assertTrue(serve.err().startsWith("error: --config -: serve rebuilds"), serve.err());
  }

  @Test
  void theSsmAutomationRunbookIsMentionedOnlyWhenItIsAFormTheInputChose() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(ExitCode.OK, generateValid("--forms", "terraform,cloudformation").code());
    String overview = Files.readString(out.resolve("procedure.md"));
    assertTrue(overview.contains("## All at once: Terraform or CloudFormation"), overview);
    assertFalse(overview.contains("SSM Automation"), "not chosen, so not mentioned:\n" + overview);
    assertFalse(Files.readString(out.resolve("associate/runbook.md")).contains("SSM Automation"));

    assertEquals(ExitCode.OK, generateValid("--forms", "ssm").code());
    overview = Files.readString(out.resolve("procedure.md"));
    assertTrue(
        overview.contains(
            "## All at once: SSM Automation\n\nAn SSM Automation runbook that does the whole"
                + " procedure up to the database steps needs the cluster's identifier"),
        "chosen but without a cluster: why there is none\n" + overview);

    assertEquals(ExitCode.OK, generateValid("--cluster-id", "db1").code());
    overview = Files.readString(out.resolve("procedure.md"));
    assertTrue(overview.contains("## All at once: Terraform, CloudFormation or SSM Automation"));
    assertFalse(overview.contains("needs the cluster's identifier"), overview);
    assertTrue(
        Files.readString(out.resolve("associate/runbook.md"))
            .contains("or let the procedure's SSM Automation runbook do it"));
  }

  @Test
  void flagsAloneWriteThePolicyAndTheRunbooks() throws IOException {
    Run r = generateValid("--forms", "console,cli,terraform");
    assertEquals(ExitCode.OK, r.code(), r.err());
    Path out = tmp.resolve("out");
    for (String f :
        List.of(
            "kms/policy.json",
            "kms/main.tf",
            "kms/runbook.md",
            "kms/runbook.html",
            "role/trust-policy.json",
            "role/main.tf",
            "role/runbook.md",
            "role/runbook.html",
            "associate/main.tf",
            "associate/runbook.md",
            "associate/runbook.html",
            "terraform/main.tf",
            "procedure.md",
            "procedure.html")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(
        Files.readString(out.resolve("kms/policy.json"))
            .contains("\"arn:aws:kms:us-east-1:111122223333:key/" + KEY + "\""));
    assertTrue(r.out().startsWith("Generated 14 files in "), r.out());
    assertTrue(r.err().contains("note: clusterId is not set"), r.err());
  }

  @Test
  void theMarkdownShowsExactlyThePolicyJson() throws IOException {
    generateValid("--key", "mrk-1234abcd12ab34cd56ef1234567890ab");
    Path out = tmp.resolve("out");
    String policy = Files.readString(out.resolve("kms/policy.json"));
    String md = Files.readString(out.resolve("kms/runbook.md"));
    int start = md.indexOf("```json\n") + "```json\n".length();
    int end = md.indexOf("```", start);
    assertEquals(policy, md.substring(start, end));
  }

  @Test
  void flagsOverrideTheYaml() throws IOException {
    Path f =
        yaml(
            "account: \"111122223333\"\nregion: us-east-1\nkeys: ["
                + KEY
                + "]\n"
                + "policyName: FromYaml\n");
    Run r = generate("--config", f.toString(), "--policy-name", "FromFlag");
    assertEquals(ExitCode.OK, r.code(), r.err());
    String md = Files.readString(tmp.resolve("out/kms/runbook.md"));
    assertTrue(md.contains("# Create the KMS policy FromFlag for Aurora MySQL"), md);
    assertFalse(md.contains("FromYaml"));
  }

  @Test
  void anUnquotedAccountWithALeadingZeroKeepsItsDigits() throws IOException {
    Path f = yaml("account: 012345678901\nregion: us-east-1\nkeys: [" + KEY + "]\n");
    Run r = generate("--config", f.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(Files.readString(tmp.resolve("out/kms/policy.json")).contains(":012345678901:key/"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "short account|--account|11112222333|--account: error: account: \"11112222333\" has 11"
            + " digits; expected exactly 12 digits",
        "letters in account|--account|1111222233a3|--account: error: account: \"1111222233a3\""
            + " is not a number of 12 digits",
        "malformed region|--region|us-east1|--region: error: region: \"us-east1\" is not an AWS"
            + " Region code; expected a Region code such as us-east-1",
        "upper-case region|--region|US-EAST-1|--region: error: region: \"US-EAST-1\" is not an"
            + " AWS Region code; expected the lower-case code us-east-1",
        "alias|--key|alias/payments|--key: error: keys[0]: \"alias/payments\" is an alias",
        "alias ARN|--key|arn:aws:kms:us-east-1:111122223333:alias/payments|is an alias; an alias"
            + " in an IAM policy's Resource names the alias, not the key",
        "key in another partition|--key|arn:aws-cn:kms:cn-north-1:111122223333:key/"
            + KEY
            + "|is in partition aws-cn, but Region us-east-1 is in partition aws",
        "wildcard key|--key|arn:aws:kms:us-east-1:111122223333:key/*|contains a wildcard",
        "upper-case key|--key|1234ABCD-12AB-34CD-56EF-1234567890AB|has upper-case letters",
        "policy name with space|--policy-name|my policy|--policy-name: error: policyName: \"my"
            + " policy\" contains a space, which IAM does not allow",
        "long role name|--role-name|"
            + "r123456789r123456789r123456789r123456789r123456789r123456789r1234|is 65 characters"
            + " long; expected 1 to 64",
        "cluster id with capitals|--cluster-id|Payments|has upper-case letters; RDS stores cluster"
            + " identifiers in lower case; expected \"payments\"",
        "version 4|--aurora-mysql-version|4|\"4\" is out of range; expected a whole number from 2"
            + " to 3",
        "version 3.0|--aurora-mysql-version|3.0|\"3.0\" is not a whole number; expected a whole"
            + " number from 2 to 3",
        "key with a space|--key|'1234abcd-12ab-34cd-56ef-1234567890ab '|(it has spaces at the start"
            + " or end)",
        "access kind|--access|read|--access: error: access[0]: \"read\" is not allowed; expected"
            + " one of load, save",
      })
  void eachBadValueIsOneClearLineAndNothingIsWritten(
      String name, String flag, String value, String expected) {
    List<String> args =
        new ArrayList<>(
            List.of("--account", "111122223333", "--region", "us-east-1", "--key", KEY));
    int i = args.indexOf(flag);
    if (i >= 0) {
      args.set(i + 1, value);
    } else {
      args.addAll(List.of(flag, value));
    }
    Run r = generate(args.toArray(String[]::new));
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertTrue(r.err().contains("nothing was written"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPosition() throws IOException {
    Path f =
        yaml(
            """
            account: "1234"
            region: mars-north-1
            keys: [alias/x, %s]
            polcyName: AmazonRDSKMSKey
            description: "line one\\nline two"
            """
                .formatted(KEY));
    Run r = generate("--config", f.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    String name = f.toString();
    List<String> lines = r.err().lines().toList();
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        name
                            + ":4:1: error: polcyName: unknown field; did you mean policyName?"
                            + " (fields: engine, account, region,")),
        r.err());
    assertTrue(r.err().contains(name + ":1:10: error: account: \"1234\" has 4 digits"), r.err());
    assertTrue(r.err().contains(name + ":2:9: error: region: \"mars-north-1\""), r.err());
    assertTrue(r.err().contains(name + ":3:8: error: keys[0]: \"alias/x\" is an alias"), r.err());
    assertTrue(
        r.err()
            .contains(
                name
                    + ":5:14: error: description: \"line one\\nline two\" contains a"
                    + " line break"),
        r.err());
    assertTrue(r.err().contains("runwright: 5 errors in the input; nothing was written"), r.err());
  }

  @Test
  void missingRequiredValuesAreNamed() {
    Run r = generate();
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(
        r.err()
            .contains(
                "--account: error: account: is required; expected exactly 12 digits, such as"
                    + " \"012345678901\" (give it with --account, or in a YAML file given with"
                    + " --config)"),
        r.err());
    assertTrue(r.err().contains("--region: error: region: is required"), r.err());
    assertTrue(
        r.err()
            .contains(
                "--bucket, --key or --lambda-function: error: buckets, keys, lambdaFunctions: none"
                    + " is given, so the runbook would grant nothing"),
        r.err());
  }

  @Test
  void anOutputPathThroughAFolderThatDoesNotExistYetIsNormalised() {
    Path out = tmp.resolve("not-yet/../out2");
    Run r =
        run(
            "generate",
            "--account",
            "111122223333",
            "--region",
            "us-east-1",
            "--key",
            KEY,
            "--out",
            out.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(Files.isRegularFile(tmp.resolve("out2/kms/policy.json")));
    assertFalse(Files.exists(tmp.resolve("not-yet")), "no folder on the way is made");
  }

  @Test
  void anEmptyOutOrANonPositiveInputLimitIsRefused() {
    Run empty =
        run(
            "generate",
            "--account",
            "111122223333",
            "--region",
            "us-east-1",
            "--key",
            KEY,
            "--out",
            "");
    assertEquals(ExitCode.OUTPUT, empty.code());
    assertEquals(
        "error: --out is empty; give a folder, such as out (or . for the current folder)",
        empty.err().strip());
    Run limit = generateValid("--max-input-bytes", "-5");
    assertEquals(ExitCode.USAGE, limit.code());
    assertTrue(
        limit
            .err()
            .startsWith(
                "error: Invalid value for option '--max-input-bytes': '-5'; expected a whole"
                    + " number of bytes from 1 up"),
        limit.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aPolicyOverrideThatGrantsMoreThanTheRunbookDescribesIsATemplateError() throws IOException {
    Path tpl = Files.createDirectories(tmp.resolve("tpl/kms-policy"));
    Files.writeString(
        tpl.resolve("policy.json.ftl"),
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"kms:Decrypt\",\"kms:ScheduleKeyDeletion\"],"
            + "\"Resource\":${p.keys[0].arn}}]}\n");
    Run r = generateValid("--templates", tmp.resolve("tpl").toString());
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "it allows kms:ScheduleKeyDeletion, which the runbook does not describe (the pack"
                    + " allows only kms:Decrypt, kms:GenerateDataKey)"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void filesAnEarlierRunWroteAndThisOneDoesNotAreRemovedAndOnlyThose() throws IOException {
    assertEquals(
        ExitCode.OK,
        generateValid("--policy-name", "PolicyA", "--forms", "console,cli,terraform").code());
    Path out = tmp.resolve("out");
    Files.writeString(out.resolve("notes.txt"), "mine");
    Files.writeString(out.resolve("role/mine.txt"), "mine too");

    Run r =
        generateValid(
            "--policy-name", "PolicyB", "--no-follow-ups", "--forms", "console,cli,terraform");

    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.out().contains("removed 14 files an earlier run wrote"), r.out());
    assertFalse(Files.exists(out.resolve("procedure.html")));
    assertFalse(Files.exists(out.resolve("associate")), "an emptied folder goes too");
    assertFalse(Files.exists(out.resolve("role/runbook.md")));
    assertEquals("mine too", Files.readString(out.resolve("role/mine.txt")));
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    assertEquals(
        List.of("main.tf", "policy.json", "runbook.html", "runbook.md"),
        Files.readAllLines(out.resolve(".runwright-manifest")).stream()
            .filter(l -> !l.startsWith("#"))
            .toList());
  }

  @Test
  void anIdThatTwoEntriesShareIsRefused() throws IOException {
    Path inv = tmp.resolve("inv.yaml");
    String entry =
        "  - id: good\n    account: \"111122223333\"\n    region: %s\n    keys: [" + KEY + "]\n";
    Files.writeString(
        inv, "runbooks:\n" + entry.formatted("us-east-1") + entry.formatted("us-east-2"));
    Run r = generate("--config", inv.toString(), "--id", "good");
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertEquals(
        "--id: error: id: \"good\" is the id of 2 entries of "
            + inv
            + " (runbooks[0] (good), runbooks[1] (good)); give each entry its own id",
        r.err().lines().findFirst().orElse(""));
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aWellFormedButUnknownRegionIsOnlyAWarning() throws IOException {
    Run r = generate("--account", "111122223333", "--region", "us-east-9", "--key", KEY);
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "--region: warning: region: \"us-east-9\" is not a Region" + " Runwright knows"),
        r.err());
    assertTrue(Files.readString(tmp.resolve("out/kms/policy.json")).contains(":us-east-9:"));
  }

  @Test
  void otherFilesInTheFolderAreLeftAloneAndUnchangedFilesAreNotRewritten() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    String[] args = {
      "--account",
      "111122223333",
      "--region",
      "us-east-1",
      "--key",
      KEY,
      "--forms",
      "console,cli,terraform"
    };
    assertEquals(ExitCode.OK, generate(args).code());
    var before = Files.getLastModifiedTime(out.resolve("kms/policy.json"));
    Run again = generate(args);
    assertTrue(again.out().contains("(0 written, 14 unchanged)"), again.out());
    assertEquals(before, Files.getLastModifiedTime(out.resolve("kms/policy.json")));
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
  }

  @Test
  void anOutputThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("out"), "not a folder");
    Run r = generateValid();
    assertEquals(ExitCode.OUTPUT, r.code());
    assertEquals("error: --out " + file + " is a file, not a folder\n", r.err());
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void aTemplatesFolderThatIsNotThereIsAUsageErrorNotASilentFallback() throws IOException {
    Path missing = tmp.resolve("templtes");
    Run r = generateValid("-t", missing.toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(
        r.err()
            .startsWith(
                "error: Invalid value for option '--templates' (DIR): '"
                    + missing
                    + "' does not exist; expected a folder of templates\n"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void anEmptyOptionalValueIsLeftOutAndSetCannotContradictAFlag() throws IOException {
    Run r = generateValid("--description", "");
    assertEquals(ExitCode.OK, r.code(), r.err());
    String md = Files.readString(tmp.resolve("out/kms/runbook.md"));
    assertTrue(md.contains("Leave **Description** empty"), md);
    assertFalse(md.contains("--description"), md);

    Run both = generateValid("--description", "there", "--set", "description=hi");
    assertEquals(ExitCode.USAGE, both.code());
    assertTrue(
        both.err()
            .startsWith(
                "error: --set description and --description both set description; give it once\n"),
        both.err());
  }

  @Test
  void anInvisibleDirectionChangingCharacterIsAWarning() {
    Run r = generateValid("--description", "safe \u202etxt.exe", "-q");
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertEquals(
        "--description: warning: description: \"safe \\u202etxt.exe\" holds U+202E, an invisible"
            + " character that changes how the text reads (in a runbook, a shell command or the"
            + " console); remove it unless you mean it\n",
        r.err());
  }

  @Test
  void aYamlFileWithoutConfigGetsAHint() {
    Run r = run("generate", "site/examples/runbook.yaml");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("\nDid you mean: --config site/examples/runbook.yaml?\n"), r.err());
  }

  @Test
  void quietPrintsNoNotes() {
    Run loud = generateValid();
    assertTrue(loud.err().contains("note: "), loud.err());
    Run quiet = generateValid("-q");
    assertEquals(ExitCode.OK, quiet.code(), quiet.err());
    assertEquals("", quiet.err() + quiet.out());
  }

  @Test
  void aFolderWhereAFileGoesIsRefusedBeforeAnyFileIsWritten() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("associate/runbook.md"));
    Run r = generateValid();
    assertEquals(ExitCode.OUTPUT, r.code());
    assertEquals(
        "error: cannot write associate/runbook.md: "
            + out
            + "/associate/runbook.md is a folder; move it away or choose another --out\n",
        r.err());
    try (Stream<Path> s = Files.walk(out)) {
      assertEquals(
          List.of(out, out.resolve("associate"), out.resolve("associate/runbook.md")),
          s.sorted().toList(),
          "nothing written, no temporary file left");
    }
  }

  @Test
  void anOutputThatIsASymbolicLinkIsRefused() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(tmp.resolve("out"), elsewhere);
    Run r = generateValid();
    assertEquals(ExitCode.OUTPUT, r.code());
    assertTrue(r.err().contains("is a symbolic link"), r.err());
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void yamlErrorsNameTheFileLineAndColumn() throws IOException {
    Path f = yaml("account: \"111122223333\"\nregion: [us-east-1\nkeys: x\n");
    Run r = generate("--config", f.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(r.err().startsWith(f + ":"), r.err());
    assertTrue(r.err().contains("is not valid YAML"), r.err());
  }

  @Test
  void aMissingConfigFileIsOneLine() {
    Run r = generate("--config", tmp.resolve("nope.yaml").toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(r.err().startsWith(tmp.resolve("nope.yaml") + ": error: does not exist"), r.err());
  }

  @Test
  void anInventoryNeedsAnId() {
    Run r = generate("--config", "site/site.yaml");
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(r.err().contains("is an inventory of 7 runbooks; choose one with --id"), r.err());
    Run typo = generate("--config", "site/site.yaml", "--id", "prod-use");
    assertTrue(typo.err().contains("did you mean prod-use1?"), typo.err());
    Run ok = generate("--config", "site/site.yaml", "--id", "gov-usgw1");
    assertEquals(ExitCode.OK, ok.code(), ok.err());
  }

  @Test
  void anUnknownFlagIsAUsageErrorWithASuggestion() {
    Run r = run("generate", "--acount", "111122223333");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().startsWith("error: Unknown option"), r.err());
    assertTrue(r.err().contains("'--acount'"), r.err());
    assertTrue(r.err().contains("--account"), r.err());
  }

  @Test
  void verboseShowsTheStackTrace() {
    Run r = generate("--verbose", "--account", "1");
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(r.err().contains("\tat dev.runwright."), r.err());
  }

  @Test
  void versionAndHelp() {
    assertTrue(run("--version").out().startsWith("runwright "));
    Run help = run("generate", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Examples:"), help.out());
  }
}
