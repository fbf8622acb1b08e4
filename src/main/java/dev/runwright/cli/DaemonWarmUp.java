package dev.runwright.cli;

import dev.runwright.daemon.Daemon;
import dev.runwright.serve.Preview;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a daemon does between its first answers when the first was a {@code generate}: the same
 * command on made-up values, a few times over, into a private temporary folder, with its output
 * thrown away, so that its code is compiled before the user's next {@code generate} (a daemon's
 * second to tenth answers took two to five times a warm one's). Aurora MySQL and PostgreSQL, the
 * whole procedure with every form, and step 1 alone, as users run them; the second and later runs
 * into a folder find their files unchanged, as a user's repeated run does. It stops after {@link
 * #ROUNDS} rounds and removes its folder (and on exit, if stopped sooner).
 */
final class DaemonWarmUp implements Daemon.WarmUp {
  /** Runs of each of the command lines: enough for C1 to compile what a generate runs. */
  static final int ROUNDS = 5;

  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("--cluster-id", "warm-up-mysql", "--key", "1234abcd-12ab-34cd-56ef-1234567890ab"),
          List.of("--cluster-id", "warm-up-postgresql", "--engine", "aurora-postgresql"),
          List.of("--cluster-id", "warm-up-step", "--no-follow-ups", "--forms", "none"));

  private final int runs;
  private final boolean wanted;
  private Path folder;
  private int done;

  /** A warm-up for a daemon whose first request was {@code firstArgs}. */
  DaemonWarmUp(String... firstArgs) {
    this(ROUNDS, firstArgs);
  }

  /** A warm-up of {@code rounds} runs of each command line (for tests). */
  DaemonWarmUp(int rounds, String... firstArgs) {
    this.runs = rounds * COMMANDS.size();
    this.wanted = List.of(firstArgs).contains("generate");
  }

  @Override
  public boolean step() {
    if (!wanted) {
      return false;
    }
    if (done == runs) {
      remove();
      return false;
    }
    if (folder == null) {
      folder = make();
    }
    int which = done % COMMANDS.size();
    List<String> args = new ArrayList<>(List.of("generate", "-q", "--account", "111122223333"));
    args.addAll(List.of("--region", "us-east-1", "--bucket", "s3://warm-up-imports/daily/"));
    args.addAll(List.of("--out", folder.resolve(Integer.toString(which)).toString()));
    args.addAll(COMMANDS.get(which));
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    Main.run(none, none, args.toArray(new String[0]));
    done++;
    return true;
  }

  /** How many runs it has done (for tests). */
  int done() {
    return done;
  }

  /** Its temporary folder, once made (for tests). */
  Path folder() {
    return folder;
  }

  private Path make() {
    try {
      Path f = Files.createTempDirectory("runwright-warm-up-");
      Runtime.getRuntime().addShutdownHook(new Thread(this::remove, "runwright-warm-up-exit"));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void remove() {
    if (folder != null) {
      Preview.deleteTree(folder);
    }
  }
}
