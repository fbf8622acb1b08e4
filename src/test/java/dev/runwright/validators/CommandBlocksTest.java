package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell command block of every Markdown page Runwright writes for the examples, as an
 * operator would paste it: shellcheck finds nothing (no check excluded), and the block runs under
 * {@code sh} and under {@code zsh} with a stub {@code aws}, exits 0 in both, hands {@code aws} the
 * same arguments in both, and those arguments hold no glob character the shell left unexpanded and
 * no placeholder except a {@code <your-...>} one the page's "Placeholder" note explains (or the
 * {@code <account-3333>} of {@code --redact-accounts}). Blocks with the same text on pages with the
 * same placeholders are checked once, named by the first place they appear.
 */
class CommandBlocksTest {
  private static final String SHELLCHECK = "shellcheck";
  private static final String SHELLS = "shells";

  /** Glob characters; the JMESPath of a {@code --query} holds them on purpose, quoted. */
  private static final Pattern GLOB = Pattern.compile("[*?\\[]");

  private static final Pattern BRACKETED = Pattern.compile("<[^<>]*>|[<>]");
  private static final Pattern PLACEHOLDER = Pattern.compile("<your-[a-z0-9-]+>");

  /** What --redact-accounts writes for an account: a placeholder no page note needs to explain. */
  private static final Pattern REDACTED = Pattern.compile("<account-[0-9]{4}(-[0-9]+)?>");

  @TempDir static Path stubDir;

  /** One distinct block: its text, language, the placeholders it may use, where it appears. */
  record Distinct(String code, String language, Set<String> placeholders, List<String> where) {
    String name() {
      return where.get(0) + (where.size() > 1 ? " (and " + (where.size() - 1) + " more)" : "");
    }
  }

  @Test
  void everyMarkdownKindHasCommandBlocks() {
    Map<String, Long> perPage =
        blocks().stream()
            .flatMap(d -> d.where().stream())
            .collect(Collectors.groupingBy(w -> w.replaceAll(":\\d+$", ""), Collectors.counting()));
    for (String page :
        List.of(
            "site/prod-use1/kms/runbook.md",
            "site/prod-use1/role/runbook.md",
            "site/prod-use1/associate/runbook.md",
            "wiki/prod-use1-kms.md",
            "wiki/prod-use1-role.md",
            "wiki/prod-use1-associate.md",
            "redacted-site/prod-use1/kms/runbook.md",
            "generate/kms/runbook.md",
            "generate/associate/runbook.md")) {
      assertTrue(perPage.getOrDefault(page, 0L) > 0, () -> page + " has no command block");
    }
  }

  @Test
  void theArgumentRulesCatchGlobsBracketsAndUnexplainedPlaceholders() {
    List<List<String>> calls =
        List.of(
            List.of("rds", "describe-db-clusters", "--query", "DBClusters[0].Members[?W]"),
            List.of("iam", "get-policy", "--policy-arn", "arn:aws:iam::********3333:policy/P"),
            List.of("rds", "modify-db-cluster", "--db-cluster-identifier", "<your-cluster-id>"),
            List.of("rds", "modify-db-cluster", "--name", "<your-parameter-group>"),
            List.of("rds", "modify-db-cluster", "--name", "<account-33>", "<account-3333>", "a>b"));
    assertEquals(
        List.of(
            "aws call 2 (iam get-policy) gets an unexpanded glob character in"
                + " \"arn:aws:iam::********3333:policy/P\"",
            "aws call 4 (rds modify-db-cluster) gets the placeholder <your-parameter-group>, which"
                + " the page's note does not explain",
            "aws call 5 (rds modify-db-cluster) gets a bracket that is not a placeholder in"
                + " \"<account-33>\"",
            "aws call 5 (rds modify-db-cluster) gets a bracket that is not a placeholder in \"a>b\""),
        argumentProblems(calls, Set.of("<your-cluster-id>")));
    assertEquals(List.of(), commentProblems("aws s3 ls 's3://b/#x'\n"));
    assertEquals(1, commentProblems("# list the bucket\naws s3 ls\n").size());
  }

  @TestFactory
  Stream<DynamicTest> shellcheckFindsNothing() {
    return Tool.whenPresent(CommandBlocksTest::shellcheckFindsNothingTests, Validators.SHELLCHECK);
  }

  private static Stream<DynamicTest> shellcheckFindsNothingTests() {
    List<Distinct> blocks = blocks();
    Map<String, List<Finding>> byBlock = new LinkedHashMap<>();
    for (String dialect : List.of("sh", "bash")) {
      Map<String, String> scripts = new LinkedHashMap<>();
      for (Distinct d : blocks) {
        if (dialect.equals(d.language().equals("bash") ? "bash" : "sh")) {
          scripts.put(d.name(), d.code());
        }
      }
      if (!scripts.isEmpty()) {
        for (Finding f : Validators.shellcheck(dialect, scripts)) {
          byBlock.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
      }
    }
    return blocks.stream()
        .map(
            d ->
                DynamicTest.dynamicTest(
                    d.name(),
                    () ->
                        KnownDefects.check(
                            SHELLCHECK,
                            d.name(),
                            byBlock.getOrDefault(d.name(), List.of()).stream()
                                .map(f -> "line " + f.line() + ": " + f.message())
                                .toList())));
  }

  @TestFactory
  Stream<DynamicTest> eachBlockRunsTheSameUnderShAndZsh() {
    return Tool.whenPresent(
        CommandBlocksTest::eachBlockRunsTheSameUnderShAndZshTests, Shells.SH, Shells.ZSH);
  }

  private static Stream<DynamicTest> eachBlockRunsTheSameUnderShAndZshTests() {
    Path stub = Shells.stubAws(stubDir);
    return blocks().stream()
        .map(
            d ->
                DynamicTest.dynamicTest(
                    d.name(), () -> KnownDefects.check(SHELLS, d.name(), runProblems(d, stub))));
  }

  @AfterAll
  static void everyKnownDefectWasSeen() {
    KnownDefects.assertEachSeen(SHELLCHECK);
    KnownDefects.assertEachSeen(SHELLS);
  }

  private static List<String> runProblems(Distinct d, Path stub) {
    Shells.ShellRun sh = Shells.runUnder("sh", d.code(), stub);
    Shells.ShellRun zsh = Shells.runUnder("zsh", d.code(), stub);
    List<String> problems = new ArrayList<>();
    for (Shells.ShellRun run : List.of(sh, zsh)) {
      if (run.exit() != 0) {
        problems.add(run.shell() + " exits " + run.exit() + ": " + run.err().strip());
      }
    }
    if (sh.exit() == 0 && zsh.exit() == 0 && !sh.awsCalls().equals(zsh.awsCalls())) {
      problems.add(
          "aws gets other arguments under zsh: " + zsh.awsCalls() + " vs " + sh.awsCalls());
    }
    problems.addAll(argumentProblems(sh.awsCalls(), d.placeholders()));
    problems.addAll(commentProblems(d.code()));
    return problems;
  }

  /** Each {@code #} comment line: zsh at a prompt runs it (interactive_comments is off). */
  static List<String> commentProblems(String code) {
    List<String> problems = new ArrayList<>();
    List<String> lines = code.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("#")) {
        problems.add(
            "line "
                + (i + 1)
                + " is a comment, which zsh typed or pasted at a prompt runs as a command"
                + " (interactive_comments is off by default)");
      }
    }
    return problems;
  }

  /** What is wrong in the arguments aws was given, one line each. */
  static List<String> argumentProblems(List<List<String>> calls, Set<String> explained) {
    List<String> problems = new ArrayList<>();
    for (int c = 0; c < calls.size(); c++) {
      List<String> args = calls.get(c);
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        String where =
            "aws call "
                + (c + 1)
                + " ("
                + String.join(" ", args.subList(0, Math.min(2, args.size())))
                + ")";
        boolean query = i > 0 && args.get(i - 1).equals("--query");
        if (!query && GLOB.matcher(arg).find()) {
          problems.add(where + " gets an unexpanded glob character in \"" + arg + "\"");
        }
        Matcher m = BRACKETED.matcher(arg);
        while (m.find()) {
          String p = m.group();
          if (REDACTED.matcher(p).matches()) {
            continue; // quoted as one word, which the shells' identical arguments show
          }
          if (!PLACEHOLDER.matcher(p).matches()) {
            problems.add(where + " gets a bracket that is not a placeholder in \"" + arg + "\"");
          } else if (!explained.contains(p)) {
            problems.add(
                where + " gets the placeholder " + p + ", which the page's note does not explain");
          }
        }
      }
    }
    return problems.stream().distinct().toList();
  }

  /** The distinct command blocks of every Markdown page of every output, built once. */
  private static List<Distinct> blocks() {
    return Holder.BLOCKS;
  }

  private static final class Holder {
    static final List<Distinct> BLOCKS = collect();

    private static List<Distinct> collect() {
      record Key(String code, String language, Set<String> placeholders) {}
      Map<Key, List<String>> seen = new LinkedHashMap<>();
      for (Path md : GeneratedOutput.files(null, ".md")) {
        CommandBlocks.Page page = CommandBlocks.read(md, GeneratedOutput.label(md));
        for (CommandBlocks.Block b : page.blocks()) {
          seen.computeIfAbsent(
                  new Key(b.code(), b.language(), page.explainedPlaceholders()),
                  k -> new ArrayList<>())
              .add(b.where());
        }
      }
      return seen.entrySet().stream()
          .map(
              e ->
                  new Distinct(
                      e.getKey().code(),
                      e.getKey().language(),
                      e.getKey().placeholders(),
                      List.copyOf(e.getValue())))
          .toList();
    }
  }
}
