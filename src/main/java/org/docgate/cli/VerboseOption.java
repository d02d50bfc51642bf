package org.docgate.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v/--verbose}, a mixin of the commands whose fatal errors may need their stack trace. {@link DocgateCommand}
 * asks the parse result for it by name, on the command that failed.
 */
final class VerboseOption {
  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of fatal errors.")
  boolean verbose;
}
