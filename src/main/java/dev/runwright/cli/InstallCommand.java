package dev.runwright.cli;

import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runwright install}: puts {@code runwright} on the user's {@code PATH} as a symbolic link
 * to this checkout's {@code bin/runwright}, with bash completion, so that a new user types the
 * command every help text and message names. The link follows the checkout: a rebuild needs no
 * reinstall.
 */
@Command(
    name = "install",
    addMethodSubcommands = false,
    header = "Put runwright on your PATH, with shell completion.",
    mixinStandardHelpOptions = true,
    description = {
      "Links PREFIX/bin/runwright to this checkout's bin/runwright (the link follows the"
          + " checkout, so rebuilding with mvn package needs no reinstall) and writes bash"
          + " completion to PREFIX/share/bash-completion/completions/runwright, where"
          + " bash-completion finds it. Says how to add PREFIX/bin to PATH when it is not there,"
          + " and how to turn on zsh completion."
    },
    footer = {
      "",
      "Examples:",
      "  bin/runwright install                      # ~/.local/bin/runwright",
      "  sudo bin/runwright install --prefix /usr/local"
    })
final class InstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--prefix",
      paramLabel = "DIR",
      description = "Where to install (default: ~/.local): DIR/bin and DIR/share.")
  Path prefix;

  @Option(
      names = "--force",
      description = "Replace a PREFIX/bin/runwright that is not a link to this checkout.")
  boolean force;

  /** The launcher to link to; bin/runwright passes itself as the system property. */
  @Option(names = "--launcher", hidden = true, paramLabel = "FILE")
  Path launcher;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path target = launcher != null ? launcher : findLauncher();
    // $HOME as the shell sees it; Java's user.home is the password file's, which can differ.
    String env = System.getenv("HOME");
    Path home = Path.of(env != null && !env.isEmpty() ? env : System.getProperty("user.home"));
    Path dir = (prefix != null ? prefix : home.resolve(".local")).toAbsolutePath().normalize();
    Path link = dir.resolve("bin").resolve("runwright");
    Path completion = dir.resolve("share/bash-completion/completions/runwright");
    try {
      link(link, target.toAbsolutePath().normalize());
      out.println("linked " + link + " -> " + target.toAbsolutePath().normalize());
      writeAtomically(
          completion,
          CompletionCommand.script(spec.root().commandLine(), CompletionCommand.Shell.bash));
      out.println("wrote " + completion + " (bash completion; new shells load it)");
    } catch (IOException e) {
      throw new OutputException("cannot install into " + dir + ": " + OutputFiles.describe(e), e);
    }
    out.println("zsh: add this line to ~/.zshrc: source <(runwright completion zsh)");
    if (!onPath(link.getParent(), System.getenv("PATH"))) {
      String shown =
          link.getParent().startsWith(home)
              ? "$HOME/" + home.relativize(link.getParent())
              : link.getParent().toString();
      err.println(
          "note: "
              + link.getParent()
              + " is not on your PATH; add this line to ~/.profile (or ~/.zprofile) and open a"
              + " new shell: export PATH=\""
              + shown
              + ":$PATH\"");
    }
    return ExitCode.OK;
  }

  /**
   * Makes {@code link} a symbolic link to {@code target}. Running install again is fine; a file
   * that is not such a link is replaced only with {@code --force}, since it may be another tool.
   */
  private void link(Path link, Path target) throws IOException {
    Files.createDirectories(link.getParent());
    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      boolean ours =
          Files.isSymbolicLink(link)
              && link.getParent().resolve(Files.readSymbolicLink(link)).normalize().equals(target);
      if (ours) {
        return;
      }
      if (!force) {
        throw new OutputException(
            link
                + " already exists and is not a link to "
                + target
                + "; remove it, choose another --prefix, or add --force to replace it");
      }
    }
    Path temp = link.resolveSibling(".runwright-link-" + ProcessHandle.current().pid());
    Files.deleteIfExists(temp);
    Files.createSymbolicLink(temp, target);
    Files.move(temp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = OutputFiles.tempBeside(file);
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Whether {@code dir} is one of {@code path}'s folders. */
  static boolean onPath(Path dir, String path) {
    if (path == null) {
      return false;
    }
    for (String entry : path.split(File.pathSeparator)) {
      try {
        if (!entry.isEmpty() && Path.of(entry).toAbsolutePath().normalize().equals(dir)) {
          return true;
        }
      } catch (java.nio.file.InvalidPathException e) {
        // not a folder name: not this folder
      }
    }
    return false;
  }

  /**
   * The launcher: what bin/runwright passes as {@code runwright.launcher}, else the bin/runwright
   * beside the jar's folder ({@code java -jar target/runwright.jar install}).
   */
  private static Path findLauncher() {
    String given = System.getProperty("runwright.launcher");
    if (given != null && !given.isEmpty()) {
      return Path.of(given);
    }
    try {
      Path jar =
          Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = jar.toAbsolutePath().getParent().resolveSibling("bin").resolve("runwright");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no code source (a test, say): reported below
    }
    throw new OutputException(
        "cannot tell where bin/runwright is; run install through it: bin/runwright install");
  }
}
