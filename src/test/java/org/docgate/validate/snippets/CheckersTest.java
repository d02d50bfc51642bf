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
  void bashOutputIsReadSnippetBySnippet() throws Exception {
    String out = "/t/0.sh: line 3: syntax error near unexpected token `fi'\n/t/0.sh: line 3: `fi fi'\n"
        + "@@docgate-end 2\n@@docgate-end 0\n";
    List<Optional<Problem>> problems = ShellChecker.parse(out, 2);
    assertThat(problems.get(0)).hasValue(Problem.syntax(3, 1, "bash: syntax error near unexpected token `fi'"));
    assertThat(problems.get(1)).isEmpty();
  }

  @Test
  void aMissingProgramMakesItsSnippetsUnverifiableNotPassed() {
    ShellChecker shell = new ShellChecker(Optional.empty(), new ShellcheckChecker(Optional.empty(), Set.of()));
    assertThat(shell.unavailable()).hasValue("bash is not installed");
    assertThat(shell.verdicts(List.of("echo hi"))).isEmpty();
    assertThat(new PythonChecker(Optional.empty()).unavailable()).hasValue("python3 is not installed");
    assertThat(new PythonChecker(Optional.empty()).verdicts(List.of("x = 1"))).isEmpty();
  }

  @Test
  void shellChunksFallBackToOneParserPerSnippetSoEachErrorIsItsOwn() throws Exception {
    String bash = Subprocess.find("bash").orElseThrow();
    List<String> snippets = new java.util.ArrayList<>();
    for (int i = 0; i < ShellChecker.CHUNK + 3; i++) {
      snippets.add(i == 5 ? "echo (" : i == 17 ? "if true; then\n  echo x\nfi fi" : "echo " + i);
    }
    List<Optional<Problem>> problems = ShellChecker.check(bash, snippets);
    for (int i = 0; i < snippets.size(); i++) {
      assertThat(problems.get(i).isPresent()).as("snippet " + i).isEqualTo(i == 5 || i == 17);
    }
    assertThat(problems.get(17)).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(3));
  }

  @Test
  void anUnclosedQuoteThatHidesTheNextErrorIsStillFoundAlongsideIt() throws Exception {
    // snippet 1's quote swallows snippets 2-3 in the range, so bash's error line points past it; 3 fails alone too
    List<String> snippets = List.of("echo 0", "echo 'unclosed", "echo 2", "fi", "echo 4", "echo a\0b", "echo 6");
    String bash = Subprocess.find("bash").orElseThrow();
    List<Optional<Problem>> problems = ShellChecker.check(bash, snippets);
    for (int i = 0; i < snippets.size(); i++) {
      boolean alone = ShellChecker.check(bash, List.of(snippets.get(i))).get(0).isPresent();
      assertThat(problems.get(i).isPresent()).as("snippet " + i + " as when parsed alone").isEqualTo(alone);
    }
    assertThat(problems.get(1)).isPresent();
    assertThat(problems.get(3)).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
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
    PythonChecker python = PythonChecker.onPath();
    Map<String, Optional<Problem>> out = python.verdicts(List.of("x = 1", "def f(:\n  pass", "import os"));
    assertThat(out.get("x = 1")).isEmpty();
    assertThat(out.get("def f(:\n  pass")).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
    assertThat(out.get("import os")).isEmpty();
    assertThat(python.runners().get(0).processes()).isEqualTo(1);
  }
}
