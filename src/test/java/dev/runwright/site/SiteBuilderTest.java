package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.EXAMPLE_ACCOUNTS;
import static dev.runwright.site.SiteTestSupport.EXAMPLE_IDS;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.differences;
import static dev.runwright.site.SiteTestSupport.files;
import static dev.runwright.site.SiteTestSupport.leftovers;
import static dev.runwright.site.SiteTestSupport.lineCol;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.replaceOnce;
import static dev.runwright.site.SiteTestSupport.runwright;
import static dev.runwright.site.SiteTestSupport.snapshot;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runwright.cli.ExitCode;
import dev.runwright.core.Version;
import dev.runwright.site.SiteTestSupport.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runwright site}, run in-process on the example inventory and on variations of it. */
class SiteBuilderTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern SUMMARY =
      Pattern.compile("Built (\\d+) runbooks? \\((\\d+) files\\) in \\d+\\.\\d s(.*): (.+)");

  /** The example, built once for the tests that only read it. */
  @TempDir static Path shared;

  private static Path example;
  private static Run exampleRun;

  @TempDir Path tmp;

  @BeforeAll
  static void buildExample() {
    example = shared.resolve("public");
    exampleRun = buildSite(EXAMPLE, example);
  }

  @Test
  void buildsEveryFileAndPrintsOneSummaryLine() {
    Path out = example;
    Run r = exampleRun;

    Set<String> expected = new TreeSet<>();
    for (String id : EXAMPLE_IDS) {
      SiteTestSupport.runbookFiles(id).forEach(f -> expected.add(id + "/" + f));
    }
    expected.addAll(
        List.of(
            "index.html",
            "404.html",
            "sitemap.xml",
            "assets/runwright.css",
            "assets/runwright.js",
            "assets/runwright-search.js",
            "assets/minisearch.js",
            "assets/minisearch.LICENSE.txt",
            "search-index.js",
            Publisher.MANIFEST));
    assertEquals(expected, files(out).keySet());

    List<String> lines = List.of(r.out().split("\\R"));
    assertEquals(1, lines.size(), r::describe);
    Matcher m = SUMMARY.matcher(lines.get(0));
    assertTrue(m.matches(), lines.get(0));
    assertEquals("7", m.group(1));
    assertEquals(String.valueOf(expected.size() - 1), m.group(2), "files, without the manifest");
    assertEquals("", m.group(3), "nothing of the user's to keep in a new folder");
    assertEquals(out.resolve("index.html").toString(), m.group(4));
    assertTrue(
        r.err().lines().allMatch(l -> l.startsWith("note: analytics-use1: clusterId is not set")),
        r::describe);

    List<String> manifest = new ArrayList<>(read(out.resolve(Publisher.MANIFEST)).lines().toList());
    manifest.removeIf(l -> l.startsWith("#"));
    Set<String> published = new TreeSet<>(expected);
    published.remove(Publisher.MANIFEST);
    assertEquals(List.copyOf(published), manifest, "the manifest lists what was published, sorted");
    assertEquals(List.of(), leftovers(out), "no staging folder is left beside the output");
  }

  @Test
  void aMountPointIsPublishedIntoFileByFileAndRemovedRunbooksLeaveNoFolders() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("mounted"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "tmpfs", out.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        mount.waitFor() == 0, "cannot mount a tmpfs here (needs root)");
    try {
      buildSite(EXAMPLE, out, "-q");
      write(out.resolve("notes.txt"), "mine\n");
      Path fewer = tmp.resolve("fewer.yaml");
      String all = read(EXAMPLE);
      int from = all.indexOf("\n  - id: dr-usw2\n");
      int to = all.indexOf("\n  - id:", from + 1);
      write(fewer, all.substring(0, from) + (to < 0 ? "\n" : all.substring(to)));

      Run r = buildSite(fewer, out);

      assertTrue(r.err().contains("published file by file"), r::describe);
      assertFalse(Files.exists(out.resolve("dr-usw2")), "the removed runbook's folder is gone");
      assertTrue(Files.exists(out.resolve("prod-use1/index.html")));
      assertEquals("mine\n", read(out.resolve("notes.txt")));
      try (var names = Files.list(out)) {
        assertEquals(
            List.of(),
            names
                .map(f -> f.getFileName().toString())
                .filter(n -> n.contains(".runwright-staging"))
                .toList(),
            "no staging folder is left inside");
      }
    } finally {
      new ProcessBuilder("umount", out.toString()).start().waitFor();
    }
  }

  @Test
  void aSecondBuildIntoTheSameFolderIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
    Path out = tmp.resolve("busy");
    Path lockFile = tmp.resolve(".busy.runwright-lock");
    try (var ch =
            java.nio.channels.FileChannel.open(
                lockFile,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var held = ch.lock()) {
      Run r = runwright("site", "--config", EXAMPLE.toString(), "--out", out.toString());
      assertEquals(ExitCode.OUTPUT, r.code(), r::describe);
      assertEquals(
          "error: another Runwright build is publishing to "
              + out
              + " right now; run again when it has finished (it holds "
              + lockFile
              + ")",
          r.err().strip());
      assertFalse(Files.exists(out), "nothing was written");
    }
    buildSite(EXAMPLE, out, "-q");
    assertEquals(List.of(), leftovers(out), "the lock file goes when the build ends");
  }

  @Test
  void aRebuildKeepsASharedFoldersGroupAndSetGroupIdBit() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("shared-web-root"));
    Object group;
    try {
      group =
          out.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
      Files.setAttribute(out, "posix:group", group);
      Files.setAttribute(out, "unix:mode", 02775);
    } catch (java.io.IOException | UnsupportedOperationException e) {
      org.junit.jupiter.api.Assumptions.abort("cannot make a group-shared folder here: " + e);
      return;
    }

    buildSite(EXAMPLE, out, "-q");
    buildSite(EXAMPLE, out, "-q");

    assertEquals(02775, (Integer) Files.getAttribute(out, "unix:mode") & 07777);
    for (String rel : List.of(".", "index.html", "prod-use1", "prod-use1/role/runbook.md")) {
      assertEquals(group, Files.getAttribute(out.resolve(rel), "posix:group"), rel);
    }
    assertEquals(
        02000, (Integer) Files.getAttribute(out.resolve("prod-use1"), "unix:mode") & 02000);
  }

  @Test
  void indexGroupsByAccountThenRegionWithPolicyAndKeyCount() {
    Path out = example;
    String index = read(out.resolve("index.html"));

    // Walk the page top to bottom, noting under which account and Region each runbook is listed.
    Pattern account = Pattern.compile("<h2>Account <code>([^<]+)</code>");
    Pattern region = Pattern.compile("<h3>([a-z0-9-]+) · ");
    Pattern item =
        Pattern.compile(
            "<li data-rw-search=\"[^\"]*\"><a class=\"rw-title\" href=\"([^\"]+)\">.*?<span"
                + " class=\"rw-meta\"><code>([^<]+)</code>([^<]*)</span>");
    List<String> accounts = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    Map<String, String> placed = new LinkedHashMap<>();
    Map<String, String> meta = new LinkedHashMap<>();
    String curAccount = null;
    String curRegion = null;
    for (String line : index.lines().toList()) {
      Matcher a = account.matcher(line);
      Matcher g = region.matcher(line);
      Matcher i = item.matcher(line);
      if (a.find()) {
        curAccount = a.group(1);
        accounts.add(curAccount);
      } else if (g.find()) {
        curRegion = g.group(1);
        groups.add(curAccount + " " + curRegion);
      } else if (i.find()) {
        assertEquals(i.group(2) + "/index.html", i.group(1), "the link of " + i.group(2));
        placed.put(i.group(2), curAccount + " " + curRegion);
        meta.put(i.group(2), i.group(3));
      }
    }

    assertEquals(
        List.of("012345678901", "111122223333", "333344445555", "444455556666", "777788889999"),
        accounts,
        "account headings in order, the leading zero kept");
    assertEquals(
        List.of(
            "012345678901 us-east-2",
            "111122223333 eu-west-1",
            "111122223333 us-east-1",
            "111122223333 us-west-2",
            "333344445555 cn-north-1",
            "444455556666 us-east-1",
            "777788889999 us-gov-west-1"),
        groups,
        "Regions in order within each account");
    assertEquals(
        Map.of(
            "staging-use2", "012345678901 us-east-2",
            "prod-euw1", "111122223333 eu-west-1",
            "prod-use1", "111122223333 us-east-1",
            "dr-usw2", "111122223333 us-west-2",
            "china-cnn1", "333344445555 cn-north-1",
            "analytics-use1", "444455556666 us-east-1",
            "gov-usgw1", "777788889999 us-gov-west-1"),
        placed);
    assertAll(
        () ->
            assertEquals(
                " · payments-prod-eu · aurora-mysql · 2 buckets · 2 keys", meta.get("prod-euw1")),
        () ->
            assertEquals(
                " · payments-prod · aurora-mysql · 1 bucket · 1 key", meta.get("prod-use1")),
        () -> assertEquals(" · payments-dr · aurora-mysql · 1 key", meta.get("dr-usw2")));
    assertTrue(index.contains("<span>7 runbooks</span>"), "the count in the header");
  }

  @Test
  void runbookMarkdownHasFrontMatter() throws Exception {
    Path out = example;

    String md = read(out.resolve("staging-use2/s3/runbook.md"));
    Map<String, Object> fm = frontMatter(md);
    String heading =
        md.lines().filter(l -> l.startsWith("# ")).findFirst().orElseThrow().substring(2);
    assertAll(
        () -> assertEquals(heading, fm.get("title"), "the title is the page's heading"),
        () -> assertEquals("012345678901", fm.get("account"), "a string, the leading zero kept"),
        () -> assertTrue(md.contains("\naccount: \"012345678901\"\n"), "the account is quoted"),
        () -> assertEquals("us-east-2", fm.get("region")),
        () -> assertEquals(List.of("s3://payments-staging-data"), fm.get("buckets")),
        () -> assertEquals("AuroraS3Access", fm.get("s3PolicyName")),
        () -> assertEquals(null, fm.get("policyName"), "only what the S3 step's pack declares"),
        () -> assertEquals("Runwright " + Version.get(), fm.get("generator")),
        () ->
            assertTrue(
                String.valueOf(fm.get("inputHash")).matches("sha256:[0-9a-f]{64}"),
                String.valueOf(fm.get("inputHash"))));

    // A key given by its ID becomes an ARN, one given as an ARN stays as it is.
    Map<String, Object> euw1 = frontMatter(read(out.resolve("prod-euw1/kms/runbook.md")));
    assertEquals(
        List.of(
            "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            "arn:aws:kms:eu-west-1:111122223333:key/5b1c9f0e-7d2a-4c3b-9e8f-1a2b3c4d5e6f"),
        euw1.get("keys"));
    assertEquals(
        "AmazonRDSKMSKeyDR",
        frontMatter(read(out.resolve("dr-usw2/kms/runbook.md"))).get("policyName"));
  }

  @Test
  void policyInTheRunbookIsPolicyJsonByteForByte() {
    Path out = example;
    for (String id : EXAMPLE_IDS) {
      if (!SiteTestSupport.EXAMPLE_STEPS.get(id).contains("kms")) {
        continue;
      }
      String md = read(out.resolve(id + "/kms/runbook.md"));
      int start = md.indexOf("```json\n");
      assertTrue(start >= 0, id + ": no JSON block");
      start += "```json\n".length();
      int end = md.indexOf("```", start);
      byte[] block = md.substring(start, end).getBytes(StandardCharsets.UTF_8);
      byte[] file = files(out).get(id + "/kms/policy.json");
      assertEquals(
          new String(file, StandardCharsets.UTF_8), new String(block, StandardCharsets.UTF_8), id);
      assertTrue(java.util.Arrays.equals(file, block), id + ": the bytes differ");
    }
  }

  @Test
  void sitemapListsEveryPageAsAnAbsoluteUrlUnderBaseUrl() {
    Path out = example;
    String base = "https://runbooks.example.internal/payments/";
    List<String> urls = new ArrayList<>();
    Matcher m = Pattern.compile("<loc>([^<]*)</loc>").matcher(read(out.resolve("sitemap.xml")));
    while (m.find()) {
      urls.add(m.group(1));
    }
    int pages = 1;
    for (String id : EXAMPLE_IDS) {
      pages +=
          (int) SiteTestSupport.runbookFiles(id).stream().filter(f -> f.endsWith(".html")).count();
    }
    assertEquals(pages, urls.size(), "the home page and every page of every runbook");
    assertEquals(base, urls.get(0));
    assertEquals(urls.size(), new LinkedHashSet<>(urls).size(), "no address twice");
    for (String url : urls) {
      assertTrue(url.startsWith(base), url);
      String rel = url.substring(base.length());
      Path page = out.resolve(rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel);
      assertTrue(Files.isRegularFile(page), url + " has no page");
      assertTrue(rel.isEmpty() || rel.endsWith("/") || rel.endsWith(".html"), url);
    }
    assertTrue(urls.contains(base + "prod-use1/"));
    assertTrue(urls.contains(base + "prod-use1/role/"));
  }

  @Test
  void buildingTwiceGivesTheSameBytes() {
    SortedMap<String, byte[]> first = snapshot(example);
    Path out = tmp.resolve("elsewhere");
    buildSite(EXAMPLE, out, "--jobs", "1");
    assertEquals(List.of(), differences(first, snapshot(out)), "another folder, one thread");

    Run again = buildSite(EXAMPLE, out);
    assertEquals(List.of(), differences(first, snapshot(out)), "rebuilt in place");
    assertFalse(again.out().contains("kept"), again::describe);
  }

  @Test
  void removedEntryDisappearsWhileTheUsersFilesStay() {
    Path out = tmp.resolve("public");
    buildSite(EXAMPLE, out);
    write(out.resolve("CNAME"), "runbooks.example.internal\n");
    write(out.resolve("prod-use1/notes.txt"), "ask Dana before changing this\n");
    write(out.resolve("extra/deep/readme.txt"), "mine\n");

    String text = read(EXAMPLE);
    int from = text.indexOf("  - id: prod-use1\n");
    int to = text.indexOf("  - id: prod-euw1\n");
    Path less = tmp.resolve("less.yaml");
    write(less, text.substring(0, from) + text.substring(to));
    Run r = buildSite(less, out);

    assertTrue(r.out().startsWith("Built 6 runbooks"), r::describe);
    assertTrue(
        r.out()
            .contains(
                ", kept 3 of your own files (CNAME, extra/deep/readme.txt, prod-use1/notes.txt): "),
        r::describe);
    SortedMap<String, byte[]> after = files(out);
    List<String> left = after.keySet().stream().filter(k -> k.startsWith("prod-use1/")).toList();
    assertEquals(List.of("prod-use1/notes.txt"), left, "only the user's file is left there");
    assertEquals("ask Dana before changing this\n", read(out.resolve("prod-use1/notes.txt")));
    assertEquals("runbooks.example.internal\n", read(out.resolve("CNAME")));
    assertEquals("mine\n", read(out.resolve("extra/deep/readme.txt")));
    for (String f : List.of("index.html", "sitemap.xml", Publisher.MANIFEST)) {
      assertFalse(read(out.resolve(f)).contains("prod-use1"), f + " still names prod-use1");
    }
    assertFalse(
        read(out.resolve(Publisher.MANIFEST)).contains("CNAME"), "the user's file is not ours");
    assertEquals(List.of(), leftovers(out));

    // And the entry comes back when it is added again; the user's files still stay.
    buildSite(EXAMPLE, out);
    assertTrue(Files.isRegularFile(out.resolve("prod-use1/index.html")));
    assertTrue(Files.isRegularFile(out.resolve("prod-use1/notes.txt")));
    assertTrue(Files.isRegularFile(out.resolve("CNAME")));
  }

  @Test
  void refusesAFolderItDidNotPublishUnlessForced() {
    Path out = tmp.resolve("docs");
    write(out.resolve("README.md"), "my own docs\n");
    write(out.resolve("index.html"), "<p>my own page</p>\n");
    SortedMap<String, byte[]> before = snapshot(out);

    Run refused = runwright("site", "--config", EXAMPLE.toString(), "--out", out.toString());
    assertEquals(ExitCode.OUTPUT, refused.code(), refused::describe);
    assertEquals("", refused.out());
    assertEquals(1, refused.errLines().size(), refused::describe);
    assertTrue(refused.err().contains(Publisher.MANIFEST), refused::describe);
    assertTrue(refused.err().contains("--force"), refused::describe);
    assertEquals(List.of(), differences(before, snapshot(out)), "the folder is unchanged");
    assertEquals(List.of(), leftovers(out));

    Run forced = buildSite(EXAMPLE, out, "--force");
    assertTrue(forced.out().contains(", kept 1 of your own files (README.md): "), forced::describe);
    assertEquals("my own docs\n", read(out.resolve("README.md")));
    assertTrue(
        read(out.resolve("index.html")).contains("Payments platform runbooks"),
        "a published file replaces the user's file of the same name, as --help says");
    assertTrue(Files.isRegularFile(out.resolve(Publisher.MANIFEST)));

    // Now that it holds a manifest, no --force is needed.
    buildSite(EXAMPLE, out);
  }

  @Test
  void badEntriesAreAllReportedAndThePublishedSiteIsUnchanged() {
    Path out = tmp.resolve("public");
    buildSite(EXAMPLE, out);
    write(out.resolve("CNAME"), "runbooks.example.internal\n");
    SortedMap<String, byte[]> before = snapshot(out);

    String entry =
        """
          - id: %s
            account: "111122223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
        """;
    String text =
        replaceOnce(read(EXAMPLE), "account: \"012345678901\"", "account: \"01234567890x\"")
            + entry.formatted("\"../x\"")
            + entry.formatted("Has Caps")
            + entry.formatted("a/b");
    Path bad = tmp.resolve("bad.yaml");
    write(bad, text);

    Run r = runwright("site", "--config", bad.toString(), "--out", out.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r::describe);
    assertEquals("", r.out(), r::describe);

    record Bad(String label, String field, String value, int at) {}
    List<Bad> expected =
        List.of(
            new Bad(
                "runbooks[3] (staging-use2)",
                "account",
                "\"01234567890x\"",
                text.indexOf("\"01234567890x\"")),
            new Bad("runbooks[7] (../x)", "id", "\"../x\"", text.indexOf("\"../x\"")),
            new Bad("runbooks[8] (Has Caps)", "id", "\"Has Caps\"", text.indexOf("Has Caps")),
            new Bad("runbooks[9] (a/b)", "id", "\"a/b\"", text.indexOf("a/b")));
    List<String> errors = r.errLines().stream().filter(l -> l.contains(": error: ")).toList();
    assertEquals(expected.size(), errors.size(), r::describe);
    for (Bad b : expected) {
      String where = bad + ":" + lineCol(text, b.at()) + ": error: ";
      List<String> hits = errors.stream().filter(l -> l.startsWith(where)).toList();
      assertEquals(1, hits.size(), "one line at " + where + "\n" + r.describe());
      String line = hits.get(0);
      assertTrue(line.contains(b.label() + ": " + b.field() + ": "), line);
      assertTrue(line.contains(b.value()), line);
    }
    assertTrue(
        r.err().contains("runwright: 4 errors in the input; nothing was written"), r::describe);

    assertEquals(List.of(), differences(before, snapshot(out)), "the published site is unchanged");
    assertEquals(List.of(), leftovers(out));
  }

  @Test
  void redactedSiteHoldsNoAccountId() {
    Path out = tmp.resolve("public");
    buildSite(EXAMPLE, out, "--redact-accounts");

    Pattern twelveDigits = Pattern.compile("(?<![0-9A-Za-z])[0-9]{12}(?![0-9A-Za-z])");
    List<String> leaks = new ArrayList<>();
    files(out)
        .forEach(
            (rel, bytes) -> {
              String text = new String(bytes, StandardCharsets.UTF_8);
              for (String account : EXAMPLE_ACCOUNTS) {
                if (text.contains(account) || rel.contains(account)) {
                  leaks.add(rel + ": " + account);
                }
              }
              Matcher m = twelveDigits.matcher(text);
              while (m.find()) {
                leaks.add(rel + ": " + m.group());
              }
            });
    assertEquals(List.of(), leaks);

    String index = read(out.resolve("index.html"));
    for (String account : EXAMPLE_ACCOUNTS) {
      String mask = "&lt;account-" + account.substring(8) + "&gt;";
      assertTrue(index.contains("<code>" + mask + "</code>"), mask + " in the index");
    }
    String md = read(out.resolve("staging-use2/s3/runbook.md"));
    assertTrue(md.contains("\naccount: \"<account-8901>\"\n"), "front matter");
    assertTrue(read(out.resolve("prod-use1/kms/policy.json")).contains(":<account-3333>:key/"));
  }

  @Test
  void derivedIdsAreUrlSafeAndUnique() {
    Path inv = tmp.resolve("derived.yaml");
    write(
        inv,
        """
        title: Derived ids
        runbooks:
          - account: "111122223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - account: "111122223333"
            region: us-east-1
            policyName: Kms.Policy+For@Team_A
            roleName: TeamARole
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - account: "012345678901"
            region: us-gov-west-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - account: "222233334444"
            region: eu-west-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
        """);

    Path plain = tmp.resolve("plain");
    buildSite(inv, plain);
    assertEquals(
        Set.of(
            "111122223333-us-east-1-amazonrdskmskey",
            "111122223333-us-east-1-kms-policy-for-team-a",
            "012345678901-us-gov-west-1-amazonrdskmskey",
            "222233334444-eu-west-1-amazonrdskmskey"),
        runbookFolders(plain));

    Path redacted = tmp.resolve("redacted");
    buildSite(inv, redacted, "--redact-accounts");
    Set<String> ids = runbookFolders(redacted);
    assertEquals(4, ids.size(), ids::toString);
    for (String id : ids) {
      assertTrue(SLUG.matcher(id).matches() && id.length() <= 100, id);
      assertTrue(id.startsWith("xxxxxxxx"), id + " shows the account");
      assertTrue(read(redacted.resolve("index.html")).contains("href=\"" + id + "/index.html\""));
    }
  }

  @Test
  void twoEntriesWithTheSameDerivedIdAreAnInputError() {
    Path inv = tmp.resolve("same.yaml");
    String text =
        """
        runbooks:
          - account: "111122223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - account: "111122223333"
            region: us-east-1
            keys: [0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0]
        """;
    write(inv, text);
    Path out = tmp.resolve("public");
    Run r = runwright("site", "--config", inv.toString(), "--out", out.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r::describe);
    assertTrue(
        r.err()
            .contains(
                inv
                    + ":"
                    + lineCol(text, text.lastIndexOf("account:"))
                    + ": error: runbooks[1]: has the id"
                    + " \"111122223333-us-east-1-amazonrdskmskey\", like runbooks[0]"),
        r::describe);
    assertFalse(Files.exists(out), "nothing was written");
  }

  @Test
  void badAndRepeatedIdsAreReportedWithTheEntriesOtherErrorsInOneRun() {
    Path inv = tmp.resolve("ids.yaml");
    write(
        inv,
        """
        runbooks:
          - id: Bad_ID
            account: "111122223333"
            region: us-east1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - id: dup
            account: "111122223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - id: dup
            account: "111122223333"
            region: us-east1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
        """);
    Path out = tmp.resolve("public");
    Run r = runwright("site", "--config", inv.toString(), "--out", out.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r::describe);
    List<String> lines = r.err().lines().toList();
    assertEquals(5, lines.size(), r::describe);
    assertTrue(lines.get(0).startsWith(inv + ":2:9: error: runbooks[0] (Bad_ID): id: \"Bad_ID\""));
    assertTrue(lines.get(1).startsWith(inv + ":4:13: error: runbooks[0] (Bad_ID): region:"));
    assertEquals(
        inv
            + ":10:5: error: runbooks[2] (dup): has the id \"dup\", like runbooks[1] (dup); give"
            + " one of them another id",
        lines.get(2));
    assertTrue(lines.get(3).startsWith(inv + ":12:13: error: runbooks[2] (dup): region:"));
    assertEquals("runwright: 4 errors in the input; nothing was written", lines.get(4));
    assertFalse(Files.exists(out), "nothing was written");
  }

  @Test
  void redactionKeepsDifferentAccountsApart() {
    Path inv = tmp.resolve("same-last-four.yaml");
    write(
        inv,
        """
        runbooks:
          - id: first
            account: "111122223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - id: second
            account: "999922223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
        """);
    Path out = tmp.resolve("public");
    buildSite(inv, out, "--redact-accounts");
    String index = read(out.resolve("index.html"));
    Matcher m =
        Pattern.compile("<h2>Account <code>([^<]+)</code> <small>([^<]+)</small>").matcher(index);
    List<String> headings = new ArrayList<>();
    while (m.find()) {
      headings.add(m.group(1) + " " + m.group(2));
    }
    assertEquals(
        List.of("&lt;account-3333&gt; 1 runbook", "&lt;account-3333-2&gt; 1 runbook"),
        headings,
        "two accounts that end alike get two placeholders");
  }

  @Test
  void redactedIdsHideAccountsInPolicyNamesAndStayApartWhenOnlyTheMaskIsAlike() {
    Path inv = tmp.resolve("redact-ids.yaml");
    write(
        inv,
        """
        runbooks:
          - account: "111122223333"
            region: us-east-1
            policyName: Pol111122223333
            description: Console shows 1111-2222-3333
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - account: "999922223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - account: "888822223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
        """);
    for (String kind : List.of("site", "wiki")) {
      Path out = tmp.resolve(kind);
      Run r =
          runwright(kind, "--config", inv.toString(), "--out", out.toString(), "--redact-accounts");
      assertEquals(ExitCode.OK, r.code(), r::describe);
      List<String> leaks = new ArrayList<>();
      files(out)
          .forEach(
              (rel, bytes) -> {
                String text = rel + "\n" + new String(bytes, StandardCharsets.UTF_8);
                for (String a : List.of("111122223333", "999922223333", "888822223333")) {
                  if (text.contains(a)
                      || text.contains(
                          a.substring(0, 4) + "-" + a.substring(4, 8) + "-" + a.substring(8))) {
                    leaks.add(rel + ": " + a);
                  }
                }
              });
      assertEquals(List.of(), leaks, kind);
      if (kind.equals("site")) {
        assertEquals(
            Set.of(
                "xxxxxxxx3333-us-east-1-polxxxxxxxx3333",
                "xxxxxxxx3333-us-east-1-amazonrdskmskey",
                "xxxxxxxx3333-us-east-1-amazonrdskmskey-2"),
            runbookFolders(out));
        String index = read(out.resolve("index.html"));
        for (String id : runbookFolders(out)) {
          assertTrue(index.contains("href=\"" + id + "/index.html\""), id);
        }
        assertTrue(index.contains("Console shows &lt;account-3333&gt;"), "grouped form masked");
      }
    }
  }

  @Test
  void aWikiCloneIsPublishedIntoOnlyWhenNothingInItIsUncommitted() throws Exception {
    Path clone = tmp.resolve("wiki-clone");
    Files.createDirectories(clone);
    git(clone, "init", "-q");
    write(clone.resolve("Home.md"), "# The wiki's own home\n");
    git(clone, "add", "Home.md");
    git(clone, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "x");

    write(clone.resolve("Home.md"), "# Edited, not committed\n");
    Run refused = runwright("wiki", "--config", EXAMPLE.toString(), "--out", clone.toString());
    assertEquals(ExitCode.OUTPUT, refused.code(), refused::describe);
    assertEquals(
        "error: --out "
            + clone
            + " is a git working tree with uncommitted changes (Home.md), which publishing could"
            + " overwrite; commit or stash them first, or add --force\n",
        refused.err());
    assertEquals("# Edited, not committed\n", read(clone.resolve("Home.md")));

    git(clone, "checkout", "-q", "--", "Home.md");
    // A page git ignores would be lost for good: it counts as uncommitted too.
    write(clone.resolve(".git/info/exclude"), "_Sidebar.md\nbuild/\n");
    write(clone.resolve("_Sidebar.md"), "my own sidebar\n");
    write(clone.resolve("build/out.txt"), "ignored, and not in the way\n");
    Run ignored = runwright("wiki", "--config", EXAMPLE.toString(), "--out", clone.toString());
    assertEquals(ExitCode.OUTPUT, ignored.code(), ignored::describe);
    assertTrue(ignored.err().contains("uncommitted changes (_Sidebar.md)"), ignored::describe);
    Files.delete(clone.resolve("_Sidebar.md"));

    Run ok = runwright("wiki", "--config", EXAMPLE.toString(), "--out", clone.toString());
    assertEquals(ExitCode.OK, ok.code(), ok::describe);
    String home = read(clone.resolve("Home.md"));
    assertTrue(
        home.contains(
            "| [Let Aurora MySQL cluster payments-prod load from S3](prod-use1) | `prod-use1` |"
                + " payments-prod · aurora-mysql · 1 bucket · 1 key | Daily S3 imports of the"
                + " payments cluster |"),
        "the wiki's home is ours, each runbook with its values and description: " + home);
  }

  @Test
  void aGitLabWikiGetsGitLabsHomeAndSidebarNamesByItsRemoteOrByFlag() throws Exception {
    Path clone = emptyClone("gitlab-wiki", "https://gitlab.example.com/payments/runbooks.wiki.git");
    Run r = runwright("wiki", "--config", EXAMPLE.toString(), "--out", clone.toString());
    assertEquals(ExitCode.OK, r.code(), r::describe);
    assertTrue(Files.exists(clone.resolve("home.md")), "GitLab's home page is home.md");
    assertTrue(Files.exists(clone.resolve("_sidebar.md")), "GitLab's sidebar is _sidebar.md");
    assertFalse(Files.exists(clone.resolve("Home.md")));
    assertTrue(
        read(clone.resolve("_sidebar.md")).startsWith("**[Payments platform runbooks](home)**"));
    Run check = runwright("check", "--config", EXAMPLE.toString(), "--out", clone.toString());
    assertEquals(ExitCode.OK, check.code(), check::describe);

    // --host github in the same folder: GitHub's names, and GitLab's (published before) go.
    Run github =
        runwright(
            "wiki", "--config", EXAMPLE.toString(), "--out", clone.toString(), "--host", "github");
    assertEquals(ExitCode.OK, github.code(), github::describe);
    assertTrue(Files.exists(clone.resolve("Home.md")));
    assertTrue(Files.exists(clone.resolve("_Sidebar.md")));
    assertFalse(Files.exists(clone.resolve("home.md")));
    assertTrue(
        read(clone.resolve("_Sidebar.md")).startsWith("**[Payments platform runbooks](Home)**"));
  }

  @Test
  void aGitHubWikiWhoseNameMentionsGitLabStaysAGitHubWiki() throws Exception {
    Path clone = emptyClone("github-wiki", "https://github.com/acme/gitlab-migration.wiki.git");
    assertEquals(WikiTarget.Host.GITHUB, WikiTarget.forFolder(clone).host());
    write(clone.resolve("home.md"), "# GitLab's home\n");
    assertEquals(WikiTarget.Host.GITLAB, WikiTarget.forFolder(clone).host());
    Files.delete(clone.resolve("home.md"));
    git(clone, "remote", "set-url", "origin", "git@gitlab.example.com:acme/app.wiki.git");
    assertEquals(WikiTarget.Host.GITLAB, WikiTarget.forFolder(clone).host());
    write(clone.resolve("Home.md"), "# GitHub's home\n");
    assertEquals(
        WikiTarget.Host.GITHUB, WikiTarget.forFolder(clone).host(), "the home page decides");
  }

  /** An empty git repository under tmp whose origin is {@code remote}. */
  private Path emptyClone(String name, String remote) throws Exception {
    Path clone = tmp.resolve(name);
    Files.createDirectories(clone);
    git(clone, "init", "-q");
    git(clone, "remote", "add", "origin", remote);
    return clone;
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
  }

  @Test
  void aBadDefaultIsReportedOnceNotOncePerRunbook() {
    Path inv = tmp.resolve("defaults.yaml");
    StringBuilder text =
        new StringBuilder("defaults:\n  account: \"1111\"\n  polcyName: X\nrunbooks:\n");
    for (int i = 0; i < 50; i++) {
      text.append("  - region: us-east-1\n    keys: [1234abcd-12ab-34cd-56ef-1234567890ab]\n");
    }
    write(inv, text.toString());
    Run r = runwright("site", "--config", inv.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r::describe);
    assertEquals(
        List.of(
            inv
                + ":2:12: error: account: \"1111\" has 4 digits; expected exactly 12 digits,"
                + " quoted in YAML when it starts with 0 (\"012345678901\") (shared by 50"
                + " runbooks)",
            inv
                + ":3:3: error: polcyName: unknown field; did you mean policyName? (fields:"
                + " engine, account, region, buckets, keys, access, clusterId, lambdaFunctions,"
                + " dbUser, database, parameterGroup, approvers, automationRoleName,"
                + " s3PolicyName, s3ImportPolicyName,"
                + " s3ExportPolicyName, roleName, s3ImportRoleName, s3ExportRoleName, policyName,"
                + " description, lambdaPolicyName, lambdaRoleName, auroraMysqlVersion) (shared by"
                + " 50 runbooks)",
            "runwright: 2 errors in the input; nothing was written"),
        r.err().lines().toList());
  }

  @Test
  void aUsersLinkWhereTheSiteHasAFolderIsNamedAndNothingChanges() throws java.io.IOException {
    Path out = tmp.resolve("public");
    buildSite(EXAMPLE, out);
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    try (var walk = Files.walk(out.resolve("prod-use1"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.createSymbolicLink(out.resolve("prod-use1"), elsewhere);
    var before = snapshot(out);
    Run r = runwright("site", "--config", EXAMPLE.toString(), "--out", out.toString());
    assertEquals(ExitCode.OUTPUT, r.code(), r::describe);
    assertEquals(
        "error: cannot publish "
            + out
            + ": "
            + out
            + "/prod-use1 is a symbolic link Runwright did not write, and the site has a folder"
            + " there; move it away (nothing was changed)\n",
        r.err());
    assertEquals(List.of(), differences(before, snapshot(out)));
    assertTrue(Files.isSymbolicLink(out.resolve("prod-use1")));
    assertEquals(List.of(), leftovers(out));
  }

  @Test
  void aRebuildKeepsUnchangedFilesAsTheyWereSoSyncToolsSeeNoChange() throws Exception {
    Path inv = tmp.resolve("inv.yaml");
    write(inv, read(EXAMPLE));
    Path out = tmp.resolve("public");
    buildSite(inv, out);
    Object policyBefore = Files.getAttribute(out.resolve("prod-use1/kms/policy.json"), "unix:ino");
    Object indexBefore = Files.getAttribute(out.resolve("index.html"), "unix:ino");

    write(inv, read(EXAMPLE).replace("Payments platform runbooks", "Renamed fleet"));
    buildSite(inv, out);
    assertEquals(
        policyBefore,
        Files.getAttribute(out.resolve("prod-use1/kms/policy.json"), "unix:ino"),
        "an unchanged file is the same file");
    assertFalse(
        indexBefore.equals(Files.getAttribute(out.resolve("index.html"), "unix:ino")),
        "a changed file is new");
    assertTrue(read(out.resolve("index.html")).contains("Renamed fleet"));
  }

  @Test
  void anEntryThatIsNotAMappingDoesNotHideTheProblemsOfTheOthers() {
    Path inv = tmp.resolve("mixed.yaml");
    write(
        inv,
        """
        runbooks:
          - 42
          - account: "1111"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
        """);
    Run r = runwright("site", "--config", inv.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r::describe);
    assertEquals(
        List.of(
            inv + ":2:5: error: runbooks[0]: is a single value; expected a mapping of settings",
            inv
                + ":3:14: error: runbooks[1]: account: \"1111\" has 4 digits; expected exactly 12"
                + " digits, quoted in YAML when it starts with 0 (\"012345678901\")",
            "runwright: 2 errors in the input; nothing was written"),
        r.err().lines().toList());
  }

  @Test
  void aPlaceholderLeftInARunbookIsNamedOnceWithItsRunbooks() {
    for (String kind : List.of("site", "wiki")) {
      Run r =
          runwright(kind, "--config", EXAMPLE.toString(), "--out", tmp.resolve(kind).toString());
      assertEquals(ExitCode.OK, r.code(), r::describe);
      assertEquals(
          List.of(
              "note: analytics-use1: clusterId is not set: the role and association runbooks use"
                  + " the placeholder <your-cluster-id>, and the trust policy is limited to the"
                  + " account only; give --cluster-id (or clusterId) to fill it in."),
          r.err().lines().toList(),
          kind);
    }
  }

  @Test
  void wikiPageNamesThatWouldClashAreAnInputError() {
    Path inv = tmp.resolve("clash.yaml");
    String text =
        """
        runbooks:
          - id: orders
            account: "111122223333"
            region: us-east-1
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
          - id: orders-role
            account: "111122223333"
            region: us-east-1
            policyName: Other
            keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
        """;
    write(inv, text);
    Path out = tmp.resolve("wiki");
    Run r = runwright("wiki", "--config", inv.toString(), "--out", out.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code(), r::describe);
    assertTrue(
        r.err()
            .contains(
                inv
                    + ":"
                    + lineCol(text, text.indexOf("orders-role"))
                    + ": error: runbooks[1] (orders-role)"),
        r::describe);
    assertFalse(Files.exists(out));
  }

  private static Map<String, Object> frontMatter(String md) throws Exception {
    assertTrue(md.startsWith("---\n"), "front matter first");
    int end = md.indexOf("\n---\n", 4);
    assertTrue(end > 0, "front matter is closed");
    @SuppressWarnings("unchecked")
    Map<String, Object> fm = YAML.readValue(md.substring(4, end + 1), Map.class);
    return fm;
  }

  private static Set<String> runbookFolders(Path site) {
    Set<String> out = new TreeSet<>();
    for (String f : files(site).keySet()) {
      if (f.endsWith("/policy.json")) {
        out.add(f.substring(0, f.indexOf('/')));
      }
    }
    return out;
  }
}
