package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The options every scanning command shares are one declaration (a mixin), so they cannot drift apart. */
class SharedOptionsTest {
  static final List<String> SCANNING = List.of("scan", "fix", "serve", "pr", "readiness");
  static final List<String> SHARED = List.of("--config", "--rules", "--renderer", "--routes", "--only", "--offline",
      "--verbose");

  @Test
  void everyScanningCommandHasTheSharedOptionsWithOneDescription() {
    CommandLine root = new CommandLine(new DocgateCommand());
    for (String name : SHARED) {
      OptionSpec scan = root.getSubcommands().get("scan").getCommandSpec().findOption(name);
      assertThat(scan).as(name).isNotNull();
      for (String command : SCANNING) {
        OptionSpec other = root.getSubcommands().get(command).getCommandSpec().findOption(name);
        assertThat(other).as(command + " " + name).isNotNull();
        assertThat(other.description()).as(command + " " + name).isEqualTo(scan.description());
      }
    }
  }

  @Test
  void theOutputOptionHasOneDescriptionWhereverACommandWritesAFile() {
    CommandLine root = new CommandLine(new DocgateCommand());
    String scan = root.getSubcommands().get("scan").getCommandSpec().findOption("--output").description()[0];
    for (CommandLine command : List.of(root.getSubcommands().get("pr"),
        root.getSubcommands().get("terms").getSubcommands().get("import"),
        root.getSubcommands().get("manifest").getSubcommands().get("import"))) {
      OptionSpec output = command.getCommandSpec().findOption("-o");
      assertThat(output.description()).as(command.getCommandName()).containsExactly(scan);
    }
  }

  @Test
  void anOptionSeveralCommandsTakeIsOneDeclarationWithOneDescription() {
    CommandLine root = new CommandLine(new DocgateCommand());
    assertOneDescription(root, "--rules", "scan", "explain", "manifest import");
    assertOneDescription(root, "--config", "scan", "explain");
    assertOneDescription(root, "--verbose", "scan", "explain", "manifest import");
    assertOneDescription(root, "--db", "serve", "fleet worker", "fleet schedule", "fleet status");
    assertOneDescription(root, "--help-base", "scan", "pr");
    assertThat(root.getSubcommands().get("pr").getCommandSpec().findOption("--help-base").defaultValue())
        .isEqualTo(root.getSubcommands().get("scan").getCommandSpec().findOption("--help-base").defaultValue());
  }

  private static void assertOneDescription(CommandLine root, String option, String... commands) {
    OptionSpec first = null;
    for (String path : commands) {
      CommandLine command = root;
      for (String name : path.split(" ")) {
        command = command.getSubcommands().get(name);
      }
      OptionSpec spec = command.getCommandSpec().findOption(option);
      assertThat(spec).as(path + " " + option).isNotNull();
      if (first == null) {
        first = spec;
      }
      assertThat(spec.description()).as(path + " " + option).isEqualTo(first.description());
    }
  }

  @Test
  void theHelpOfOnlyListsTheDeclaredValidators() {
    assertThat(docgate("scan", "--help").out().replaceAll("\\s+", " "))
        .contains("Run only these validators: links, versions, completeness, weblinks, terms, snippets.");
  }

  @Test
  void anUnknownOptionOfASharedSetIsStillTheShortError() {
    Cli.Run run = docgate("readiness", ".", "--onyl", "links");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines().count()).isEqualTo(2);
    assertThat(run.err()).contains("did you mean").contains("--only").contains("see docgate readiness --help");
  }
}
