package dev.runwright.hostile;

import static dev.runwright.hostile.Partitions.partitionOf;
import static dev.runwright.hostile.Rendering.NEUTRAL;
import static dev.runwright.hostile.Rendering.render;
import static dev.runwright.hostile.RunChecks.expectedArns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.hostile.Rendering.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the sh blocks of a runbook may hold: each value as exactly one word. */
final class ShellChecks {
  private ShellChecks() {}

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
          // The flags above are the aws CLI's; in another command (terraform import ADDRESS ID)
          // a word like --region can be a value the input gave (a role name may start with -).
          String want = aws ? expected.get(flag) : null;
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
}
