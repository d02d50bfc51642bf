package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import org.junit.jupiter.api.Test;

/** A command that only holds subcommands, run alone: exit 2 and a line naming a subcommand to try. */
class ParentCommandTest {
  @Test
  void eachParentCommandNamesItsFirstSubcommandAndItsArgument() {
    assertMissing(docgate(), "missing command (try: docgate scan <path>)");
    assertMissing(docgate("terms"), "missing command (try: docgate terms import GLOSSARY.md)");
    assertMissing(docgate("manifest"), "missing command (try: docgate manifest import FILE.md|DIR)");
  }

  private static void assertMissing(Cli.Run run, String line) {
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("docgate: " + line + System.lineSeparator());
  }
}
