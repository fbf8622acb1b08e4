package dev.runwright;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runwright.aws.Region;
import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.YamlReader;
import dev.runwright.core.FolderLayout;
import dev.runwright.core.Inputs;
import dev.runwright.core.Runbook;
import dev.runwright.core.Runwright;
import dev.runwright.core.Workspace;
import dev.runwright.io.OutputFiles;
import dev.runwright.render.Escape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Hostile input through the whole of {@code generate}, rendered in memory: whatever the user types,
 * a run either stops with input errors that name the fields, or writes a policy with exactly the
 * keys given, pages with no markup of the user's making, and shell commands that pass every value
 * as one word.
 *
 * <p>{@link Runwright#render} builds a new {@link Workspace} (template engine, packs, assets) on
 * every call, about 25 ms; at thousands of tries that is minutes. (The whole procedure renders up
 * to eight runbooks per try, so the two broad properties run 2,500 tries each: about a minute.) So
 * the properties run the same steps as {@code Runwright.render} does for flags, with one shared
 * workspace, and {@link #theSameInputGivesTheSameBytes} checks that this gives byte for byte what
 * {@code Runwright.render} itself gives.
 */
class HostileInputProperties {

  // ---------------------------------------------------------------------------------------------
  // One shared setup.

  private static final Workspace WORKSPACE =
      new Workspace(List.of(), new YamlReader(YamlReader.DEFAULT_MAX_BYTES), true);

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

  static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";

  /** A plain input every check accepts; the template's own shell syntax is read from it. */
  static final Input NEUTRAL =
      new Input("111122223333", "us-east-1", List.of(KEY), null, "x", null, "db1", null, null);

  /**
   * The operators and expansions the templates write themselves ({@code writer=$(...)}, {@code
   * "$writer"}), by file. User values must add none.
   */
  private static final Map<String, List<String>> TEMPLATE_SHELL_SYNTAX = templateShellSyntax();

  private static Map<String, List<String>> templateShellSyntax() {
    Outcome o = render(NEUTRAL.flags());
    assertNull(o.failure(), () -> "the neutral input must render: " + o.failure());
    Map<String, List<String>> out = new LinkedHashMap<>();
    o.files()
        .forEach(
            (path, text) -> {
              if (path.endsWith(".md")) {
                out.put(path, shellSyntax(text));
              }
            });
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // The input, and rendering it.

  /** One runbook's flags; {@code null} leaves a flag out. */
  record Input(
      String account,
      String region,
      List<String> keys,
      String policyName,
      String description,
      String roleName,
      String clusterId,
      String auroraMysqlVersion,
      List<String> access) {

    Map<String, Node> flags() {
      Map<String, Node> f = new LinkedHashMap<>();
      put(f, "account", "--account", account);
      put(f, "region", "--region", region);
      putList(f, "keys", "--key", keys);
      put(f, "policyName", "--policy-name", policyName);
      put(f, "description", "--description", description);
      put(f, "roleName", "--role-name", roleName);
      put(f, "clusterId", "--cluster-id", clusterId);
      put(f, "auroraMysqlVersion", "--aurora-mysql-version", auroraMysqlVersion);
      putList(f, "access", "--access", access);
      return f;
    }

    Input withDescription(String d) {
      return new Input(
          account, region, keys, policyName, d, roleName, clusterId, auroraMysqlVersion, access);
    }

    /** The values as the runbooks should show them: given, or the packs' defaults. */
    String policyNameOrDefault() {
      return policyName != null ? policyName : "AmazonRDSKMSKey";
    }

    String roleNameOrDefault() {
      return roleName != null ? roleName : "RDSLoadFromS3";
    }

    List<String> accessOrDefault() {
      return access != null ? access : List.of("load");
    }

    int version() {
      return auroraMysqlVersion == null ? 3 : Integer.parseInt(auroraMysqlVersion);
    }
  }

  private static void put(Map<String, Node> f, String name, String flag, String value) {
    if (value != null) {
      f.put(name, new Node.Scalar(value, Node.Style.QUOTED, Position.flag(flag)));
    }
  }

  private static void putList(Map<String, Node> f, String name, String flag, List<String> vs) {
    if (vs != null) {
      List<Node> items = new ArrayList<>();
      for (String v : vs) {
        items.add(new Node.Scalar(v, Node.Style.QUOTED, Position.flag(flag)));
      }
      f.put(name, new Node.Sequence(items, Position.flag(flag)));
    }
  }

  /** What a run gave: every file by path and the warnings, or what it threw. */
  record Outcome(Map<String, String> files, List<Diagnostic> warnings, Throwable failure) {}

  /** {@link Runwright#render} for flags alone, step for step, with the shared workspace. */
  static Outcome render(Map<String, Node> flags) {
    try {
      RunbookInput input = ConfigLoader.override(ConfigLoader.empty(), flags, null, "--pack");
      Diagnostics d = new Diagnostics();
      Runbook rb = WORKSPACE.prepare(input, null, d);
      d.throwIfErrors();
      Map<String, String> files = new LinkedHashMap<>();
      WORKSPACE
          .renderer()
          .render(
              rb,
              FolderLayout.generate(),
              null,
              (path, text, t, s) -> files.put(path, written(OutputFiles.Output.text(path, text))));
      return new Outcome(files, d.warnings(), null);
    } catch (Throwable t) { // any type at all: only InvalidInputException is allowed
      return new Outcome(Map.of(), List.of(), t);
    }
  }

  /** The real entry point, with a fresh workspace. */
  static Outcome renderFresh(Map<String, Node> flags) {
    try {
      Runwright.Rendered r =
          Runwright.render(
              new Runwright.GenerateRequest(
                  new Inputs.Request(
                      null,
                      null,
                      null,
                      flags,
                      null,
                      List.of(),
                      YamlReader.DEFAULT_MAX_BYTES,
                      false),
                  Path.of("out"),
                  "out",
                  true,
                  false));
      Map<String, String> files = new LinkedHashMap<>();
      for (OutputFiles.Output o : r.files()) {
        files.put(o.path(), written(o));
      }
      return new Outcome(files, r.warnings(), null);
    } catch (Throwable t) {
      return new Outcome(Map.of(), List.of(), t);
    }
  }

  /** A file as generate writes it, read back. */
  private static String written(OutputFiles.Output o) {
    return new String(o.bytes(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // a. Random strings in every field.

  @Property(tries = 2_500)
  void randomStringsInEveryFieldAreRefusedByFieldOrRenderedSafely(@ForAll("anyInput") Input in) {
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

  /** Failing is fine, but only as input errors that each name a field the user gave. */
  private static void assertOnlyFieldErrors(Input in, Throwable failure) {
    if (!(failure instanceof InvalidInputException e)) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      fail("expected InvalidInputException or success, got " + trace);
      return;
    }
    assertTrue(e.diagnostics().stream().anyMatch(Diagnostic::isError), e::toString);
    e.diagnostics().forEach(d -> assertNamesAField(d, in));
  }

  private static void assertNamesAField(Diagnostic d, Input in) {
    Matcher m = FIELD_SUBJECT.matcher(d.subject());
    assertTrue(m.matches(), () -> "the diagnostic names no field: " + d);
    assertTrue(
        in.flags().containsKey(m.group(1)) || d.message().startsWith("is required"),
        () -> "the diagnostic names a field that was not given: " + d);
  }

  /** policy.json is JSON whose resources are exactly the keys' ARNs, in order. */
  private static void checkPolicy(Input in, String text) {
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

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
    } else {
      n.forEach(x -> out.add(x.isTextual() ? x.asText() : x.toString()));
    }
    return out;
  }

  /**
   * The partition of a Region code: from Runwright's table when listed, else by botocore's {@code
   * regionRegex} of each partition, tried in botocore's order (AWS-FACTS.md section 4), with its
   * {@code \w} narrowed to the lower-case letters and digits that Region codes use.
   */
  static String partitionOf(String region) {
    String p = partitionOrNull(region);
    if (p == null) {
      throw new AssertionError("Runwright accepted a Region of no partition: " + region);
    }
    return p;
  }

  static String partitionOrNull(String region) {
    for (Region r : Region.listed()) {
      if (r.code().equals(region)) {
        return r.partition().id();
      }
    }
    for (String[] p : BOTOCORE_PARTITIONS) {
      if (region.matches(p[1])) {
        return p[0];
      }
    }
    return null;
  }

  private static final String[][] BOTOCORE_PARTITIONS = {
    {"aws", "^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z0-9]+-\\d+$"},
    {"aws-cn", "^cn-[a-z0-9]+-\\d+$"},
    {"aws-us-gov", "^us-gov-[a-z0-9]+-\\d+$"},
    {"aws-iso", "^us-iso-[a-z0-9]+-\\d+$"},
    {"aws-iso-b", "^us-isob-[a-z0-9]+-\\d+$"},
    {"aws-iso-e", "^eu-isoe-[a-z0-9]+-\\d+$"},
    {"aws-iso-f", "^us-isof-[a-z0-9]+-\\d+$"},
    {"aws-eusc", "^eusc-(de)-[a-z0-9]+-\\d+$"},
  };

  // --- HTML -------------------------------------------------------------------------------------

  /** What the page template and commonmark write; anything else came from somewhere else. */
  static final Set<String> ELEMENTS =
      Set.of(
          "html",
          "head",
          "meta",
          "title",
          "style",
          "script",
          "body",
          "header",
          "nav",
          "a",
          "span",
          "main",
          "h1",
          "h2",
          "h3",
          "p",
          "code",
          "pre",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "ul",
          "ol",
          "li",
          "strong",
          "em",
          "blockquote",
          "footer",
          "link",
          "div",
          "details",
          "summary",
          "aside",
          "h4",
          "section");

  static final Set<String> ATTRIBUTES =
      Set.of(
          "lang",
          "charset",
          "name",
          "content",
          "http-equiv",
          "href",
          "rel",
          "class",
          "id",
          "aria-label",
          "aria-hidden",
          "start",
          "align",
          "src",
          "tabindex",
          "aria-current",
          "data-rw-key",
          "data-rw-runbook",
          "data-rw-step",
          "data-rw-check",
          "data-rw-forms",
          "data-rw-form",
          "data-rw-label",
          "aria-labelledby");

  private static final Pattern TAG =
      Pattern.compile(
          "<(/?)([A-Za-z][A-Za-z0-9]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'"
              + "|[^\\s\"'=<>`]+))?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\s+([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  /**
   * Every {@code <} starts a well-formed tag of an allowed element with allowed attributes; every
   * link is relative, a fragment or http(s); and the description never sits inside a tag.
   */
  static void checkHtml(
      String path, String html, String description, Supplier<Map<String, String>> reference) {
    Matcher m = TAG.matcher(html);
    String lower = null;
    int i = 0;
    while ((i = html.indexOf('<', i)) >= 0) {
      if (html.startsWith("<!DOCTYPE html>", i)) {
        i += "<!DOCTYPE html>".length();
        continue;
      }
      m.region(i, html.length());
      if (!m.lookingAt()) {
        fail(path + ": a '<' that starts no tag: " + around(html, i));
      }
      String name = m.group(2).toLowerCase(Locale.ROOT);
      String span = m.group();
      assertTrue(ELEMENTS.contains(name), () -> path + ": element <" + name + ">: " + span);
      Matcher a = ATTRIBUTE.matcher(m.group(3));
      while (a.find()) {
        String attr = a.group(1).toLowerCase(Locale.ROOT);
        assertTrue(ATTRIBUTES.contains(attr), () -> path + ": attribute " + attr + ": " + span);
        if ((attr.equals("href") || attr.equals("src")) && a.group(2) != null) {
          assertSafeUrl(path, unquote(a.group(2)), span);
        }
      }
      if (description != null && hasMarkupCharacter(description) && span.contains(description)) {
        // Only a tag the same input with a plain description also has may hold it by chance.
        String other = reference.get().get(path);
        assertTrue(
            other != null && other.contains(span),
            () -> path + ": the description is inside a tag: " + span);
      }
      i = m.end();
      if (m.group(1).isEmpty() && (name.equals("script") || name.equals("style"))) {
        lower = lower != null ? lower : html.toLowerCase(Locale.ROOT);
        int close = lower.indexOf("</" + name, i);
        assertTrue(close >= 0, () -> path + ": <" + name + "> is not closed");
        i = close;
      }
    }
  }

  private static boolean hasMarkupCharacter(String s) {
    return s.chars().anyMatch(c -> c == '<' || c == '>' || c == '"' || c == '\'' || c == '&');
  }

  private static void assertSafeUrl(String path, String raw, String span) {
    // Browsers drop tabs and line breaks in URLs and leading controls and spaces.
    String url = decodeHtml(raw).replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\x00-\\x20]+", "");
    Matcher s = SCHEME.matcher(url);
    if (s.find()) {
      String scheme = s.group(1).toLowerCase(Locale.ROOT);
      assertTrue(
          scheme.equals("http") || scheme.equals("https"),
          () -> path + ": a link with scheme " + scheme + ": " + span);
    } else {
      assertFalse(
          url.startsWith("//") || url.startsWith("\\") || url.startsWith("/\\"),
          () -> path + ": a link to another host without a scheme: " + span);
    }
  }

  private static String unquote(String v) {
    return v.startsWith("\"") || v.startsWith("'") ? v.substring(1, v.length() - 1) : v;
  }

  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");

  static String decodeHtml(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String rep =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
              if (e.startsWith("#x") || e.startsWith("#X")) {
                yield new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
              } else if (e.startsWith("#")) {
                yield new String(Character.toChars(Integer.parseInt(e.substring(1))));
              }
              yield m.group();
            }
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(rep));
    }
    return m.appendTail(sb).toString();
  }

  private static final String SHOWN_BEFORE =
      "<li data-rw-step=\"\">For <strong>Description</strong>, enter ";
  private static final String SHOWN_AFTER =
      ". IAM cannot change a policy's description later.</li>";

  /**
   * Step 7 shows the description as a code span, which keeps every character; a pipe (which would
   * split a table cell inside a code span) stands between code spans, as plain text.
   */
  static void checkDescriptionShownExactly(Input in, String html) {
    if (in.description() == null || in.description().isEmpty()) {
      return; // no code span can show nothing
    }
    int start = html.indexOf(SHOWN_BEFORE);
    assertTrue(start >= 0, "runbook.html has step 7 with the description");
    start += SHOWN_BEFORE.length();
    int end = html.indexOf(SHOWN_AFTER, start);
    int line = html.indexOf('\n', start);
    assertTrue(end >= 0 && (line < 0 || end < line), "step 7 ends on its line");
    String shown = html.substring(start, end);
    assertTrue(
        shown.matches("(<code>[^<]*</code>|\\|)+"),
        () -> "the description is code spans and pipes, with no other markup: " + shown);
    assertEquals(
        in.description(),
        decodeHtml(shown.replace("<code>", "").replace("</code>", "")),
        "the description as shown");
  }

  // --- Shell ------------------------------------------------------------------------------------

  /** Flags whose value must be exactly one word, and the value, for each runbook. */
  static Map<String, String> expectedWords(String path, Input in) {
    String partition = partitionOf(in.region());
    String policyArn =
        "arn:" + partition + ":iam::" + in.account() + ":policy/" + in.policyNameOrDefault();
    String roleArn =
        "arn:" + partition + ":iam::" + in.account() + ":role/" + in.roleNameOrDefault();
    boolean hasCluster = in.clusterId() != null && !in.clusterId().isEmpty(); // empty: left out
    String cluster = hasCluster ? in.clusterId() : "<your-cluster-id>";
    Map<String, String> m = new LinkedHashMap<>();
    m.put("--region", in.region());
    switch (path) {
      case "kms/runbook.md" -> {
        m.put("--policy-name", in.policyNameOrDefault());
        m.put("--policy-arn", policyArn);
        if (in.description() != null && !in.description().isEmpty()) { // empty: left out
          m.put("--description", in.description());
        }
      }
      case "role/runbook.md" -> {
        m.put("--role-name", in.roleNameOrDefault());
        m.put("--policy-arn", policyArn);
      }
      case "associate/runbook.md" -> {
        m.put("--db-cluster-identifier", cluster);
        m.put("--role-arn", roleArn);
        m.put("--description", "S3 and KMS access for Aurora MySQL cluster " + cluster);
        m.put(
            "--db-cluster-parameter-group-name",
            hasCluster ? in.clusterId() + "-s3-access" : "<your-parameter-group>");
        m.put(
            "--db-parameter-group-family",
            in.version() == 3 ? "aurora-mysql8.0" : "aurora-mysql5.7");
      }
      default -> m.clear();
    }
    return m;
  }

  /** Options of the printed aws commands that take no value. */
  private static final Set<String> SWITCHES = Set.of("--apply-immediately", "--set-as-default");

  /**
   * In every {@code ```sh} block, every command parses; the word after each of the flags above is
   * exactly the value (so no value can split, glob, expand or end a command); every option has its
   * value; and the only operators and expansions are the template's own.
   */
  static void checkShell(String path, String markdown, Input in) {
    Map<String, String> expected = expectedWords(path, in);
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (String block : shellBlocks(markdown)) {
      List<List<ShellWords.Token>> commands;
      try {
        commands = ShellWords.commands(block);
      } catch (IllegalArgumentException e) {
        throw new AssertionError(
            path + ": a sh block does not parse (" + e.getMessage() + "):\n" + block, e);
      }
      for (List<ShellWords.Token> cmd : commands) {
        boolean aws = !cmd.isEmpty() && cmd.get(0).text().equals("aws");
        if (aws && cmd.size() > 1 && cmd.get(1).text().equals("kms")) {
          checkKmsCommand(path, cmd, in, block);
          continue;
        }
        for (int i = 0; i < cmd.size(); i++) {
          ShellWords.Token t = cmd.get(i);
          if (t.expands() || !t.text().startsWith("--")) {
            continue;
          }
          int eq = t.text().indexOf('=');
          String flag = eq < 0 ? t.text() : t.text().substring(0, eq);
          ShellWords.Token next = i + 1 < cmd.size() ? cmd.get(i + 1) : null;
          boolean takesValue = aws && eq < 0 && !SWITCHES.contains(flag);
          if (takesValue) {
            assertTrue(next != null, () -> path + ": " + flag + " has no value in:\n" + block);
          }
          String want = expected.get(flag);
          if (want != null) {
            seen.merge(flag, 1, Integer::sum);
            if (eq >= 0) {
              assertEquals(want, t.text().substring(eq + 1), path + ": the value of " + flag);
            } else {
              assertNotNull(next, () -> path + ": " + flag + " is the last word:\n" + block);
              assertFalse(next.expands(), () -> path + ": the shell expands " + flag + "'s value");
              String got = next.text();
              if (!got.equals(want) && flag.equals("--db-cluster-parameter-group-name")) {
                // roll back returns a cluster to the default group of its family
                want = in.version() == 3 ? "default.aurora-mysql8.0" : "default.aurora-mysql5.7";
              }
              assertEquals(want, got, path + ": the word after " + flag + " in:\n" + block);
            }
          }
          if (takesValue) {
            i++; // the value, even one that starts with --
          }
        }
      }
    }
    assertEquals(expected.keySet(), seen.keySet(), path + ": every expected flag appears");
    assertEquals(
        TEMPLATE_SHELL_SYNTAX.get(path),
        shellSyntax(markdown),
        path + ": the operators and expansions are the template's own");
  }

  /**
   * An {@code aws kms} command (the key checks of the KMS runbook) runs in the key's own Region, on
   * the key's ARN, with the one key policy name KMS has: each of its options is one word that is
   * exactly one of those.
   */
  private static void checkKmsCommand(
      String path, List<ShellWords.Token> cmd, Input in, String block) {
    List<String> arns = expectedArns(in);
    List<String> regions = arns.stream().map(a -> a.split(":", -1)[3]).toList();
    for (int i = 2; i + 1 < cmd.size(); i++) {
      String flag = cmd.get(i).text();
      ShellWords.Token next = cmd.get(i + 1);
      List<String> allowed =
          switch (flag) {
            case "--region" -> regions;
            case "--key-id" -> arns;
            case "--policy-name" -> List.of("default");
            default -> null;
          };
      if (allowed != null) {
        assertFalse(next.expands(), () -> path + ": the shell expands " + flag + "'s value");
        assertTrue(
            allowed.contains(next.text()),
            () -> path + ": the word after " + flag + " is none of " + allowed + " in:\n" + block);
        i++;
      }
    }
  }

  /** The text of every {@code ```sh} block, continuation lines and all. */
  static List<String> shellBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = Pattern.compile("(`{3,})sh").matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String fence = open.group(1);
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.length && !lines[j].equals(fence)) {
        body.append(lines[j]).append('\n');
        j++;
      }
      assertTrue(j < lines.length, "a sh block is closed");
      blocks.add(body.toString());
      i = j;
    }
    return blocks;
  }

  /** The operators and expanding words of every sh block, in order. */
  static List<String> shellSyntax(String markdown) {
    List<String> out = new ArrayList<>();
    for (String block : shellBlocks(markdown)) {
      for (ShellWords.Token t : ShellWords.tokens(block)) {
        if (t.kind() == ShellWords.Kind.OPERATOR || t.expands()) {
          out.add(t.kind() + " " + t.text());
        }
      }
    }
    return out;
  }

  // --- a. Generators ----------------------------------------------------------------------------

  /** Characters that mean something to a shell, Markdown, HTML, YAML or a terminal. */
  static final String META =
      "'\"`$(){}[]<>&;|\\*?~#!%^=+,.:/@ \t\n\r-_\u0000\u0007\u001b\u007f\u0085\u00a0\u2028"
          + "\u2029\u202e\u200b\ufeff";

  /** Values that broke other tools. */
  static final List<String> NASTY =
      List.of(
          "",
          " ",
          "$(touch /tmp/pwned)",
          "`touch /tmp/pwned`",
          "'; touch /tmp/pwned; '",
          "'\"'\"'",
          "\"$HOME\"",
          "${IFS}",
          "a\\",
          "\\",
          "-x",
          "--region",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "\"><svg onload=alert(1)>",
          "' onmouseover='alert(1)",
          "[x](javascript:alert(1))",
          "![x](javascript:alert(1))",
          "<javascript:alert(1)>",
          "<http://evil.example>",
          "[x]: javascript:alert(1)",
          "&lt;b&gt;",
          "&#106;avascript:",
          "<!--",
          "-->",
          "]]>",
          "*a* _b_ **c**",
          "# heading",
          "- item",
          "1. item",
          "> quote",
          "| a | b |",
          "```",
          "~~~",
          "    indented",
          "a  ",
          "---",
          "===",
          "line\nbreak",
          "cr\rlf",
          "nul\u0000",
          "\u202eevil",
          "\ud800",
          "\udfff\ud800",
          "😀",
          "日本語",
          "ﬀ",
          "İ",
          "a\u0300",
          "%s%n",
          "{{7*7}}",
          "${7*7}",
          "#{7*7}",
          "<#assign x=1>",
          "[#ftl]",
          "null",
          "~",
          "!!python/object",
          "&",
          "*",
          "?",
          "[a-z]");

  /**
   * A valid input with up to four fields (or list items) edited: replaced by a hostile string, or
   * with hostile characters put into the valid value. About a third of the inputs are left valid,
   * so every check after rendering runs often; the description is hostile text anyway.
   */
  @Provide
  Arbitrary<Input> anyInput() {
    Arbitrary<List<Edit>> edits =
        Arbitraries.frequencyOf(
            Tuple.of(35, Arbitraries.just(List.<Edit>of())),
            Tuple.of(40, edit().list().ofSize(1)),
            Tuple.of(25, edit().list().ofMinSize(2).ofMaxSize(4)));
    return Combinators.combine(validInput(), edits)
        .as(
            (in, es) -> {
              Input out = in;
              for (Edit e : es) {
                out = e.applyTo(out);
              }
              // Unpaired surrogates are left out of the description: see
              // anUnpairedSurrogateIsRefused.
              String d = out.description();
              return d == null || wellFormedUtf16(d) ? out : out.withDescription(wellFormed(d));
            });
  }

  /** Every field valid or left out, except the description: hostile text IAM still accepts. */
  static Arbitrary<Input> validInput() {
    Arbitrary<Tuple.Tuple2<String, List<String>>> regionAndKeys =
        anyRegion().flatMap(r -> validKeys(r).map(ks -> Tuple.of(r, ks)));
    Arbitrary<String> description =
        Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.strings().alpha().withChars(' ').ofMaxLength(60)),
                Tuple.of(7, hostile()),
                Tuple.of(
                    1,
                    longString(
                        Arbitraries.strings()
                            .withChars(META)
                            .withCharRange('a', 'z')
                            .withCharRange('\u00a1', '\uffff'),
                        3000,
                        6000)))
            // Unpaired surrogates are left out: see anUnpairedSurrogateIsRefused.
            .filter(HostileInputProperties::wellFormedUtf16)
            .injectNull(0.15);
    Arbitrary<List<String>> access =
        Arbitraries.of(
                List.of("load"), List.of("save"), List.of("load", "save"), List.of("save", "load"))
            .injectNull(0.3);
    return Combinators.combine(
            validAccount(),
            regionAndKeys,
            iamName(128).injectNull(0.3),
            description,
            iamName(64).injectNull(0.3),
            clusterId().injectNull(0.3),
            Arbitraries.of("2", "3").injectNull(0.3),
            access)
        .as(
            (a, rk, pn, d, rn, c, v, ac) ->
                new Input(a, rk.get1(), rk.get2(), pn, d, rn, c, v, ac));
  }

  /**
   * One hostile edit of one field: for a list, of one item, or one item more. {@code whole}
   * replaces the value by {@code hostile}; otherwise {@code inserted} goes in at {@code at},
   * replacing {@code cut} characters.
   */
  record Edit(int field, boolean whole, String hostile, int at, String inserted, int cut) {

    Input applyTo(Input in) {
      return switch (FIELDS.get(field)) {
        case "account" ->
            new Input(
                edit(in.account()),
                in.region(),
                in.keys(),
                in.policyName(),
                in.description(),
                in.roleName(),
                in.clusterId(),
                in.auroraMysqlVersion(),
                in.access());
        case "region" ->
            new Input(
                in.account(),
                edit(in.region()),
                in.keys(),
                in.policyName(),
                in.description(),
                in.roleName(),
                in.clusterId(),
                in.auroraMysqlVersion(),
                in.access());
        case "keys" ->
            new Input(
                in.account(),
                in.region(),
                editList(in.keys()),
                in.policyName(),
                in.description(),
                in.roleName(),
                in.clusterId(),
                in.auroraMysqlVersion(),
                in.access());
        case "policyName" ->
            new Input(
                in.account(),
                in.region(),
                in.keys(),
                edit(in.policyName()),
                in.description(),
                in.roleName(),
                in.clusterId(),
                in.auroraMysqlVersion(),
                in.access());
        case "description" -> in.withDescription(edit(in.description()));
        case "roleName" ->
            new Input(
                in.account(),
                in.region(),
                in.keys(),
                in.policyName(),
                in.description(),
                edit(in.roleName()),
                in.clusterId(),
                in.auroraMysqlVersion(),
                in.access());
        case "clusterId" ->
            new Input(
                in.account(),
                in.region(),
                in.keys(),
                in.policyName(),
                in.description(),
                in.roleName(),
                edit(in.clusterId()),
                in.auroraMysqlVersion(),
                in.access());
        case "auroraMysqlVersion" ->
            new Input(
                in.account(),
                in.region(),
                in.keys(),
                in.policyName(),
                in.description(),
                in.roleName(),
                in.clusterId(),
                edit(in.auroraMysqlVersion()),
                in.access());
        default ->
            new Input(
                in.account(),
                in.region(),
                in.keys(),
                in.policyName(),
                in.description(),
                in.roleName(),
                in.clusterId(),
                in.auroraMysqlVersion(),
                editList(in.access() == null ? List.of("load") : in.access()));
      };
    }

    String edit(String v) {
      if (whole || v == null) {
        return hostile;
      }
      int p = at % (v.length() + 1);
      return v.substring(0, p) + inserted + v.substring(Math.min(v.length(), p + cut));
    }

    List<String> editList(List<String> vs) {
      List<String> out = new ArrayList<>(vs);
      if (whole && at % 4 == 0 && out.size() < 3) {
        out.add(hostile); // one more item
      } else {
        int i = at % out.size();
        out.set(i, edit(out.get(i)));
      }
      return out;
    }
  }

  static Arbitrary<Edit> edit() {
    Arbitrary<String> inserted =
        Arbitraries.strings()
            .withChars(META)
            .withCharRange('A', 'Z')
            .withChars("é١ſK")
            .ofMaxLength(2);
    return Combinators.combine(
            Arbitraries.integers().between(0, FIELDS.size() - 1),
            Arbitraries.of(true, false),
            hostile(),
            Arbitraries.integers().between(0, 10_000),
            inserted,
            Arbitraries.integers().between(0, 2))
        .as(Edit::new);
  }

  /** {@code s} with each unpaired surrogate replaced by U+FFFD. */
  static String wellFormed(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
      }
    }
    return sb.toString();
  }

  static boolean wellFormedUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Strings no validator expects: control characters, lone surrogates, quotes, markup, the
   * 1,000-character boundary, long and empty. (Longer ones go to the description only: a long
   * Region takes long to refuse, see aLongRegionIsRefusedQuickly.)
   */
  static Arbitrary<String> hostile() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(4, Arbitraries.strings().withChars(META).withCharRange('a', 'c').ofMaxLength(30)),
        Tuple.of(3, Arbitraries.of(NASTY)),
        Tuple.of(
            3, Arbitraries.of(NASTY).list().ofMinSize(2).ofMaxSize(4).map(l -> String.join("", l))),
        Tuple.of(1, longString(Arbitraries.strings().all(), 990, 1010)),
        Tuple.of(
            1,
            longString(Arbitraries.strings().withChars(META).withCharRange('a', 'z'), 1000, 2000)));
  }

  /** A string of {@code min} to {@code max} characters: a random piece, repeated (cheaply). */
  static Arbitrary<String> longString(
      net.jqwik.api.arbitraries.StringArbitrary chars, int min, int max) {
    return Combinators.combine(
            chars.ofMinLength(1).ofMaxLength(50), Arbitraries.integers().between(min, max))
        .as((piece, n) -> piece.repeat(n / piece.length() + 1).substring(0, n));
  }

  static Arbitrary<String> anyRegion() {
    return Arbitraries.frequencyOf(Tuple.of(4, listedRegion()), Tuple.of(1, unknownRegion()));
  }

  /** Key IDs, mrk- IDs and key ARNs in the Region's partition, 1 to 3 of them. */
  static Arbitrary<List<String>> validKeys(String region) {
    String partition = partitionOf(region);
    Arbitrary<String> arn =
        Combinators.combine(anyKeyId(), validAccount())
            .as((id, acct) -> "arn:" + partition + ":kms:" + region + ":" + acct + ":key/" + id);
    return Arbitraries.oneOf(anyKeyId(), arn).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
  }

  static Arbitrary<String> iamName(int max) {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars("_+=,.@-")
        .ofMinLength(1)
        .ofMaxLength(max);
  }

  static Arbitrary<String> clusterId() {
    Arbitrary<String> part =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .ofMinLength(1)
            .ofMaxLength(10);
    return Combinators.combine(Arbitraries.chars().range('a', 'z'), part.list().ofMaxSize(5))
        .as((first, parts) -> first + (parts.isEmpty() ? "" : "-" + String.join("-", parts)))
        .filter(s -> s.length() <= 63);
  }

  // ---------------------------------------------------------------------------------------------
  // The shell parser's cross-check against /bin/sh.

  /**
   * {@link ShellWords} splits lines the way {@code /bin/sh} does: lines built from every kind of
   * quoting, and random lines of quotes and backslashes, give the same words from the parser, from
   * sh's {@code printf '%s\0'}, and (for built lines) from the construction itself.
   */
  @Property(tries = 300)
  void theShellParserAgreesWithBinSh(@ForAll("shellLines") ShellLine line) {
    List<String> parsed;
    try {
      parsed = ShellWords.words(line.text() + "\n"); // sh reads the line with its newline
    } catch (IllegalArgumentException e) {
      assertNull(line.words(), () -> "a built line must parse: " + e.getMessage());
      assertFalse(
          sh(line.text()).ok(), () -> "sh accepted what the parser refused: " + line.text());
      return;
    }
    ShResult sh = sh(line.text());
    assertTrue(sh.ok(), () -> "sh refused what the parser accepted: " + line.text());
    // With no argument, printf prints its format once: one empty word.
    assertEquals(
        sh.words(),
        parsed.isEmpty() ? List.of("") : parsed,
        () -> "parser and sh differ on: " + line.text());
    if (line.words() != null) {
      assertEquals(line.words(), parsed, () -> "parser and construction differ: " + line.text());
    }
    ShellWords.tokens(line.text() + "\n")
        .forEach(
            t -> assertFalse(t.expands() || t.kind() == ShellWords.Kind.OPERATOR, t::toString));
  }

  /** A line for sh, and the words it must give when built from known words ({@code null} else). */
  record ShellLine(String text, List<String> words) {}

  /** Characters to quote: anything but NUL, which no argument can hold, and lone surrogates. */
  static Arbitrary<String> shellContent() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withChars(META.replace("\u0000", ""))
            .withCharRange('a', 'c')
            .ofMaxLength(8),
        Arbitraries.strings().withCharRange('\u0001', '\ud7ff').ofMaxLength(6),
        Arbitraries.of(NASTY)
            .filter(
                s ->
                    s.indexOf('\u0000') < 0
                        && s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
  }

  @Provide
  Arbitrary<ShellLine> shellLines() {
    Arbitrary<String[]> piece =
        Combinators.combine(Arbitraries.integers().between(0, 4), shellContent())
            .as((kind, s) -> new String[] {quote(kind, s), s});
    Arbitrary<String[]> word =
        piece
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(
                ps -> {
                  StringBuilder text = new StringBuilder();
                  StringBuilder value = new StringBuilder();
                  for (String[] p : ps) {
                    text.append(p[0]);
                    value.append(p[1]);
                  }
                  // A word that is empty must still be written, as ''.
                  return new String[] {
                    text.length() == 0 ? "''" : text.toString(), value.toString()
                  };
                });
    Arbitrary<String> separator = Arbitraries.of(" ", "  ", "\t", " \\\n  ");
    Arbitrary<ShellLine> built =
        Combinators.combine(word.list().ofMinSize(1).ofMaxSize(5), separator.list().ofSize(5))
            .as(
                (ws, seps) -> {
                  StringBuilder text = new StringBuilder();
                  List<String> words = new ArrayList<>();
                  for (int i = 0; i < ws.size(); i++) {
                    text.append(i == 0 ? "" : seps.get(i)).append(ws.get(i)[0]);
                    words.add(ws.get(i)[1]);
                  }
                  return new ShellLine(text.toString(), words);
                });
    // No newline, operator, $, backtick, glob or # outside the quotes: sh runs these lines.
    Arbitrary<ShellLine> random =
        Arbitraries.strings()
            .withChars("'\"\\ \tab=-日")
            .ofMaxLength(20)
            .map(s -> new ShellLine(s, null));
    return Arbitraries.frequencyOf(Tuple.of(3, built), Tuple.of(1, random));
  }

  /**
   * {@code s} as one piece of a word: 0 bare with backslashes, 1 '...', 2 "...", 3 sh(), 4 '"'"'.
   */
  static String quote(int kind, String s) {
    switch (kind) {
      case 0 -> {
        if (s.indexOf('\n') >= 0) {
          return quote(1, s); // a backslash before a newline joins lines instead
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
          if (!Character.isLetterOrDigit(c) || c > 0x7e) {
            sb.append('\\');
          }
          sb.append(c);
        }
        return sb.toString();
      }
      case 1 -> {
        if (s.indexOf('\'') >= 0) {
          return quote(4, s);
        }
        return "'" + s + "'";
      }
      case 2 -> {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
          if (c == '"' || c == '\\' || c == '$' || c == '`') {
            sb.append('\\');
          }
          sb.append(c);
        }
        return sb.append('"').toString();
      }
      case 3 -> {
        return Escape.shell(s);
      }
      default -> {
        return "'" + s.replace("'", "'\"'\"'") + "'";
      }
    }
  }

  record ShResult(boolean ok, List<String> words) {}

  /** What /bin/sh makes of {@code line} as the arguments of printf; the script goes on stdin. */
  static ShResult sh(String line) {
    try {
      Process p = new ProcessBuilder("sh").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(("printf '%s\\0' " + line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream o = p.getInputStream()) {
        o.transferTo(out);
      }
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "sh finished");
      if (p.exitValue() != 0) {
        return new ShResult(false, List.of());
      }
      String text = out.toString(StandardCharsets.UTF_8);
      List<String> words = new ArrayList<>(List.of(text.split("\u0000", -1)));
      words.remove(words.size() - 1); // after the last NUL
      return new ShResult(true, words);
    } catch (IOException e) {
      throw new AssertionError("cannot run sh", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Example
  void theShellParserFlagsExpansionsAndOperators() {
    assertTrue(ShellWords.tokens("\"$(id)\"").get(0).expands());
    assertTrue(ShellWords.tokens("a*").get(0).expands());
    assertTrue(ShellWords.tokens("~/x").get(0).expands());
    assertFalse(ShellWords.tokens("'$(id)' \\$x a~").stream().anyMatch(ShellWords.Token::expands));
    assertEquals(List.of("a", "b c", "d'e", ""), ShellWords.words("a 'b c' 'd'\"'\"'e' ''"));
    assertEquals(
        List.of(List.of("a"), List.of("b"), List.of("c", "d")),
        ShellWords.commands("a; b\n c \\\n d").stream()
            .map(c -> c.stream().map(ShellWords.Token::text).toList())
            .toList());
    assertThrows(IllegalArgumentException.class, () -> ShellWords.tokens("'open"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.tokens("\"open"));
  }

  /**
   * A POSIX shell word splitter for the commands the runbooks print: single quotes, double quotes
   * with their four backslash escapes, backslash escapes and line continuations, comments, and the
   * operators. Expansions ({@code $}, backticks, unquoted globs and a leading tilde) are not
   * performed, only flagged, since a value must never cause one.
   */
  static final class ShellWords {
    private ShellWords() {}

    enum Kind {
      WORD,
      OPERATOR,
      NEWLINE
    }

    /** A word (with whether sh would expand something in it), an operator or a line end. */
    record Token(Kind kind, String text, boolean expands) {}

    /** The words of a line without operators or expansions. */
    static List<String> words(String line) {
      List<String> out = new ArrayList<>();
      for (Token t : tokens(line)) {
        if (t.kind() == Kind.WORD) {
          out.add(t.text());
        }
      }
      return out;
    }

    /** The words of each simple command: split at line ends and operators. */
    static List<List<Token>> commands(String script) {
      List<List<Token>> out = new ArrayList<>();
      List<Token> cmd = new ArrayList<>();
      for (Token t : tokens(script)) {
        if (t.kind() == Kind.WORD) {
          cmd.add(t);
        } else if (!cmd.isEmpty()) {
          out.add(cmd);
          cmd = new ArrayList<>();
        }
      }
      if (!cmd.isEmpty()) {
        out.add(cmd);
      }
      return out;
    }

    /**
     * @throws IllegalArgumentException on an unterminated quote or a backslash at the very end
     */
    static List<Token> tokens(String s) {
      List<Token> out = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      boolean inWord = false;
      boolean expands = false;
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\\') {
          if (i + 1 >= n) {
            throw new IllegalArgumentException("a backslash at the end");
          }
          if (s.charAt(i + 1) != '\n') { // backslash-newline joins the lines
            word.append(s.charAt(i + 1));
            inWord = true;
          }
          i += 2;
        } else if (c == '\'') {
          int end = s.indexOf('\'', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("an unterminated single quote");
          }
          word.append(s, i + 1, end);
          inWord = true;
          i = end + 1;
        } else if (c == '"') {
          inWord = true;
          i++;
          while (true) {
            if (i >= n) {
              throw new IllegalArgumentException("an unterminated double quote");
            }
            char d = s.charAt(i);
            if (d == '"') {
              i++;
              break;
            }
            if (d == '\\' && i + 1 < n && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
              if (s.charAt(i + 1) != '\n') {
                word.append(s.charAt(i + 1));
              }
              i += 2;
              continue;
            }
            if (d == '$' || d == '`') {
              expands = true;
            }
            word.append(d);
            i++;
          }
        } else if (c == ' ' || c == '\t' || c == '\n') {
          if (inWord) {
            out.add(new Token(Kind.WORD, word.toString(), expands));
            word.setLength(0);
            inWord = false;
            expands = false;
          }
          if (c == '\n') {
            out.add(new Token(Kind.NEWLINE, "\n", false));
          }
          i++;
        } else if (";&|<>()".indexOf(c) >= 0) {
          if (inWord) {
            out.add(new Token(Kind.WORD, word.toString(), expands));
            word.setLength(0);
            inWord = false;
            expands = false;
          }
          boolean twice = i + 1 < n && s.charAt(i + 1) == c && ";&|<>".indexOf(c) >= 0;
          out.add(new Token(Kind.OPERATOR, twice ? "" + c + c : "" + c, false));
          i += twice ? 2 : 1;
        } else if (c == '#' && !inWord) {
          while (i < n && s.charAt(i) != '\n') {
            i++;
          }
        } else {
          if (c == '$' || c == '`' || c == '*' || c == '?' || c == '[' || (c == '~' && !inWord)) {
            expands = true;
          }
          word.append(c);
          inWord = true;
          i++;
        }
      }
      if (inWord) {
        out.add(new Token(Kind.WORD, word.toString(), expands));
      }
      return out;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // b. Valid and invalid accounts, Regions and keys.

  /** A value, and whether Runwright must accept it. */
  record Case(String text, boolean valid) {}

  /** A key, whether it is valid, and whether only its partition is wrong for the Region. */
  record KeyCase(String text, boolean valid, boolean wrongPartition) {}

  record AwsCase(Case account, Case region, List<KeyCase> keys) {
    Input input() {
      return new Input(
          account.text(),
          region.text(),
          keys.stream().map(KeyCase::text).toList(),
          null,
          null,
          null,
          null,
          null,
          null);
    }
  }

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
    Outcome o = render(in.flags());
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
    Arbitrary<Case> account =
        Arbitraries.frequencyOf(
            Tuple.of(3, validAccount().map(a -> new Case(a, true))),
            Tuple.of(1, invalidAccount().map(a -> new Case(a, false))));
    Arbitrary<Case> region =
        Arbitraries.frequencyOf(
            Tuple.of(3, listedRegion().map(r -> new Case(r, true))),
            Tuple.of(1, unknownRegion().map(r -> new Case(r, true))),
            Tuple.of(1, malformedRegion().map(r -> new Case(r, false))));
    return Combinators.combine(account, region, keySpec().list().ofMinSize(1).ofMaxSize(3))
        .as(
            (a, r, specs) -> {
              // Unique by text and by the ARN each names: see theSameKeyTwiceIsRefused.
              Map<String, KeyCase> keys = new LinkedHashMap<>();
              for (KeySpec k : specs) {
                KeyCase kc = k.in(r);
                keys.putIfAbsent(identity(kc.text(), a.text(), r.text()), kc);
              }
              return new AwsCase(a, r, List.copyOf(keys.values()));
            });
  }

  private static String identity(String key, String account, String region) {
    return key.startsWith("arn:") ? key : "arn:?:kms:" + region + ":" + account + ":key/" + key;
  }

  static Arbitrary<String> validAccount() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofLength(12),
        Arbitraries.strings()
            .withChars('0')
            .ofMinLength(1)
            .ofMaxLength(11)
            .flatMap(
                z ->
                    Arbitraries.strings()
                        .numeric()
                        .ofLength(12 - z.length())
                        .map(rest -> z + rest)),
        Arbitraries.of("000000000000", "012345678901", "999999999999"));
  }

  static Arbitrary<String> invalidAccount() {
    Arbitrary<String> twelve = Arbitraries.strings().numeric().ofLength(12);
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofLength(11),
        Arbitraries.strings().numeric().ofLength(13),
        Arbitraries.strings().numeric().ofMaxLength(10),
        Combinators.combine(
                twelve,
                Arbitraries.integers().between(0, 11),
                Arbitraries.chars().with('a', 'Z', 'x', ' ', '-', '.', 'O', 'l', '١', '１'))
            .as((d, at, ch) -> d.substring(0, at) + ch + d.substring(at + 1)),
        twelve.map(d -> d.substring(0, 4) + "-" + d.substring(4, 8) + "-" + d.substring(8)),
        twelve.map(d -> d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8)),
        twelve.map(d -> " " + d),
        twelve.map(d -> d + "\n"),
        twelve.map(d -> "+" + d.substring(1)),
        Arbitraries.of(
            "",
            "١١١١٢٢٢٢٣٣٣٣",
            "１１１１２２２２３３３３",
            "1.1112222333e",
            "abcdefghijkl",
            "arn:aws:iam::111122223333:root"));
  }

  static Arbitrary<String> listedRegion() {
    List<String> codes = new ArrayList<>();
    Region.listed().forEach(r -> codes.add(r.code()));
    return Arbitraries.of(codes);
  }

  private static final Set<String> LISTED = listedCodes();

  private static Set<String> listedCodes() {
    Set<String> s = new LinkedHashSet<>();
    Region.listed().forEach(r -> s.add(r.code()));
    return s;
  }

  /** Well-formed Region codes Runwright does not list yet: accepted, with a warning. */
  static Arbitrary<String> unknownRegion() {
    Arbitrary<String> prefix =
        Arbitraries.of(
            "us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "cn", "us-gov", "us-iso",
            "us-isob", "eu-isoe", "us-isof", "eusc-de");
    Arbitrary<String> word =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9);
    Arbitrary<Integer> number = Arbitraries.integers().between(1, 99);
    return Combinators.combine(prefix, word, number)
        .as((p, w, n) -> p + "-" + w + "-" + n)
        .filter(r -> !LISTED.contains(r));
  }

  /**
   * Codes that are no Region, among them well-formed codes with an upper-case letter or an
   * underscore inside (us-East-1, us-east_x-1), which key ARNs would carry and no key matches.
   */
  static Arbitrary<String> malformedRegion() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "us-east1",
            "useast-1",
            "us-east-",
            "-east-1",
            "us--1",
            "US-EAST-1",
            "US-East-1",
            "us-east-1 ",
            " us-east-1",
            "us-east-1\n",
            "us-east-1a",
            "us-east-1a-1",
            "mars-north-1",
            "global",
            "aws-global",
            "us-east-١",
            "us-east-1.",
            "us.east.1",
            "us_east_1",
            "arn:aws:kms:us-east-1",
            "*",
            "us-east-*",
            "cn-north",
            "us-gov-west"),
        listedRegion().map(r -> r.replace("-", "")),
        listedRegion().map(r -> r.toUpperCase(Locale.ROOT)),
        listedRegion().map(r -> r + "x"),
        listedRegion()
            .map(
                r ->
                    r.substring(0, 3)
                        + r.substring(3, 4).toUpperCase(Locale.ROOT)
                        + r.substring(4)),
        listedRegion().map(r -> r.replaceFirst("-([a-z0-9]+)-(\\d+)$", "-$1_x-$2")),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("-0123456789 ._E")
            .ofMaxLength(16)
            .filter(r -> !wellFormedRegion(r)));
  }

  /** Listed, or of a partition's pattern. */
  static boolean wellFormedRegion(String r) {
    if (LISTED.contains(r)) {
      return true;
    }
    for (String[] p : BOTOCORE_PARTITIONS) {
      if (r.matches(p[1])) {
        return true;
      }
    }
    return false;
  }

  static Arbitrary<String> keyId() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
    return hex.map(
        h ->
            h.substring(0, 8)
                + "-"
                + h.substring(8, 12)
                + "-"
                + h.substring(12, 16)
                + "-"
                + h.substring(16, 20)
                + "-"
                + h.substring(20));
  }

  static Arbitrary<String> mrkId() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(32).map(h -> "mrk-" + h);
  }

  static Arbitrary<String> anyKeyId() {
    return Arbitraries.oneOf(keyId(), mrkId(), Arbitraries.just(KEY));
  }

  /** Listed Regions by partition. */
  private static final Map<String, List<String>> LISTED_BY_PARTITION = listedByPartition();

  private static Map<String, List<String>> listedByPartition() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    Region.listed()
        .forEach(r -> m.computeIfAbsent(r.partition().id(), k -> new ArrayList<>()).add(r.code()));
    return m;
  }

  enum KeyKind {
    ID,
    ARN,
    OTHER_PARTITION_ARN,
    INVALID
  }

  /**
   * A key before the Region is known: a key ID, a key ARN in the Region's partition (in the Region
   * itself or another listed one of the partition, picked by {@code pick}), a key ARN of another
   * partition, or an invalid text.
   */
  record KeySpec(KeyKind kind, String id, String account, int pick, String invalid) {

    KeyCase in(Case region) {
      String partition = region.valid() ? partitionOf(region.text()) : "aws";
      return switch (kind) {
        case ID -> new KeyCase(id, true, false);
        case ARN -> {
          List<String> regions = new ArrayList<>(LISTED_BY_PARTITION.get(partition));
          if (region.valid()) {
            regions.add(region.text());
          }
          String r = regions.get(pick % regions.size());
          yield new KeyCase(arn(partition, r), true, false);
        }
        case OTHER_PARTITION_ARN -> {
          List<String> others = new ArrayList<>();
          LISTED_BY_PARTITION.forEach(
              (p, rs) -> {
                if (!p.equals(partition)) {
                  others.addAll(rs);
                }
              });
          String r = others.get(pick % others.size());
          yield new KeyCase(arn(partitionOf(r), r), false, true);
        }
        case INVALID -> new KeyCase(invalid, false, false);
      };
    }

    private String arn(String partition, String region) {
      return "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + id;
    }
  }

  /** Valid forms of a key, and the ways a key can be wrong. */
  static Arbitrary<KeySpec> keySpec() {
    Arbitrary<String> invalid =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                " ",
                "alias/payments",
                "alias/aws/rds",
                "*",
                "?",
                "key/*",
                "arn:aws:kms:us-east-1:111122223333:alias/payments",
                "arn:aws:kms:us-east-1:111122223333:key/*",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-*",
                "arn:aws:kms:us-east-1:111122223333:key/",
                "arn:aws:kms:us-east-1:11112222333:key/" + KEY,
                "arn:aws:kms:us-east1:111122223333:key/" + KEY,
                "arn:aws:kms:cn-north-1:111122223333:key/" + KEY,
                "arn:aws:kms::111122223333:key/" + KEY,
                "arn:aws:kms:us-east-1::key/" + KEY,
                "arn:aws:s3:::bucket",
                "arn:aws:iam::111122223333:role/x",
                "arn:aws-xx:kms:us-east-1:111122223333:key/" + KEY,
                "arn:AWS:kms:us-east-1:111122223333:key/" + KEY,
                "arn:aws:kms:us-east-1:111122223333:key/" + KEY.toUpperCase(Locale.ROOT),
                "arn:aws:kms:us-east-1:111122223333",
                "mrk-1234",
                "mrk-",
                "MRK-1234abcd12ab34cd56ef1234567890ab",
                KEY.substring(1),
                KEY + "0",
                KEY.replace("-", ""),
                " " + KEY,
                KEY + " ",
                "{" + KEY + "}",
                "key/" + KEY),
            keyId().map(k -> k.toUpperCase(Locale.ROOT)).filter(k -> !k.equals(k.toLowerCase())),
            mrkId()
                .map(k -> "mrk-" + k.substring(4).toUpperCase(Locale.ROOT))
                .filter(k -> !k.equals(k.toLowerCase())),
            mrkId().map(k -> k.substring(0, k.length() - 1)),
            keyId().map(k -> k.replaceFirst("[0-9a-f]", "g")));
    Arbitrary<KeyKind> kind =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(KeyKind.ID)),
            Tuple.of(2, Arbitraries.just(KeyKind.ARN)),
            Tuple.of(1, Arbitraries.just(KeyKind.OTHER_PARTITION_ARN)),
            Tuple.of(2, Arbitraries.just(KeyKind.INVALID)));
    return Combinators.combine(
            kind,
            anyKeyId(),
            Arbitraries.oneOf(validAccount(), Arbitraries.just("111122223333")),
            Arbitraries.integers().between(0, 1000),
            invalid)
        .as(KeySpec::new);
  }

  // ---------------------------------------------------------------------------------------------
  // c. Determinism.

  /**
   * The same input gives the same bytes: rendered twice with the shared workspace, and once through
   * {@link Runwright#render} itself with a fresh one (which also shows that the shared path above
   * renders what generate renders). A failing input fails the same way each time.
   */
  @Property(tries = 500)
  void theSameInputGivesTheSameBytes(@ForAll("deterministicInputs") Input in) {
    Outcome first = render(in.flags());
    Outcome again = render(in.flags());
    Outcome fresh = renderFresh(in.flags());
    for (Outcome o : List.of(again, fresh)) {
      assertEquals(first.files(), o.files());
      assertEquals(first.warnings(), o.warnings());
      assertEquals(String.valueOf(first.failure()), String.valueOf(o.failure()));
      if (first.failure() instanceof InvalidInputException e) {
        assertEquals(e.diagnostics(), ((InvalidInputException) o.failure()).diagnostics());
      }
    }
  }

  @Provide
  Arbitrary<Input> deterministicInputs() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, anyInput()), Tuple.of(1, awsCases().map(AwsCase::input)));
  }

  // ---------------------------------------------------------------------------------------------
  // Bugs found by the properties above, each kept with the assertion that should hold.

  @Example
  void theSameKeyTwiceIsRefused() {
    Outcome o =
        render(
            new Input(
                    "111122223333",
                    "us-east-1",
                    List.of(KEY, "arn:aws:kms:us-east-1:111122223333:key/" + KEY),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)
                .flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals("keys[1]", e.diagnostics().get(0).subject());
  }

  @Example
  void aKeyInAnotherPartitionIsReportedWhenOnlyTheAccountIsWrong() {
    Outcome o =
        render(
            new Input(
                    "1111",
                    "us-east-1",
                    List.of("arn:aws-cn:kms:cn-north-1:111122223333:key/" + KEY),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)
                .flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals(
        Set.of("account", "keys[0]"),
        e.diagnostics().stream().map(Diagnostic::subject).collect(Collectors.toSet()));
  }

  @Property(tries = 200)
  void valuesStartingWithAHyphenStayValuesForTheAwsCli(@ForAll("hyphenated") String value) {
    Input in =
        new Input("111122223333", "us-east-1", List.of(KEY), value, value, value, null, null, null);
    Outcome o = render(in.flags());
    assertNull(o.failure());
    for (String path : List.of("kms/runbook.md", "role/runbook.md")) {
      for (String block : shellBlocks(o.files().get(path))) {
        List<ShellWords.Token> tokens = ShellWords.tokens(block);
        for (int i = 0; i + 1 < tokens.size(); i++) {
          if (tokens.get(i).text().startsWith("--") && !tokens.get(i).text().contains("=")) {
            assertFalse(
                tokens.get(i + 1).text().startsWith("-"),
                () -> path + ": an option's value reads as an option:\n" + block);
          }
        }
      }
    }
  }

  @Provide
  Arbitrary<String> hyphenated() {
    return iamName(60).map(s -> "-" + s);
  }

  @Example
  void anEmptyAccessListIsRefused() {
    Outcome o =
        render(
            new Input(
                    "111122223333",
                    "us-east-1",
                    List.of(KEY),
                    null,
                    null,
                    null,
                    "db1",
                    "2",
                    List.of())
                .flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals("access", e.diagnostics().get(0).subject());
  }

  @Example
  void aDescriptionIsShownExactly() {
    for (String d : List.of(" \u3000 ", " \u2003\u2003 ")) {
      Input in = NEUTRAL.withDescription(d);
      Outcome o = render(in.flags());
      assertNull(o.failure());
      checkDescriptionShownExactly(in, o.files().get("kms/runbook.html"));
    }
  }

  @Example
  void anUnpairedSurrogateIsRefused() {
    Outcome o = render(NEUTRAL.withDescription("a\ud800b").flags());
    InvalidInputException e = assertInstanceOf(InvalidInputException.class, o.failure());
    assertEquals("description", e.diagnostics().get(0).subject());
  }

  @Example
  void aLongRegionIsRefusedQuickly() {
    Input in =
        new Input(
            "111122223333", "a".repeat(100_000), List.of(KEY), null, null, null, null, null, null);
    long start = System.nanoTime();
    Outcome o = render(in.flags());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertInstanceOf(InvalidInputException.class, o.failure());
    assertTrue(millis < 200, () -> "took " + millis + " ms");
  }

  // ---------------------------------------------------------------------------------------------

  private static Supplier<Map<String, String>> memo(Supplier<Outcome> s) {
    Object[] cache = {null};
    return () -> {
      if (cache[0] == null) {
        Outcome o = s.get();
        cache[0] = o.failure() == null ? o.files() : Map.of();
      }
      @SuppressWarnings("unchecked")
      Map<String, String> files = (Map<String, String>) cache[0];
      return files;
    };
  }

  private static String around(String s, int i) {
    return s.substring(Math.max(0, i - 60), Math.min(s.length(), i + 60));
  }
}
