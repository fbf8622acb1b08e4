package dev.runwright.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runwright completion bash|zsh}: a shell completion script from picocli. */
@Command(
    name = "completion",
    addMethodSubcommands = false,
    header = "Print a bash or zsh completion script.",
    mixinStandardHelpOptions = true,
    description = "Prints a completion script for bash or zsh.",
    footer = {
      "",
      "Examples:",
      "  source <(runwright completion bash)     # in ~/.bashrc",
      "  source <(runwright completion zsh)      # in ~/.zshrc"
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The shells picocli's script supports. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(script(spec.root().commandLine(), shell));
    return ExitCode.OK;
  }

  /** The completion script of {@code root}, which must hold every subcommand, for {@code shell}. */
  static String script(CommandLine root, Shell shell) {
    String script = AutoComplete.bash("runwright", root);
    if (shell == Shell.zsh) {
      script =
          "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
              + script;
    }
    return script;
  }
}
