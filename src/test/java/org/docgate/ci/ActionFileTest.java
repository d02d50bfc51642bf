package org.docgate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.docgate.metrics.Tools;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The composite action and the GitLab example, read as YAML: the inputs and steps the README documents. */
class ActionFileTest {
  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) throws IOException {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> steps() throws IOException {
    return (List<Map<String, Object>>) ((Map<String, Object>) yaml(Path.of("action.yml")).get("runs")).get("steps");
  }

  static Map<String, Object> step(String nameStart) throws IOException {
    return steps().stream().filter(s -> String.valueOf(s.get("name")).startsWith(nameStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no step named " + nameStart));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theActionIsCompositeWithTheDocumentedInputs() throws IOException {
    Map<String, Object> action = yaml(Path.of("action.yml"));

    assertThat(((Map<String, Object>) action.get("runs")).get("using")).isEqualTo("composite");
    Map<String, Map<String, Object>> inputs = (Map<String, Map<String, Object>>) action.get("inputs");
    assertThat(inputs.keySet()).containsExactly("path", "args", "fail-on", "comment");
    assertThat(inputs.get("fail-on").get("default")).isEqualTo("error");
    assertThat(inputs.get("comment").get("default")).isEqualTo("false");
  }

  @Test
  @SuppressWarnings("unchecked")
  void itSetsUpTemurin21CachesBothFoldersAndBuildsOnceInTheActionsPath() throws IOException {
    Map<String, Object> java = step("Set up Temurin");
    assertThat(java.get("uses")).asString().startsWith("actions/setup-java@");
    assertThat((Map<String, Object>) java.get("with")).containsEntry("distribution", "temurin")
        .containsEntry("java-version", "21");
    Map<String, Object> cache = step("Cache");
    assertThat(cache.get("uses")).asString().startsWith("actions/cache@");
    assertThat(((Map<String, Object>) cache.get("with")).get("path")).asString().contains("~/.m2", "~/.cache/docgate");
    List<Map<String, Object>> builds = steps().stream()
        .filter(s -> String.valueOf(s.get("run")).contains("mvn ")).toList();
    assertThat(builds).hasSize(1);
    assertThat(builds.getFirst().get("run")).asString().contains("mvn -B -q -DskipTests package");
    assertThat(builds.getFirst().get("working-directory")).isEqualTo("${{ github.action_path }}");
  }

  @Test
  void annotationsThenAnAlwaysSummaryThenTheCommentOnlyOffForks() throws IOException {
    assertThat(step("docgate scan").get("run")).asString().contains("--format github", "--path-prefix",
        "--fail-on \"$DOCGATE_FAIL_ON\"");
    Map<String, Object> summary = step("Job summary");
    assertThat(summary.get("if")).isEqualTo("always()");
    assertThat(summary.get("run")).asString().contains("--format markdown", ">> \"$GITHUB_STEP_SUMMARY\"");
    Map<String, Object> comment = step("PR comment");
    assertThat(comment.get("if")).asString().contains("inputs.comment == 'true'",
        "!github.event.pull_request.head.repo.fork");
    assertThat(comment.get("run")).asString().contains(" pr ", "--pr \"$PR\"");
    assertThat(step("Fork pull request").get("if")).asString()
        .contains("&& github.event.pull_request.head.repo.fork");
    List<Map<String, Object>> all = steps();
    assertThat(all.getLast().get("name")).as("the exit code is acted on last").isEqualTo("Result");
  }

  @Test
  void runScriptsTakeInputsFromTheEnvironmentNeverFromExpressions() throws IOException {
    // ${{ inputs.args }} pasted into a script would run whatever a workflow passes in as shell code
    for (Map<String, Object> s : steps()) {
      if (s.containsKey("run")) {
        assertThat(s.get("run")).as(String.valueOf(s.get("name"))).asString().doesNotContain("${{");
        assertThat(s.get("shell")).as("composite run steps need a shell").isEqualTo("bash");
      }
    }
  }

  @Test
  void runScriptsPassShellcheck() throws Exception {
    Path shellcheck = Tools.require("shellcheck", "shellcheck");
    for (Map<String, Object> s : steps()) {
      if (s.containsKey("run")) {
        Tools.Result r = Tools.run("#!/bin/bash\n" + s.get("run"), List.of(shellcheck.toString(), "-"));
        assertThat(r.exit()).as(s.get("name") + ":\n" + r.output()).isZero();
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGitlabExampleUploadsTheCodeQualityReportItWrites() throws IOException {
    Map<String, Object> job = (Map<String, Object>) yaml(Path.of("examples/gitlab-ci.yml")).get("docgate");
    String script = String.join("\n", (List<String>) job.get("script"));
    Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");

    assertThat(script).contains("--format codequality", "--output gl-code-quality-report.json");
    assertThat(((Map<String, Object>) artifacts.get("reports")).get("codequality"))
        .isEqualTo("gl-code-quality-report.json");
    assertThat(artifacts.get("when")).isEqualTo("always");
  }
}
