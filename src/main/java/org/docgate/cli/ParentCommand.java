package org.docgate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that only holds subcommands ({@code docgate}, {@code manifest}, {@code terms}): run alone it is a usage
 * error that names its first subcommand and that one's first argument, e.g. "try: docgate terms import GLOSSARY.md".
 */
abstract class ParentCommand implements Runnable {
  @CommandLine.Spec CommandSpec spec;

  @Override
  public void run() {
    CommandSpec first = spec.subcommands().values().iterator().next().getCommandSpec();
    String argument = first.positionalParameters().isEmpty() ? ""
        : " " + first.positionalParameters().get(0).paramLabel();
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing command (try: " + first.qualifiedName() + argument + ")");
  }
}
