package org.docgate.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code docgate completion bash}: the completion script picocli generates from the command model, so it knows every
 * command and option as they are, with no hand-kept list. Bash, and zsh through {@code bashcompinit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for docgate.",
        "bash: source <(docgate completion bash)   zsh: autoload -U +X bashcompinit && bashcompinit && "
            + "source <(docgate completion bash)"})
final class CompletionCommand implements Callable<Integer> {
  enum Shell { bash }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<shell>", description = "bash (zsh loads it with bashcompinit).")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
    spec.commandLine().getOut().flush();
    return DocgateCommand.EXIT_OK;
  }
}
