package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.docgate.process.Subprocess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bash's batch ({@link ShellChecker}): every verdict is bash's, with or without shfmt sorting the snippets first, and
 * the batch starts few processes.
 */
class ShellBatchTest {
  private static final String BASH = Subprocess.find("bash").orElseThrow();

  private static Optional<String> shfmt(boolean sorted) {
    if (!sorted) {
      return Optional.empty();
    }
    Optional<String> shfmt = Subprocess.find("shfmt");
    Tools.require("shfmt", shfmt.isPresent());
    return shfmt;
  }

  /** What bash says of a snippet parsed alone: the reference for every batch. */
  private static Optional<Problem> alone(String snippet) throws IOException {
    return ShellChecker.check(BASH, Optional.empty(), List.of(snippet)).get(0);
  }

  @ParameterizedTest(name = "shfmt first: {0}")
  @ValueSource(booleans = {false, true})
  void eachErrorIsTheOneBashGivesTheSnippetAlone(boolean sorted) throws Exception {
    List<String> snippets = new ArrayList<>();
    for (int i = 0; i < ShellChecker.CHUNK + 3; i++) {
      snippets.add(i == 5 ? "echo (" : i == 17 ? "if true; then\n  echo x\nfi fi" : "echo " + i);
    }
    List<Optional<Problem>> problems = ShellChecker.check(BASH, shfmt(sorted), snippets);
    for (int i = 0; i < snippets.size(); i++) {
      assertThat(problems.get(i).isPresent()).as("snippet " + i).isEqualTo(i == 5 || i == 17);
    }
    assertThat(problems.get(17)).isEqualTo(alone(snippets.get(17)))
        .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(3));
    assertThat(problems.get(5)).isEqualTo(alone("echo ("));
  }

  @ParameterizedTest(name = "shfmt first: {0}")
  @ValueSource(booleans = {false, true})
  void anUnclosedQuoteThatHidesTheNextErrorIsStillFoundAlongsideIt(boolean sorted) throws Exception {
    // snippet 1's quote swallows snippets 2-3 in the range, so bash's error line points past it; 3 fails alone too
    List<String> snippets = List.of("echo 0", "echo 'unclosed", "echo 2", "fi", "echo 4", "echo a\0b", "echo 6");
    List<Optional<Problem>> problems = ShellChecker.check(BASH, shfmt(sorted), snippets);
    for (int i = 0; i < snippets.size(); i++) {
      assertThat(problems.get(i)).as("snippet " + i + " as when parsed alone").isEqualTo(alone(snippets.get(i)));
    }
    assertThat(problems.get(1)).isPresent();
    assertThat(problems.get(3)).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
  }

  /**
   * Where shfmt and bash disagree, bash's verdict stands: shfmt's pass never hides a bash error (extglob without
   * {@code shopt}, an empty brace group, a function body that is a plain command), and its failure never fails a
   * snippet bash parses (arithmetic and test operands bash -n does not read).
   */
  @Test
  void whereShfmtAndBashDisagreeBashDecides() throws Exception {
    List<String> bashRejects = List.of("ls !(*.txt)", "{ }", "f() ( )", "x() { :; }; x() y");
    List<String> shfmtRejects = List.of("echo $(( 1 + ))", "[[ -f ]]", "let x=1+", "echo ${a:1:}");
    List<String> snippets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      snippets.add("echo " + i + " | tr 0-9 a-j");
    }
    snippets.addAll(5, bashRejects);
    snippets.addAll(20, shfmtRejects);
    List<Optional<Problem>> problems = ShellChecker.check(BASH, shfmt(true), snippets);
    for (int i = 0; i < snippets.size(); i++) {
      String s = snippets.get(i);
      assertThat(problems.get(i)).as(s).isEqualTo(alone(s));
      assertThat(problems.get(i).isPresent()).as(s).isEqualTo(bashRejects.contains(s));
    }
  }

  /**
   * The cost that matters: with shfmt, 100 clean snippets and 3 broken ones take shfmt, one range and the 3 alone;
   * without it, 4 ranges of 32 and about three parses per broken snippet.
   */
  @Test
  void shfmtLeavesBashOneParsePerBrokenSnippetAndOneForTheRest() throws Exception {
    List<String> snippets = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      snippets.add("for f in *.md; do\n  grep -c x \"$f\" > /tmp/out." + i + "\ndone");
    }
    snippets.set(10, "kubectl get pods -n <namespace>");
    snippets.set(50, "echo (");
    snippets.set(90, "if true; then echo; fi fi");
    LongAdder sortedParses = new LongAdder();
    List<Optional<Problem>> sorted = ShellChecker.check(BASH, shfmt(true), snippets, sortedParses);
    LongAdder plainParses = new LongAdder();
    List<Optional<Problem>> plain = ShellChecker.check(BASH, Optional.empty(), snippets, plainParses);

    assertThat(sorted).isEqualTo(plain);
    assertThat(sorted.stream().filter(Optional::isPresent).count()).isEqualTo(3);
    assertThat(sortedParses.sum()).as("shfmt + one range + 3 alone").isEqualTo(5);
    assertThat(plainParses.sum()).as("4 ranges + 3 ranges around each broken snippet and it alone").isEqualTo(13);
  }

  @Test
  void theRunnerCountsTheProcessesItsBatchesStarted() {
    ShellChecker shell = new ShellChecker(Subprocess.find("bash"), shfmt(true),
        new ShellcheckChecker(Optional.empty(), Set.of()));
    assertThat(shell.verdicts(List.of("echo 1", "echo (", "echo 2"))).hasSize(3);
    BatchRunner<?> bash = shell.runners().get(0);
    assertThat(bash.processes()).isEqualTo(1);
    assertThat(bash.children()).as("shfmt, the range of the two clean ones, echo ( alone").isEqualTo(3);
  }

  @Test
  void theOutputIsReadSnippetBySnippetInAnyOrder() throws Exception {
    String out = "@@m 1 0\n/t/0.sh: line 3: syntax error near unexpected token `fi'\n/t/0.sh: line 3: `fi fi'\n"
        + "@@m 0 2\n@@m children 3\n";
    ShellChecker.Answers answers = ShellChecker.parse(out, "@@m", 2);
    assertThat(answers.problems().get(0))
        .hasValue(Problem.syntax(3, 1, "bash: syntax error near unexpected token `fi'"));
    assertThat(answers.problems().get(1)).isEmpty();
    assertThat(answers.children()).isEqualTo(3);
  }

  @Test
  void anAnswerGivenTwiceOrMissingFailsTheBatch() {
    assertThatThrownBy(() -> ShellChecker.parse("@@m 0 0\n@@m 0 2\n@@m children 1\n", "@@m", 2))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ShellChecker.parse("@@m 0 0\n@@m 1 0\n", "@@m", 2))
        .isInstanceOf(IOException.class).hasMessageContaining("no process count");
    assertThat(ShellChecker.marker()).isNotEqualTo(ShellChecker.marker()).startsWith("@@docgate-");
  }

  /**
   * A snippet of comments only (a list of steps in a ```bash fence) parses alone and must not fail its range: as an
   * empty function body it did, and each such snippet cost a bisection of its range.
   */
  @Test
  void aSnippetOfCommentsOnlyPassesInItsRange() throws Exception {
    List<String> snippets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      snippets.add(i % 5 == 0 ? "# 1. prepare\n# 2. install\n" : "echo " + i);
    }
    LongAdder parses = new LongAdder();
    List<Optional<Problem>> problems = ShellChecker.check(BASH, Optional.empty(), snippets, parses);
    assertThat(problems).allSatisfy(p -> assertThat(p).isEmpty());
    assertThat(parses.sum()).as("one range").isEqualTo(1);
  }
}
