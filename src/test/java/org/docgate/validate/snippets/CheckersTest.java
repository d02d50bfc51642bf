package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checkers alone, and how the batch checkers behave when their program is missing. */
class CheckersTest {
  private final YamlChecker yaml = new YamlChecker(new KubernetesShape(Set.of(), Set.of("Config"), List.of("List")),
      new ComposeShape(Set.of("services"), Set.of("image")));

  @Test
  void yamlComposesCustomTagsAndAnchorsWithoutConstructingThem() {
    assertThat(yaml.check("Resources:\n  Bucket:\n    Name: !Ref BucketName\nbase: &b {a: 1}\nuse: *b\n")).isEmpty();
  }

  @Test
  void yamlDuplicateKeysAreFoundInNestedMappings() {
    Optional<Problem> p = yaml.check("spec:\n  template:\n    a: 1\n    a: 2\n");
    assertThat(p).hasValueSatisfying(problem -> {
      assertThat(problem.line()).isEqualTo(4);
      assertThat(problem.column()).isEqualTo(5);
      assertThat(problem.structural()).isFalse();
    });
  }

  @Test
  void kubernetesListsAndExemptKindsNeedNoName() {
    assertThat(yaml.check("apiVersion: v1\nkind: PodList\nitems: []\n")).isEmpty();
    assertThat(yaml.check("apiVersion: v1\nkind: Pod\nmetadata: {}\n"))
        .hasValueSatisfying(problem -> assertThat(problem.structural()).isTrue());
  }

  @Test
  void jsonReportsTheLineAndColumnOfTheError() {
    assertThat(JsonChecker.strict().check("{\n  \"a\": 1,\n}")).hasValueSatisfying(p -> {
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).startsWith("JSON: ");
    });
    assertThat(JsonChecker.jsonc().check("{\n  \"a\": 1, // one\n}")).isEmpty();
  }

  @Test
  void bashOutputIsReadSnippetBySnippet() throws Exception {
    String out = "/t/0.sh: line 3: syntax error near unexpected token `fi'\n/t/0.sh: line 3: `fi fi'\n"
        + "@@docgate-end 2\n@@docgate-end 0\n";
    List<Optional<Problem>> problems = ShellChecker.parse(out, 2);
    assertThat(problems.get(0)).hasValue(Problem.syntax(3, 1, "bash: syntax error near unexpected token `fi'"));
    assertThat(problems.get(1)).isEmpty();
  }

  @Test
  void aMissingProgramMakesItsSnippetsUnverifiableNotPassed() {
    BatchOutcome shell = new ShellChecker(Optional.empty()).check(List.of("echo hi"));
    assertThat(shell.available()).isFalse();
    assertThat(shell.unavailable()).isEqualTo("bash is not installed");
    assertThat(new PythonChecker(Optional.empty()).check(List.of("x = 1")).unavailable())
        .isEqualTo("python3 is not installed");
  }

  @Test
  void shellChunksFallBackToOneParserPerSnippetSoEachErrorIsItsOwn() {
    ShellChecker shell = ShellChecker.onPath();
    List<String> snippets = new java.util.ArrayList<>();
    for (int i = 0; i < ShellChecker.CHUNK + 3; i++) {
      snippets.add(i == 5 ? "echo (" : i == 17 ? "if true; then\n  echo x\nfi fi" : "echo " + i);
    }
    BatchOutcome outcome = shell.check(snippets);
    assertThat(outcome.available()).as(outcome.unavailable()).isTrue();
    for (int i = 0; i < snippets.size(); i++) {
      assertThat(outcome.problems().get(i).isPresent()).as("snippet " + i).isEqualTo(i == 5 || i == 17);
    }
    assertThat(outcome.problems().get(17)).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(3));
    assertThat(outcome.processes()).isEqualTo(1);
  }

  @Test
  void anUnclosedQuoteThatHidesTheNextErrorIsStillFoundAlongsideIt() {
    // snippet 1's quote swallows snippets 2-3 in the range, so bash's error line points past it; 3 fails alone too
    List<String> snippets = List.of("echo 0", "echo 'unclosed", "echo 2", "fi", "echo 4", "echo a\0b", "echo 6");
    BatchOutcome outcome = ShellChecker.onPath().check(snippets);
    assertThat(outcome.available()).as(outcome.unavailable()).isTrue();
    for (int i = 0; i < snippets.size(); i++) {
      boolean alone = !new ShellChecker(Optional.of("bash")).check(List.of(snippets.get(i))).problems().get(0).isEmpty();
      assertThat(outcome.problems().get(i).isPresent()).as("snippet " + i + " as when parsed alone").isEqualTo(alone);
    }
    assertThat(outcome.problems().get(1)).isPresent();
    assertThat(outcome.problems().get(3)).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
  }

  @Test
  void wrappedSnippetsCountTheirLinesAndNeverHoldANul() {
    assertThat(ShellChecker.lineCount("a")).isEqualTo(1);
    assertThat(ShellChecker.lineCount("a\nb\n")).isEqualTo(3);
    assertThat(ShellChecker.wrapped(7, "echo 1")).isEqualTo("__docgate_snippet_7() {\necho 1\n}\n");
    assertThat(ShellChecker.wrapped(0, "a\0b")).doesNotContain("\0");
  }

  @Test
  void pythonParsesABatchInOneProcess() {
    BatchOutcome outcome = PythonChecker.onPath().check(List.of("x = 1", "def f(:\n  pass", "import os"));
    assertThat(outcome.available()).as(outcome.unavailable()).isTrue();
    assertThat(outcome.problems().get(0)).isEmpty();
    assertThat(outcome.problems().get(1)).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
    assertThat(outcome.problems().get(2)).isEmpty();
    assertThat(outcome.processes()).isEqualTo(1);
  }
}
