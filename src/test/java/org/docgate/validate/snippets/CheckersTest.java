package org.docgate.validate.snippets;

import org.docgate.process.Subprocess;
import java.util.Map;
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
  void aMissingProgramMakesItsSnippetsUnverifiableNotPassed() {
    ShellChecker shell =
        new ShellChecker(Optional.empty(), Optional.empty(), new ShellcheckChecker(Optional.empty(), Set.of()));
    assertThat(shell.unavailable()).hasValue("bash is not installed");
    assertThat(shell.verdicts(List.of("echo hi"))).isEmpty();
    assertThat(new PythonChecker(Optional.empty()).unavailable()).hasValue("python3 is not installed");
    assertThat(new PythonChecker(Optional.empty()).verdicts(List.of("x = 1"))).isEmpty();
  }

  @Test
  void eachSubprocessCheckerJoinsTheBatchOfItsRunnerAndNamesItsProgramWhenMissing() {
    ShellChecker shell =
        new ShellChecker(Optional.empty(), Optional.empty(), new ShellcheckChecker(Optional.empty(), Set.of()));
    List<SubprocessChecker> checkers =
        List.of(shell, shell.console(), new PythonChecker(Optional.empty()), new GoChecker(Optional.empty()));
    assertThat(checkers).extracting(SnippetChecker::kind).containsExactly("shell", "console", "python", "go");
    assertThat(checkers).extracting(c -> c.batch().orElseThrow()).containsExactly("bash", "bash", "python", "go");
    assertThat(checkers).extracting(c -> c.unavailable().orElseThrow()).containsExactly("bash is not installed",
        "bash is not installed", "python3 is not installed", "gofmt (Go) is not installed");
    assertThat(shell.console().runners()).containsExactlyElementsOf(shell.runners()); // one bash batch for both
    assertThat(new GoChecker(Optional.empty()).verdicts(List.of("package p"))).isEmpty();
  }

  @Test
  void wrappedSnippetsCountTheirLinesAndNeverHoldANul() {
    assertThat(ShellChecker.lineCount("a")).isEqualTo(1);
    assertThat(ShellChecker.lineCount("a\nb\n")).isEqualTo(3);
    assertThat(ShellChecker.wrapped(7, "echo 1")).isEqualTo("__docgate_snippet_7() { :\necho 1\n}\n");
    assertThat(ShellChecker.wrapped(0, "a\0b")).doesNotContain("\0");
  }

  @Test
  void pythonParsesABatchInOneProcess() {
    PythonChecker python = PythonChecker.onPath();
    Map<String, Optional<Problem>> out = python.verdicts(List.of("x = 1", "def f(:\n  pass", "import os"));
    assertThat(out.get("x = 1")).isEmpty();
    assertThat(out.get("def f(:\n  pass")).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
    assertThat(out.get("import os")).isEmpty();
    assertThat(python.runners().get(0).processes()).isEqualTo(1);
  }
}
