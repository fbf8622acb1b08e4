package dev.runwright.cli;

import dev.runwright.core.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command: global options and the list of subcommands. */
@Command(
    name = "runwright",
    addMethodSubcommands = false,
    mixinStandardHelpOptions = true,
    versionProvider = RunwrightCommand.VersionProvider.class,
    description = {
      "Turns a small YAML file or a few flags into a valid IAM policy and runbooks people can"
          + " follow: the KMS policy Aurora MySQL needs, the role, and the cluster association."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 findings (check, lint), 2 usage, 3 invalid input, 4 template error,"
          + " 5 cannot write output, 70 internal error, 130 interrupted (Ctrl-C), 143 terminated"
          + " (SIGTERM). With --strict a warning fails too: exit 3 (generate, validate, check,"
          + " site, wiki; nothing is written) or 1 (lint).",
      "Example: runwright generate --account 111122223333 --region us-east-1 --key"
          + " 1234abcd-12ab-34cd-56ef-1234567890ab --out out",
      "Not on your PATH yet? Run it as bin/runwright from the checkout, or put it there with"
          + " bin/runwright install [--prefix DIR] (a link in ~/.local/bin, and bash completion)."
    })
public final class RunwrightCommand implements Runnable {

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show more detail, and a stack trace when something fails.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print only warnings and errors.")
  boolean quiet;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints the version from the build. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"runwright " + Version.get()};
    }
  }
}
