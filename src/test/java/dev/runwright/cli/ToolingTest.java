package dev.runwright.cli;

import static dev.runwright.cli.GenerateCommandTest.KEY;
import static dev.runwright.cli.GenerateCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** lint, check, validate, schema, init, serve, completion and help, through Main.run. */
class ToolingTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  @Test
  void lintReportsFindingsWithPathLineAndColumnAndExitsOneOnErrors() throws IOException {
    Path f =
        write(
            "p.json",
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": ["kms:Decrypto"],
                  "Resource": "arn:aws:kms:us-east-1:111122223333:alias/payments"
                }
              ]
            }
            """);
    var r = run("lint", f.toString());
    assertEquals(ExitCode.FINDINGS, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                f
                    + ":6:18: ERROR UNKNOWN_ACTION $.Statement[0].Action[0]: \"kms:Decrypto\""
                    + " is not a KMS action; did you mean Decrypt?"),
        r.out());
    assertTrue(r.out().endsWith("1 finding (1 error) in 1 file\n"), r.out());
  }

  @Test
  void lintJsonIsForMachines() throws IOException {
    Path f =
        write(
            "p.json",
            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"arn:aws:kms:us-east-1:111122223333:alias/payments\"}}");
    var r = run("lint", "--json", f.toString());
    assertEquals(ExitCode.FINDINGS, r.code());
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertEquals("WARNING", rows.get(0).get("findingType").asText());
    assertEquals("MISSING_VERSION", rows.get(0).get("issueCode").asText());
    assertEquals("ALIAS_ARN_FOR_KEY_ACTION", rows.get(1).get("issueCode").asText());
    assertEquals("$.Statement.Resource", rows.get(1).get("path").asText());
    assertEquals(1, rows.get(1).get("line").asInt());
  }

  private static final String CLEAN_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Statement": {
          "Effect": "Allow",
          "Action": "kms:Decrypt",
          "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        }
      }
      """;

  @Test
  void lintReportsAnUnreadableFileAndStillChecksTheOthers() throws IOException {
    Path ok = write("ok.json", CLEAN_POLICY);
    Path dup =
        write(
            "dupkey.json",
            CLEAN_POLICY.replace("\"Version\"", "\"Version\": \"2012-10-17\", \"Version\""));
    Path missing = tmp.resolve("missing.json");
    var r = run("lint", ok.toString(), missing.toString(), tmp.toString(), dup.toString());
    assertEquals(ExitCode.FINDINGS, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains(missing + ": ERROR UNREADABLE_FILE $: the file does not exist\n"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                tmp
                    + ": ERROR UNREADABLE_FILE $: the file is a directory; expected a JSON policy"
                    + " file\n"),
        r.out());
    assertTrue(r.out().contains(dup + ":2:28: ERROR DUPLICATE_KEY $.Version: "), r.out());
    assertTrue(
        r.out().endsWith("3 findings (3 errors) in 4 files; 2 files could not be read\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void lintJsonStaysOneDocumentWhenAFileIsMissing() throws IOException {
    Path ok = write("ok.json", CLEAN_POLICY);
    Path missing = tmp.resolve("missing.json");
    var r = run("lint", "--json", ok.toString(), missing.toString());
    assertEquals(ExitCode.FINDINGS, r.code(), r.out() + r.err());
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertEquals(1, rows.size(), r.out());
    assertEquals(missing.toString(), rows.get(0).get("file").asText());
    assertEquals("ERROR", rows.get(0).get("findingType").asText());
    assertEquals("UNREADABLE_FILE", rows.get(0).get("issueCode").asText());
  }

  @Test
  void lintExitsWithInputErrorWhenNoFileCanBeRead() throws IOException {
    Path missing = tmp.resolve("missing.json");
    var r = run("lint", "--json", missing.toString(), tmp.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r.out() + r.err());
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertEquals(2, rows.size(), r.out());
    var help = run("lint", "--help");
    assertTrue(help.out().contains("cannot be read"), help.out());
  }

  @Test
  void lintPassesWhatGenerateWrites() throws IOException {
    Path out = tmp.resolve("out");
    run(
        "generate",
        "--account",
        "111122223333",
        "--region",
        "us-east-1",
        "--key",
        KEY,
        "--cluster-id",
        "payments",
        "--out",
        out.toString());
    var r =
        run(
            "lint",
            "--account",
            "111122223333",
            "--region",
            "us-east-1",
            out.resolve("kms/policy.json").toString(),
            out.resolve("role/trust-policy.json").toString());
    assertEquals(ExitCode.OK, r.code(), r.out());
    assertEquals("No findings in 2 files\n", r.out());
  }

  @Test
  void checkIsCleanAfterGenerateAndCatchesDrift() throws IOException {
    Path out = tmp.resolve("out");
    String[] input = {
      "--account",
      "111122223333",
      "--region",
      "us-east-1",
      "--key",
      KEY,
      "--forms",
      "console,cli,terraform",
      "--out",
      out.toString()
    };
    run(concat("generate", input));
    var clean = run(concat("check", input));
    assertEquals(ExitCode.OK, clean.code(), clean.out() + clean.err());
    assertTrue(clean.out().startsWith("Up to date: 14 files"), clean.out());

    Files.writeString(out.resolve("kms/policy.json"), "{}\n");
    Files.delete(out.resolve("role/runbook.md"));
    var dirty = run(concat("check", input));
    assertEquals(ExitCode.FINDINGS, dirty.code());
    assertTrue(
        dirty
            .out()
            .contains("--- a/kms/policy.json\n+++ b/kms/policy.json\n@@ -1,1 +1,12 @@\n-{}\n+{"),
        dirty.out());
    assertTrue(dirty.out().contains("missing: " + out.resolve("role/runbook.md")), dirty.out());
    assertTrue(dirty.out().contains("changed: " + out.resolve("kms/policy.json")), dirty.out());
    assertTrue(dirty.out().contains("Out of date: 1 changed, 1 missing, 0 extra"), dirty.out());
    assertEquals("{}\n", Files.readString(out.resolve("kms/policy.json")), "check writes nothing");
  }

  @Test
  void checkCatchesAHandEditedWikiPageAndARemovedRunbook() throws IOException {
    Path wiki = tmp.resolve("wiki");
    assertEquals(
        ExitCode.OK, run("wiki", "--config", "site/site.yaml", "--out", wiki.toString()).code());
    assertEquals(
        ExitCode.OK, run("check", "--config", "site/site.yaml", "--out", wiki.toString()).code());

    Path page = wiki.resolve("prod-use1-role.md");
    Files.writeString(page, Files.readString(page).replace("RDSLoadFromS3", "HandEdited"));
    String inventory = Files.readString(Path.of("site/site.yaml"));
    int cut = inventory.indexOf("  - id: china-cnn1");
    Path smaller = write("smaller.yaml", inventory.substring(0, cut));
    var r = run("check", "--config", smaller.toString(), "--out", wiki.toString(), "--wiki");
    assertEquals(ExitCode.FINDINGS, r.code(), r.err());
    assertTrue(r.out().contains("--- a/prod-use1-role.md\n+++ b/prod-use1-role.md\n"), r.out());
    assertTrue(r.out().contains("-# Create the IAM role HandEdited for Aurora MySQL"), r.out());
    assertTrue(r.out().contains("+# Create the IAM role RDSLoadFromS3 for Aurora MySQL"), r.out());
    assertTrue(r.out().contains("extra: " + wiki.resolve("china-cnn1.md")), r.out());
  }

  @Test
  void checkComparesASite() throws IOException {
    Path site = tmp.resolve("site");
    run("site", "--config", "site/site.yaml", "--out", site.toString());
    assertEquals(
        ExitCode.OK, run("check", "--config", "site/site.yaml", "--out", site.toString()).code());
    Files.writeString(site.resolve("index.html"), "edited");
    var r = run("check", "--config", "site/site.yaml", "--out", site.toString());
    assertEquals(ExitCode.FINDINGS, r.code());
    assertTrue(r.out().contains("changed: " + site.resolve("index.html")), r.out());
  }

  @Test
  void validateWritesNothingAndReportsPositions() throws IOException {
    var ok = run("validate", "--config", "site/site.yaml");
    assertEquals(ExitCode.OK, ok.code(), ok.err());
    assertTrue(ok.out().contains("site/site.yaml valid: 7 runbooks"), ok.out());
    Path bad =
        write(
            "bad.yaml",
            "title: x\nrunbooks:\n  - account: \"1\"\n    region: us-east-1\n"
                + "    keys: ["
                + KEY
                + "]\n");
    var r = run("validate", "--config", bad.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(
        r.err().contains(bad + ":3:14: error: runbooks[0]: account: \"1\" has 1 digit"), r.err());
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "validate wrote nothing");
    }
  }

  @Test
  void theCommittedSchemaIsWhatSchemaPrints() throws IOException {
    var r = run("schema");
    assertEquals(ExitCode.OK, r.code());
    assertEquals(
        Files.readString(Path.of("schema/runwright.schema.json")),
        r.out(),
        "regenerate it: bin/runwright schema > schema/runwright.schema.json");
    JsonNode schema = new ObjectMapper().readTree(r.out());
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    JsonNode params = schema.at("/$defs/runbook/properties");
    assertEquals("^[0-9]{12}$", params.at("/account/pattern").asText());
    assertEquals("AmazonRDSKMSKey", params.at("/policyName/default").asText());
    assertTrue(schema.at("/$defs/inventory/required").toString().contains("runbooks"));
  }

  @Test
  void schemaIncludesUserPacks() throws IOException {
    var r = run("schema", "--templates", PacksTest.TEST_PACKS.toString());
    JsonNode schema = new ObjectMapper().readTree(r.out());
    assertTrue(schema.at("/$defs/runbook/properties/pack/enum").toString().contains("s3-load"));
    assertEquals(
        "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        schema.at("/$defs/runbook/properties/bucket/pattern").asText());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void initWritesAStarterThatValidates(boolean inventory) throws IOException {
    Path file = tmp.resolve(inventory ? "inv.yaml" : "rb.yaml");
    var r = inventory ? run("init", "--inventory", file.toString()) : run("init", file.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    String yaml = Files.readString(file);
    assertTrue(yaml.startsWith("# yaml-language-server: $schema=runwright.schema.json\n"), yaml);
    assertTrue(Files.exists(tmp.resolve("runwright.schema.json")));
    var v = run("validate", "--config", file.toString());
    assertEquals(ExitCode.OK, v.code(), v.err());
    var again = run("init", file.toString());
    assertEquals(ExitCode.OUTPUT, again.code());
    assertTrue(again.err().contains("already exists; add --force"), again.err());
  }

  @Test
  void quietWritesWithoutTalkingAndAnUnknownPackToExportIsAUsageError() throws IOException {
    var init = run("init", "-q", tmp.resolve("q.yaml").toString());
    assertEquals(ExitCode.OK, init.code(), init.err());
    assertEquals("", init.out() + init.err());
    var export = run("templates", "export", tmp.resolve("ex").toString(), "-q");
    assertEquals(ExitCode.OK, export.code(), export.err());
    assertEquals("", export.out() + export.err());
    assertTrue(Files.exists(tmp.resolve("ex/kms-policy/pack.yaml")));

    var unknown = run("templates", "export", tmp.resolve("ex2").toString(), "--pack", "kms-polcy");
    assertEquals(ExitCode.USAGE, unknown.code());
    assertTrue(
        unknown
            .err()
            .startsWith(
                "error: --pack: there is no built-in pack \"kms-polcy\"; did you mean"
                    + " kms-policy?"),
        unknown.err());
    assertFalse(Files.exists(tmp.resolve("ex2")));
  }

  @Test
  void theSchemaKnowsWhichParametersEachPackTakesAndItsDefaultsAreTyped() throws IOException {
    String schema = run("schema").out();
    assertTrue(schema.contains("\"default\" : 3\n"), "an integer default is a number");
    assertTrue(schema.contains("\"default\" : [ \"load\" ]"), "a list default is a list");
    assertTrue(schema.contains("\"propertyNames\""), "each pack allows only its own fields");
    var packs = run("packs", "--json");
    assertTrue(packs.out().contains("\"default\" : [ \"load\" ]"), packs.out());
  }

  @Test
  void validateReportsEveryBrokenTemplateAtOnce() throws IOException {
    Path t = tmp.resolve("t");
    Files.createDirectories(t.resolve("common"));
    Files.createDirectories(t.resolve("site"));
    Files.writeString(t.resolve("common/page.html.ftlh"), "<#if x>\n");
    Files.writeString(t.resolve("site/404.html.ftlh"), "${\n");
    var r = run("validate", "--config", "site/site.yaml", "--templates", t.toString());
    assertEquals(ExitCode.TEMPLATE, r.code(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(3, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith(t.resolve("common/page.html.ftlh") + ":1:8: error: "));
    assertTrue(lines.get(1).startsWith(t.resolve("site/404.html.ftlh") + ":1:3: error: "));
  }

  @Test
  void initForAUserPack() throws IOException {
    Path file = tmp.resolve("s3.yaml");
    var r =
        run(
            "init",
            "--pack",
            "s3-load",
            "--templates",
            PacksTest.TEST_PACKS.toString(),
            file.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    String yaml = Files.readString(file);
    assertTrue(yaml.contains("pack: s3-load\n"), yaml);
    assertTrue(yaml.contains("bucket: payments-imports\n"), yaml);
    String rel = tmp.relativize(PacksTest.TEST_PACKS).toString();
    assertTrue(yaml.contains("templates:\n  - \"" + rel + "\"\n"), yaml);
    var v = run("validate", "--config", file.toString());
    assertEquals(ExitCode.OK, v.code(), "the starter finds its pack by itself: " + v.err());
  }

  @Test
  void initBringsItsOwnSchemaUpToDateForANewPackAndKeepsSomeoneElses() throws IOException {
    assertEquals(ExitCode.OK, run("init", tmp.resolve("kms.yaml").toString()).code());
    Path schema = tmp.resolve("runwright.schema.json");
    assertFalse(Files.readString(schema).contains("s3-load"));
    var r =
        run(
            "init",
            "--pack",
            "s3-load",
            "--templates",
            PacksTest.TEST_PACKS.toString(),
            tmp.resolve("s3.yaml").toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.err().contains("note: updated " + schema + " so that it knows pack s3-load"));
    assertTrue(Files.readString(schema).contains("\"s3-load\""));
    String before = Files.readString(schema);
    var same = run("init", tmp.resolve("kms2.yaml").toString());
    assertEquals("", same.err(), "a schema that knows the pack is left alone");
    assertEquals(before, Files.readString(schema));

    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("runwright.schema.json"), "{\"title\": \"mine\"}\n");
    var kept = run("init", other.resolve("rb.yaml").toString());
    assertEquals(ExitCode.OK, kept.code(), kept.err());
    assertTrue(kept.err().contains("which Runwright did not write"), kept.err());
    assertEquals(
        "{\"title\": \"mine\"}\n", Files.readString(other.resolve("runwright.schema.json")));
  }

  @Test
  void completionScripts() {
    var bash = run("completion", "bash");
    assertEquals(ExitCode.OK, bash.code());
    assertTrue(
        bash.out().contains("complete -F _complete_runwright"), bash.out().substring(0, 300));
    assertTrue(bash.out().contains("generate") && bash.out().contains("--cluster-id"));
    var zsh = run("completion", "zsh");
    assertTrue(zsh.out().startsWith("autoload -U +X compinit"));
    assertEquals(ExitCode.USAGE, run("completion", "fish").code());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "generate",
        "site",
        "wiki",
        "serve",
        "check",
        "validate",
        "lint",
        "packs",
        "schema",
        "init",
        "completion",
        "templates export"
      })
  void everyCommandHasHelpWithAnExample(String command) {
    String[] args = (command + " --help").split(" ");
    var r = run(args);
    assertEquals(ExitCode.OK, r.code());
    assertTrue(r.out().contains("Example"), r.out());
  }

  @Test
  @Timeout(60)
  void serveRebuildsWhenTheInventoryChanges() throws Exception {
    Path inv = write("inv.yaml", Files.readString(Path.of("site/site.yaml")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] code = {-1};
    Thread server =
        new Thread(
            () ->
                code[0] =
                    Main.run(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        "serve",
                        "--config",
                        inv.toString(),
                        "--port",
                        "0"));
    server.start();
    Matcher m = waitFor(out, Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/"));
    String base = "http://127.0.0.1:" + m.group(1) + "/";
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> index = get(http, base);
    assertEquals(200, index.statusCode());
    assertTrue(index.body().contains("<title>Payments platform runbooks</title>"));
    assertTrue(index.body().contains("/__runwright/build"), "pages reload after a rebuild");
    HttpResponse<String> missing = get(http, base + "no/such/page.html");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("href=\"/assets/runwright.css\""), "the preview's assets");
    assertFalse(missing.body().contains("runbooks.example.internal"), "not the production site");
    assertEquals(200, get(http, base + "prod-use1/").statusCode());
    HttpResponse<String> noSlash = get(http, base + "prod-use1");
    assertEquals(301, noSlash.statusCode(), "a folder without its slash is redirected");
    assertEquals("/prod-use1/", noSlash.headers().firstValue("Location").orElse(""));
    try (var sock = new java.net.Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
      sock.getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: rebind.example\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String resp =
          new String(
              sock.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertTrue(resp.startsWith("HTTP/1.1 421"), "another host name is refused: " + resp);
    }
    assertTrue(ServeCommand.localHost("localhost:8000"));
    assertTrue(ServeCommand.localHost("[::1]:8000"));
    assertFalse(ServeCommand.localHost("127.0.0.1.evil.example"));

    Files.writeString(
        inv, Files.readString(inv).replace("Payments platform runbooks", "Renamed fleet"));
    waitFor(out, Pattern.compile("Rebuilt in"));
    assertTrue(get(http, base).body().contains("<title>Renamed fleet</title>"));

    Files.writeString(inv, "title: [broken\n");
    waitFor(err, Pattern.compile("still serving the last good build"));
    assertTrue(get(http, base).body().contains("<title>Renamed fleet</title>"));

    ServeCommand.stopAll();
    server.join(10_000);
    assertEquals(ExitCode.OK, code[0], err.toString());
    assertFalse(server.isAlive());
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Matcher waitFor(StringWriter w, Pattern p) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      Matcher m = p.matcher(w.toString());
      if (m.find()) {
        return m;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + p + " in: " + w);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  static List<String> lines(String s) {
    return s.lines().toList();
  }
}
