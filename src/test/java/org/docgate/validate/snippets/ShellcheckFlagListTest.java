package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.docgate.config.DeclaredRules;
import org.junit.jupiter.api.Test;

/** SC2215 on a list of flags (docs style) versus on a flag that really runs as a command (second blind round). */
class ShellcheckFlagListTest {
  private static final DeclaredRules RULES = DeclaredRules.of("snippets");

  @Test
  void flagsListedOnePerLineAreAListNotCommands() {
    String list = "--horizontal-pod-autoscaler-use-rest-clients=true\n--master=http://API_SERVER_ADDRESS:8080\n";
    assertThat(ShellcheckChecker.flagList(list, 1)).isTrue();
    assertThat(ShellcheckChecker.flagList(list, 2)).isTrue();
    assertThat(ShellcheckChecker.flagList("# kube-apiserver\n\n--feature-gates=A=true\n", 3)).isTrue();
  }

  @Test
  void aFlagAfterACommandOrABrokenContinuationRunsAsACommand() {
    assertThat(ShellcheckChecker.flagList("podman run -d\n  --read-only\n", 2)).isFalse();
    assertThat(ShellcheckChecker.flagList("podman run -d \\\n  --read-only \\   # 只读根\n  --cap-drop=ALL \\\n", 3))
        .isFalse();
  }

  @Test
  void aGlobInAListedFlagIsNoGlobUsedAsACommand() {
    String list = "--controllers=*,tokencleaner\n--other=1\n";
    assertThat(ShellcheckChecker.flagList(new Hint(RULES.rule("snippets/shellcheck"), 1, 1,
        "shellcheck SC2211 (warning): This is a glob used as a command name."), list)).isTrue();
    assertThat(ShellcheckChecker.flagList(new Hint(RULES.rule("snippets/shellcheck"), 2, 1,
        "shellcheck SC2211 (warning): This is a glob used as a command name."), "ls\n*.txt\n")).isFalse();
    assertThat(ShellcheckChecker.flagList(new Hint(RULES.rule("snippets/shellcheck"), 1, 1,
        "shellcheck SC2086 (info): Double quote to prevent globbing."), list)).isFalse();
  }
}
