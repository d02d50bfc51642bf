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

  /** linux-command's groupmems page: an options list in a ```bash fence (round 27, SC2288 judged WRONG). */
  @Test
  void anOptionListsCommaIsNoCommandNameEndingInAComma() {
    String options = "-a, --add user_name # 将用户添加到组成员列表。\n\n-d, --delete user_name\n# 从组成员列表中删除用户。\n";
    Hint comma = new Hint(RULES.rule("snippets/shellcheck"), 3, 1,
        "shellcheck SC2288 (warning): This is interpreted as a command name ending with ','. Double check syntax.");
    assertThat(ShellcheckChecker.shown(comma, options)).isFalse();
    assertThat(ShellcheckChecker.shown(new Hint(RULES.rule("snippets/shellcheck"), 2, 1,
        "shellcheck SC2288 (warning): This is interpreted as a command name ending with ','. Double check syntax."),
        "cd /tmp\nls, -l\n")).isTrue();
  }

  /** linux-command's echo page: one argument over several lines, "A"\ then "B" (round 27, SC2140 judged WRONG). */
  @Test
  void quotedStringsJoinedByABackslashNewlineAreOneArgumentAsMeant() {
    String colours = "echo -e \"\\x1b[30;1m 0 黑色 \\x1b[0m\"\\\n\"\\x1b[31;1m 1 红色 \\x1b[0m\"\\\n\"\\x1b[32;1m 2\"\n";
    String sc2140 = "shellcheck SC2140 (warning): Word is of the form \"A\"B\"C\" (B indicated). Did you mean \"ABC\"?";
    assertThat(ShellcheckChecker.shown(new Hint(RULES.rule("snippets/shellcheck"), 2, 26, sc2140), colours)).isFalse();
    // quotes lost from JSON: the word really is "A"B"C"
    assertThat(ShellcheckChecker.shown(new Hint(RULES.rule("snippets/shellcheck"), 1, 14, sc2140),
        "curl -d \"{\"spec\": 1}\" x\n")).isTrue();
  }

  /** linux-command's history page: "!n" at a prompt is history expansion. */
  @Test
  void aHistoryExpansionAtAPromptIsNoMissingSpace() {
    Hint bang = new Hint(RULES.rule("snippets/shellcheck"), 2, 2,
        "shellcheck SC1035 (error): You are missing a required space after the !.");
    assertThat(ShellcheckChecker.shown(bang, "\n !n\n")).isFalse();
    assertThat(ShellcheckChecker.shown(bang, "\nif ![ -f x ]; then :; fi\n")).isTrue();
  }

  /** Next.js's debugging page (round 45): a printed sentence is no miscapitalised keyword; shell code still is one. */
  @Test
  void aPrintedSentenceIsNoMiscapitalisedKeyword() {
    String printed = "Debugger listening on ws://127.0.0.1:9229/0cf9\nFor help, see: https://nodejs.org/learn\n";
    Hint sc1081 = new Hint(RULES.rule("snippets/shellcheck"), 2, 1,
        "shellcheck SC1081 (error): Scripts are case sensitive. Use 'for', not 'For' (or quote if literal).");
    assertThat(ShellcheckChecker.shown(sc1081, printed)).isFalse();
    Hint sc1081If = new Hint(RULES.rule("snippets/shellcheck"), 1, 1,
        "shellcheck SC1081 (error): Scripts are case sensitive. Use 'if', not 'If' (or quote if literal).");
    assertThat(ShellcheckChecker.shown(sc1081If, "If [ -f x ]; then\n  echo x\nfi\n")).isTrue();
    assertThat(ShellcheckChecker.shown(sc1081If, "If the file exists\n")).isTrue();
  }
}
