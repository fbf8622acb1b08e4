package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.files;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.runwright;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.NamedResource;
import dev.runwright.aws.Region;
import dev.runwright.cli.ExitCode;
import dev.runwright.site.SiteTestSupport.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 2: {@code --redact-accounts} masks the runbook's values before rendering, with a
 * placeholder that is neither an account nor a wildcard, so that every published document is as
 * valid, as quoted and as narrow as the checked one.
 */
class RedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("<account-[0-9]{4}(-[0-9]+)?>");
  private static final Pattern SHELL_BLOCK =
      Pattern.compile("(?m)^```(?:sh|bash|shell)\\n(.*?)^```$", Pattern.DOTALL);

  @TempDir static Path shared;
  private static Path plain;
  private static Path redacted;

  @TempDir Path tmp;

  @BeforeAll
  static void buildBoth() {
    Path inventory = shared.resolve("fleet.yaml");
    // The example, plus a second account that ends like the first and a key in another account.
    write(
        inventory,
        read(EXAMPLE)
            + """
              - id: twin-use1
                account: "999922223333"
                region: us-east-1
                keys:
                  - arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab
                clusterId: twin
                description: Same last four digits as 111122223333; console 9999-2222-3333
            """);
    plain = shared.resolve("plain");
    redacted = shared.resolve("redacted");
    buildSite(inventory, plain, "-q");
    buildSite(inventory, redacted, "-q", "--redact-accounts");
  }

  @Test
  void everyPolicyParsesHoldsNoNewWildcardAndDiffersOnlyByThePlaceholder() throws IOException {
    SortedMap<String, byte[]> before = files(plain);
    int policies = 0;
    for (Map.Entry<String, byte[]> e : files(redacted).entrySet()) {
      if (!e.getKey().endsWith(".json")) {
        continue;
      }
      policies++;
      String text = new String(e.getValue(), StandardCharsets.UTF_8);
      String real = new String(before.get(e.getKey()), StandardCharsets.UTF_8);
      JsonNode tree = JSON.readTree(text); // parses
      assertTrue(tree.has("Statement"), e.getKey());
      assertEquals(count(real, '*'), count(text, '*'), e.getKey() + ": no wildcard added");
      assertEquals(
          real.matches("(?s).*\\b[0-9]{12}\\b.*"),
          PLACEHOLDER.matcher(text).find(),
          e.getKey() + " holds the placeholder where the real one holds an account");
      assertFalse(text.matches("(?s).*[0-9]{12}.*"), e.getKey() + " holds no account ID");
      assertEquals(
          real.replaceAll("\\b[0-9]{12}\\b", "ACCOUNT"),
          PLACEHOLDER.matcher(text).replaceAll("ACCOUNT"),
          e.getKey() + " is the real policy with each account replaced, nothing else");
    }
    assertEquals(
        before.keySet().stream().filter(k -> k.endsWith(".json")).count(),
        policies,
        "the same policies");
    assertTrue(policies >= 16, "at least a policy and a trust policy for each of 8 runbooks");
    String trust = read(redacted.resolve("prod-use1/role/trust-policy.json"));
    assertTrue(trust.contains("\"aws:SourceAccount\": \"<account-3333>\""), trust);
    assertTrue(
        read(redacted.resolve("twin-use1/kms/policy.json"))
            .contains("arn:aws:kms:us-east-1:<account-6666>:key/"),
        "the key's own account is masked too");
    assertTrue(
        read(redacted.resolve("twin-use1/role/trust-policy.json")).contains("\"<account-3333-2>\""),
        "another account that ends in 3333 keeps a placeholder of its own");
  }

  @Test
  void lintPassesEveryRedactedPolicyButForThePlaceholder() throws IOException {
    List<String> args = new ArrayList<>(List.of("lint", "--strict"));
    for (String rel : files(redacted).keySet()) {
      if (rel.endsWith(".json")) {
        args.add(redacted.resolve(rel).toString());
      }
    }
    Run r = runwright(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.code(), r::describe);
    for (String line : r.out().lines().toList()) {
      if (line.contains(": SUGGESTION ") || line.contains(": WARNING ")) {
        assertTrue(
            line.contains(" SUGGESTION REDACTED_ACCOUNT "),
            "only the placeholder is a finding: " + line);
        assertTrue(line.contains("put the account ID in its place"), line);
      }
    }
    assertTrue(r.out().contains("REDACTED_ACCOUNT"), r.out());
    assertFalse(r.out().contains("ERROR"), r.out());
  }

  @Test
  void everyShellBlockParsesAndThePlaceholderIsAlwaysQuoted() throws Exception {
    int blocks = 0;
    int quoted = 0;
    for (Map.Entry<String, byte[]> e : files(redacted).entrySet()) {
      if (!e.getKey().endsWith(".md")) {
        continue;
      }
      Matcher m = SHELL_BLOCK.matcher(new String(e.getValue(), StandardCharsets.UTF_8));
      while (m.find()) {
        String block = m.group(1);
        blocks++;
        for (String shell : List.of("sh", "zsh")) {
          assertEquals(
              "", syntaxErrors(shell, block), shell + " -n on " + e.getKey() + ":\n" + block);
        }
        Matcher p = PLACEHOLDER.matcher(block);
        while (p.find()) {
          assertTrue(
              insideQuotes(block, p.start()),
              e.getKey() + ": " + p.group() + " is not quoted in\n" + block);
          quoted++;
        }
        for (int i = block.indexOf('*'); i >= 0; i = block.indexOf('*', i + 1)) {
          assertTrue(insideQuotes(block, i), e.getKey() + ": a bare * in\n" + block);
        }
      }
    }
    assertTrue(blocks > 50, "blocks: " + blocks);
    assertTrue(quoted > 50, "placeholders in commands: " + quoted);
  }

  @Test
  void theMarkdownEscapesThePlaceholderAndThePagesShowIt() {
    String md = read(redacted.resolve("prod-use1/kms/runbook.md"));
    assertTrue(md.contains("| AWS account | `<account-3333>` |"), "a code span holds it as is");
    assertTrue(md.contains("\naccount: \"<account-3333>\"\n"), "front matter");
    String html = read(redacted.resolve("prod-use1/kms/index.html"));
    assertTrue(html.contains("<code>&lt;account-3333&gt;</code>"), "the page shows it");
    String index = read(redacted.resolve("index.html"));
    assertFalse(index.contains("9999-2222-3333"), "grouped form masked");
    assertTrue(index.contains("console &lt;account-3333-2&gt;"), "as the placeholder");
  }

  @Test
  void anAccountATemplateWritesItselfIsMaskedAsItsFormatNeeds() throws IOException {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates.resolve("kms-policy"));
    String runbook =
        new String(
                Redactor.class
                    .getResourceAsStream("/templates/kms-policy/runbook.md.ftl")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            + "\nOur audit account is 111122223333.\n\n```sh\naws sts get-caller-identity # 111122223333\n```\n";
    Files.writeString(templates.resolve("kms-policy/runbook.md.ftl"), runbook);
    Path inventory = tmp.resolve("inv.yaml");
    write(
        inventory,
        "templates: [templates]\nrunbooks:\n  - id: a\n    account: \"111122223333\"\n"
            + "    region: us-east-1\n    keys: [1234abcd-12ab-34cd-56ef-1234567890ab]\n"
            + "    clusterId: db1\n");
    Path out = tmp.resolve("out");
    buildSite(inventory, out, "-q", "--redact-accounts");
    String md = read(out.resolve("a/kms/runbook.md"));
    assertTrue(md.contains("Our audit account is account-3333."), "Markdown: a plain word");
    assertTrue(md.contains("# account-3333\n"), "and in a command");
    String html = read(out.resolve("a/kms/index.html"));
    assertTrue(html.contains("Our audit account is &lt;account-3333&gt;."), "HTML: escaped");
    files(out)
        .forEach(
            (rel, bytes) ->
                assertFalse(
                    new String(bytes, StandardCharsets.UTF_8).contains("111122223333"), rel));
  }

  @Test
  void aTemplateThatWouldPublishAWiderPolicyThanTheCheckedOneIsAnInternalError()
      throws IOException {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates.resolve("kms-policy"));
    // Drops its Deny statement when the account does not look like digits: the checked policy is
    // narrow, the redacted one would grant more.
    Files.writeString(
        templates.resolve("kms-policy/policy.json.ftl"),
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": ${p.keys[0].arn}}
          <#if aws.account?matches("[0-9]+")>,
          {"Effect": "Deny", "Action": "kms:Decrypt", "Resource": ${p.keys[0].arn},
           "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
          </#if>]}
        """);
    Path inventory = tmp.resolve("inv.yaml");
    write(
        inventory,
        "templates: [templates]\nrunbooks:\n  - id: a\n    account: \"111122223333\"\n"
            + "    region: us-east-1\n    keys: [1234abcd-12ab-34cd-56ef-1234567890ab]\n");
    Path out = tmp.resolve("out");
    Run r =
        runwright(
            "site",
            "--config",
            inventory.toString(),
            "--out",
            out.toString(),
            "--no-follow-ups",
            "--redact-accounts");
    assertEquals(ExitCode.INTERNAL, r.code(), r::describe);
    assertTrue(
        r.err().contains("differs from the checked one by more than the account placeholders"),
        r::describe);
    assertFalse(Files.exists(out), "nothing was published");
    // Without redaction the same templates build: the check is what stops it.
    buildSite(inventory, tmp.resolve("plain"), "-q", "--no-follow-ups");
  }

  @Test
  void valuesAreMaskedComponentByComponent() {
    Redactor r = new Redactor(Set.of("111122223333", "444455556666"));
    KmsKey key =
        KmsKey.resolve(
            "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            Region.of("us-east-1").orElseThrow(),
            "111122223333");
    KmsKey masked = (KmsKey) r.value(key);
    assertEquals("<account-6666>", masked.account());
    assertEquals(
        "arn:aws:kms:us-east-1:<account-6666>:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        masked.arn());
    assertEquals(masked.arn(), masked.input());
    assertEquals(key.keyId(), masked.keyId());
    NamedResource role = new NamedResource("R", "arn:aws:iam::111122223333:role/R");
    assertEquals(
        List.of(new NamedResource("R", "arn:aws:iam::<account-3333>:role/R"), 3, true),
        r.value(List.of(role, 3, true)));
    Region region = Region.of("us-east-1").orElseThrow();
    assertSame(region, r.value(region), "nothing to mask: the same object");
    assertThrows(IllegalStateException.class, () -> r.value(new StringBuilder("111122223333")));
  }

  @Test
  void checkSameAllowsOnlyThePlaceholders() {
    Redactor r = new Redactor(Set.of("111122223333"));
    r.checkSame("p", "{\"a\": \"111122223333\"}", "{\"a\": \"<account-3333>\"}");
    assertThrows(
        IllegalStateException.class,
        () -> r.checkSame("p", "{\"a\": \"111122223333\"}", "{\"a\": \"*\"}"));
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }

  /** What {@code shell -n} says about {@code script}: empty when it parses. */
  private static String syntaxErrors(String shell, String script) throws Exception {
    Process p = new ProcessBuilder(shell, "-n").redirectErrorStream(true).start();
    p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return p.exitValue() == 0 ? "" : out + " (exit " + p.exitValue() + ")";
  }

  /** Whether offset {@code at} of a POSIX shell script is inside single or double quotes. */
  private static boolean insideQuotes(String script, int at) {
    char quote = 0;
    for (int i = 0; i < at; i++) {
      char c = script.charAt(i);
      if (quote == 0 && c == '\\') {
        i++;
      } else if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote == c) {
        quote = 0;
      } else if (quote == '"' && c == '\\') {
        i++;
      }
    }
    return quote != 0;
  }
}
