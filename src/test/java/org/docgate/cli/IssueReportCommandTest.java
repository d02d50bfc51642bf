package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.docgate.cli.Cli.Run;
import org.docgate.pr.FakeGitHub;
import org.docgate.pr.FakeGitHubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docgate issue-report}, a CI cron job's command, against a loopback fake GitHub. */
class IssueReportCommandTest {
  static final String TOKEN = "ghp_cronToken";

  @AfterEach
  void resetEnvironment() {
    GitHubOptions.environment = System::getenv;
  }

  Run issueReport(Path corpus, String api, String... more) {
    String[] args = {"issue-report", corpus.toString(), "--offline", "--github-repo", "octo/docs", "--github-api", api,
        "--corpus-name", "handbook"};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
        .toArray(String[]::new);
    return Cli.docgate(all);
  }

  @Test
  void aBrokenLinkOpensTheIssueAndItsFixClosesIt(@TempDir Path dir) throws Exception {
    GitHubOptions.environment = name -> name.equals("GITHUB_TOKEN") ? TOKEN : null;
    Files.writeString(dir.resolve("index.md"), "# Index\n\nSee [the guide](guide.md).\n");
    FakeGitHub github = new FakeGitHub("octo/docs", 10);
    try (FakeGitHubServer server = FakeGitHubServer.start(github)) {
      String api = server.url("/");

      Run broken = issueReport(dir, api);
      assertThat(broken.exit()).as(broken.err()).isEqualTo(1);
      assertThat(broken.out()).contains("index.md:3:5: error links/missing-file"); // scan's own report
      assertThat(broken.err()).contains("docgate: issue octo/docs#1 created (1 new)");
      assertThat(github.issues().get(1L).title()).isEqualTo("docgate report: handbook");
      assertThat(github.issues().get(1L).body()).contains("index.md:3");

      Files.writeString(dir.resolve("guide.md"), "# Guide\n");
      Run fixed = issueReport(dir, api);
      assertThat(fixed.exit()).as(fixed.err()).isZero();
      assertThat(fixed.err()).contains("docgate: issue octo/docs#1 closed (0 new)");
      assertThat(github.issues()).hasSize(1);
      assertThat(github.issues().get(1L).state()).isEqualTo("closed");
      assertThat(github.seen()).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer " + TOKEN));
      assertThat(broken.out() + broken.err() + fixed.out() + fixed.err()).doesNotContain(TOKEN);
    }
  }

  @Test
  void withoutATokenItIsAUsageErrorBeforeTheScan(@TempDir Path dir) throws Exception {
    GitHubOptions.environment = name -> null;
    Files.writeString(dir.resolve("index.md"), "# Index\n");
    Run run = issueReport(dir, "http://127.0.0.1:9/");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("GITHUB_TOKEN").doesNotContain("Index");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void serveChecksTheIssueReportSettingsAtStartNotSixHoursLater(@TempDir Path dir) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("docs"));
    String[] serve = {"serve", corpus.toString(), "--data", dir.resolve("data").toString(), "--offline",
        "--port", "0", "--management-port", "0", "--issue-report", "octo/docs"};
    GitHubOptions.environment = name -> null;
    Run noToken = Cli.docgate(serve);
    assertThat(noToken.exit()).isEqualTo(2);
    assertThat(noToken.err()).contains("--issue-report needs a token in the GITHUB_TOKEN environment variable");

    GitHubOptions.environment = name -> name.equals("GITHUB_TOKEN") ? TOKEN : null;
    serve[serve.length - 1] = "../etc";
    Run badRepo = Cli.docgate(serve);
    assertThat(badRepo.exit()).isEqualTo(2);
    assertThat(badRepo.err()).contains("--github-repo must be owner/name, not '../etc'");
  }
}
