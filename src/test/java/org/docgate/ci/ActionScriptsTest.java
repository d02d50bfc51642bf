package org.docgate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.docgate.pr.FakeGitHub;
import org.docgate.pr.FakeGitHubServer;
import org.docgate.pr.PrCommentRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's run scripts, run by bash as the runner would: a fake {@code GITHUB_*} environment, a git repository
 * with a base and a pull request commit, docgate itself behind a {@code java} on the PATH that runs this build's
 * classes (no jar needed), and a loopback fake GitHub API. No network.
 */
class ActionScriptsTest {
  static final String TOKEN = "ghs_actionToken";

  @TempDir Path tmp;
  Path repo;
  Path bin;
  String base;
  String head;

  @BeforeEach
  void repository() throws Exception {
    repo = Files.createDirectories(tmp.resolve("work"));
    git("init", "-q");
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/a.md"), "# A\n\nSee [the old page](gone.md).\n");
    git("add", "-A");
    git("commit", "-qm", "base");
    base = git("rev-parse", "HEAD").strip();
    Files.writeString(repo.resolve("docs/a.md"), "# A\n\nSee [the old page](gone.md).\n\nAnd [a new one](missing.md)."
        + "\n");
    git("commit", "-qam", "the pull request");
    head = git("rev-parse", "HEAD").strip();

    bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/bash\n# java -jar docgate.jar ARGS: this build's classes instead of the jar\n"
        + "if [ \"$1\" = -jar ]; then shift 2; fi\n"
        + "exec \"$REAL_JAVA\" -cp \"$DOCGATE_TEST_CP\" org.docgate.cli.DocgateCommand \"$@\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
  }

  String git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  record Ran(int exit, String out, Map<String, String> outputs) {}

  /** Runs one step's script with the runner's variables and the step's env. */
  Ran step(String name, Map<String, String> env) throws Exception {
    String script = (String) ActionFileTest.step(name).get("run");
    Path output = Files.createTempFile(tmp, "output", ".txt");
    ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", script).directory(repo.toFile())
        .redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.put("PATH", bin + ":" + e.get("PATH"));
    e.put("REAL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    e.put("DOCGATE_TEST_CP", System.getProperty("java.class.path"));
    e.put("GITHUB_OUTPUT", output.toString());
    e.put("GITHUB_WORKSPACE", repo.toString());
    e.put("RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner-temp")).toString());
    e.put("DOCGATE_JAR", "/action/target/docgate.jar");
    e.put("ACTION_PATH", Path.of("").toAbsolutePath().toString());
    e.putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Map<String, String> outputs = new HashMap<>();
    for (String line : Files.readAllLines(output)) {
      outputs.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    return new Ran(p.exitValue(), out, outputs);
  }

  Map<String, String> scanEnv(String event) {
    return Map.of("DOCGATE_PATH", "docs", "DOCGATE_ARGS", "--offline", "DOCGATE_FAIL_ON", "error",
        "EVENT_NAME", event, "BASE_SHA", event.equals("pull_request") ? base : "", "HEAD_SHA", head);
  }

  @Test
  void onAPullRequestOnlyTheLinesItChangedAreAnnotated() throws Exception {
    Ran pr = step("docgate scan", scanEnv("pull_request"));
    assertThat(pr.exit()).as(pr.out()).isZero();
    assertThat(pr.outputs()).containsEntry("exit", "1"); // both errors count for the result step
    assertThat(pr.out()).contains("::error file=docs/a.md,line=5,col=5,title=links/missing-file::")
        .doesNotContain("line=3");
  }

  @Test
  void onAPushEveryFindingIsAnnotated() throws Exception {
    Ran push = step("docgate scan", scanEnv("push"));
    assertThat(push.outputs()).containsEntry("exit", "1");
    assertThat(push.out()).contains("::error file=docs/a.md,line=3,").contains("::error file=docs/a.md,line=5,");
  }

  @Test
  void theChangedLinesFilterKeepsEscapedPathsAndOtherLines() throws Exception {
    Path script = Path.of("action/changed-lines.sh").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(script.toString(), base, head).directory(repo.toFile());
    Process p = pb.start();
    p.getOutputStream().write(("::warning file=docs/a.md,line=4,title=x::blank line, unchanged? no: added\n"
        + "::error file=docs/a.md,line=1,title=x::the heading, unchanged\n"
        + "::notice file=docs/b.md,line=5,title=x::another file\n"
        + "a line that is no annotation\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out).isEqualTo("::warning file=docs/a.md,line=4,title=x::blank line, unchanged? no: added\n"
        + "a line that is no annotation\n");
  }

  @Test
  void thePrCommentStepPostsThroughTheApiTheRunnerNames() throws Exception {
    FakeGitHub github = new FakeGitHub("octo/docs", 10);
    try (FakeGitHubServer server = FakeGitHubServer.start(github)) {
      Ran ran = step("PR comment", Map.of("GITHUB_TOKEN", TOKEN, "BASE_SHA", base, "HEAD_SHA", head,
          "REPO", "octo/docs", "PR", "7", "GITHUB_API_URL", server.url("/").replaceAll("/$", "")));
      assertThat(ran.exit()).as(ran.out()).isZero();
      assertThat(ran.out()).contains("created the comment on octo/docs#7").doesNotContain(TOKEN);
      assertThat(github.comments().values()).singleElement().asString().startsWith(PrCommentRenderer.MARKER)
          .contains("missing.md");
      assertThat(github.seen()).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer " + TOKEN));
    }
  }
}
