package dev.runwright.validators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a command block the way an operator's shell would, with a stub {@code aws} on {@code PATH}
 * that records every call instead of reaching AWS. {@code sh} is Debian's dash (POSIX, as macOS's
 * and most CI images' {@code /bin/sh} is meant to be used); {@code zsh} is macOS's default shell,
 * which stops on an unquoted glob that matches nothing. Both run with {@code -e -u}, so a failing
 * line or an unset variable fails the block.
 */
public final class Shells {
  private Shells() {}

  public static final Tool SH = Tool.onPath("sh", "apt-get install dash");
  public static final Tool ZSH = Tool.onPath("zsh", "apt-get install zsh");

  /** What the writer-lookup line of a block captures from the stub (`writer=$(aws rds ...)`). */
  public static final String STUB_WRITER = "stub-writer-instance-1";

  /**
   * The stub: appends its argument count and arguments, each ended by a NUL byte (an argument may
   * hold a newline), to $AWS_STUB_LOG, and prints what a later line of a block reads.
   */
  private static final String STUB =
      """
      #!/bin/sh
      # Stub aws for Runwright's validator tests: records the call, never reaches AWS.
      printf '%s\\0' "$#" "$@" >> "${AWS_STUB_LOG:?}"
      case " $* " in
        *" describe-db-clusters "*DBInstanceIdentifier*) echo WRITER ;;
      esac
      """
          .replace("WRITER", STUB_WRITER);

  /** One run of a block: its exit code, output and the stub's recorded calls (argv after aws). */
  public record ShellRun(
      String shell, int exit, String out, String err, List<List<String>> awsCalls) {
    public String describe() {
      return shell + " exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /**
   * The database clients a runbook's block may end with (connecting to the cluster it just looked
   * up), and terraform (the Terraform forms' init, plan, apply, import): stubs that do nothing,
   * since a test has no database or AWS to reach.
   */
  private static final List<String> CLIENTS = List.of("psql", "mysql", "terraform");

  /**
   * Writes the stub {@code aws}, and the stub database clients, into {@code dir} (created if
   * needed) and returns {@code dir}.
   */
  public static Path stubAws(Path dir) {
    try {
      Files.createDirectories(dir);
      Path aws = dir.resolve("aws");
      Files.writeString(aws, STUB, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (String client : CLIENTS) {
        Path stub = dir.resolve(client);
        Files.writeString(stub, "#!/bin/sh\nexit 0\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code script} under {@code shell} ("sh" or "zsh") in an empty scratch folder, with only
   * {@code stubAwsDir}, /usr/bin and /bin on {@code PATH} and the scratch folder as {@code HOME}.
   */
  public static ShellRun runUnder(String shell, String script, Path stubAwsDir) {
    Tool tool =
        switch (shell) {
          case "sh" -> SH;
          case "zsh" -> ZSH;
          default -> throw new IllegalArgumentException("shell: " + shell + "; expected sh or zsh");
        };
    Path dir = Validators.tempDir("rw-shell-");
    try {
      Path file = dir.resolve("block.sh");
      Path log = dir.resolve("aws-calls");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      Files.createFile(log);
      Path work = Files.createDirectory(dir.resolve("work"));
      List<String> args =
          shell.equals("zsh")
              ? List.of("-f", "-eu", file.toString())
              : List.of("-eu", file.toString());
      Map<String, String> env =
          Map.of(
              "PATH",
              stubAwsDir.toAbsolutePath() + ":/usr/bin:/bin",
              "HOME",
              work.toString(),
              "AWS_STUB_LOG",
              log.toString(),
              "LC_ALL",
              "C.UTF-8");
      Tool.Run run = tool.run(args, work, env, null, Duration.ofSeconds(30));
      // Messages name the script by its scratch path; "block" keeps them the same from run to run.
      String err = run.err().replace(file.toString(), "block");
      return new ShellRun(shell, run.exit(), run.out(), err, calls(Files.readAllBytes(log)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Validators.deleteTree(dir);
    }
  }

  /** The stub's log read back: count, then that many arguments, each ended by NUL. */
  public static List<List<String>> calls(byte[] log) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < log.length; i++) {
      if (log[i] == 0) {
        fields.add(new String(Arrays.copyOfRange(log, start, i), StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    List<List<String>> calls = new ArrayList<>();
    for (int i = 0; i < fields.size(); ) {
      int n = Integer.parseInt(fields.get(i));
      calls.add(List.copyOf(fields.subList(i + 1, i + 1 + n)));
      i += n + 1;
    }
    return calls;
  }
}
