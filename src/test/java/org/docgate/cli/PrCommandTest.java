package org.docgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.cli.Cli.docgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.docgate.cli.Cli.Run;
import org.docgate.pr.FakeGitHub;
import org.docgate.pr.FakeGitHubServer;
import org.docgate.pr.PrCommentRenderer;
import org.docgate.pr.TestRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docgate pr} end to end: a real git repository, two commits, the CLI, and a loopback fake GitHub. */
class PrCommandTest {
  private static final String TOKEN = "ghp_secretTestToken123";

  @AfterEach
  void restoreEnvironment() {
    GitHubOptions.environment = System::getenv;
  }

  /**
   * Base to head: b.md breaks a link, a.md fixes one, setup.md renames the heading c.md and d.md link to, and e.md
   * gets a new first line above its old broken link (the finding moves, it is not new). f.md keeps an old broken
   * link and is not touched: it is nobody's business in this change.
   */
  static TestRepo mustShowRepo(Path dir) throws Exception {
    TestRepo repo = TestRepo.init(dir)
        .write("a.md", "# A\n\n[x](nowhere.md)\n")
        .write("b.md", "# B\n\n[y](a.md)\n")
        .write("setup.md", "# Setup\n\n## Install steps\n\nRun it.\n")
        .write("c.md", "# C\n\n[install](setup.md#install-steps)\n")
        .write("d.md", "# D\n\nSee [the steps](setup.md#install-steps).\n")
        .write("e.md", "# E\n\n[old](legacy.md)\n")
        .write("f.md", "# F\n\n[z](nope.md)\n");
    repo.commit("base");
    repo.git("tag", "base");
    repo.write("a.md", "# A\n\n[x](b.md)\n")
        .write("b.md", "# B\n\n[y](a-typo.md)\n")
        .write("setup.md", "# Setup\n\n## Installation\n\nRun it.\n")
        .write("e.md", "# E\n\nA new first paragraph.\n\n[old](legacy.md)\n");
    repo.commit("head");
    return repo;
  }

  static Run pr(Path repo, String... more) {
    List<String> args = new ArrayList<>(List.of("pr", "--base", "base", "--head", "HEAD", repo.toString(),
        "--offline", "--only", "links"));
    args.addAll(List.of(more));
    return docgate(args.toArray(String[]::new));
  }

  @Test
  void aChangeHasThreeNewOneFixedAndOnePreExistingFinding(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir);
    Run run = pr(repo.dir(), "--format", "json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("schema").asText()).isEqualTo("docgate/pr@1");
    assertThat(lines(json.path("new"))).containsExactly(
        "b.md:3 links/missing-file", "c.md:3 links/missing-anchor", "d.md:3 links/missing-anchor");
    assertThat(lines(json.path("fixed"))).containsExactly("a.md:3 links/missing-file");
    assertThat(lines(json.path("preExisting"))).containsExactly("e.md:5 links/missing-file");
    assertThat(json.path("touched").toString()).doesNotContain("f.md");
    assertThat(json.path("head").asText()).isEqualTo(repo.git("rev-parse", "HEAD").strip());
    assertThat(repo.git("status", "--porcelain")).as("the repository is not written to").isEmpty();
  }

  @Test
  void failOnSetsTheSeverityANewFindingMustHaveToFail(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir);
    Path config = dir.resolve("warnings.yaml");
    Files.writeString(config, "rules:\n  links/missing-file: warning\n  links/missing-anchor: warning\n");
    assertThat(pr(repo.dir(), "--config", config.toString()).exit()).isEqualTo(0);
    assertThat(pr(repo.dir(), "--config", config.toString(), "--fail-on", "warning").exit()).isEqualTo(1);
    assertThat(pr(repo.dir(), "--fail-on", "nope").exit()).isEqualTo(2);
  }

  @Test
  void validatingOnlyTheTouchedFilesFindsTheSameThreeNewOneFixedAndOnePreExisting(@TempDir Path dir)
      throws Exception {
    TestRepo repo = mustShowRepo(dir);
    Run run = pr(repo.dir(), "--format", "json", "--touched-only");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("scope").asText()).isEqualTo("touched");
    assertThat(lines(json.path("new"))).containsExactly(
        "b.md:3 links/missing-file", "c.md:3 links/missing-anchor", "d.md:3 links/missing-anchor");
    assertThat(lines(json.path("fixed"))).containsExactly("a.md:3 links/missing-file");
    assertThat(lines(json.path("preExisting"))).containsExactly("e.md:5 links/missing-file");
    Run markdown = pr(repo.dir(), "--format", "markdown", "--touched-only");
    assertThat(markdown.out()).contains("Readiness of the touched files **");
  }

  @Test
  void theSecondRunUpdatesTheCommentTheFirstRunCreated(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir);
    GitHubOptions.environment = name -> name.equals("GITHUB_TOKEN") ? TOKEN : null;
    FakeGitHub github = new FakeGitHub("octo/docs", 1).withComment("LGTM").withComment("nice @docgate");
    try (FakeGitHubServer server = FakeGitHubServer.start(github)) {
      String api = server.url("/");
      String[] posting = {"--format", "markdown", "--github-repo", "octo/docs", "--pr", "7", "--github-api", api};

      Run first = pr(repo.dir(), posting);
      repo.write("e.md", "# E\n\nAnother paragraph.\n\nA new first paragraph.\n\n[old](legacy.md)\n").commit("more");
      Run second = pr(repo.dir(), posting);

      assertThat(first.exit()).as(first.err()).isEqualTo(1);
      assertThat(first.err()).contains("created the comment on octo/docs#7");
      assertThat(second.err()).contains("updated the comment on octo/docs#7");
      assertThat(first.out() + first.err() + second.out() + second.err()).doesNotContain(TOKEN);
      List<String> calls = github.seen().stream().map(s -> s.method() + " " + s.path()).toList();
      assertThat(calls).containsExactly(
          "GET /repos/octo/docs/issues/7/comments", "GET /repos/octo/docs/issues/7/comments",
          "POST /repos/octo/docs/issues/7/comments",
          "GET /repos/octo/docs/issues/7/comments", "GET /repos/octo/docs/issues/7/comments",
          "GET /repos/octo/docs/issues/7/comments", "GET /user", "PATCH /repos/octo/docs/issues/comments/102");
      assertThat(github.seen()).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer " + TOKEN));
      assertThat(github.comments()).hasSize(3);
      String body = github.comments().get(102L);
      assertThat(body).startsWith(PrCommentRenderer.MARKER).isEqualTo(second.out())
          .contains("https://github.com/octo/docs/blob/" + repo.git("rev-parse", "HEAD").strip() + "/b.md#L3");
    }
  }

  @Test
  void aCraftedFileNameInTheRepositoryGivesAnInertComment(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir);
    repo.write("x</details>@everyone[a](javascript:alert(1)).md", "# X\n\nSee [t][evil] and #123.\n\n"
        + "[evil]: ``rm``|</details>@here.md\n").commit("crafted");
    Run run = pr(repo.dir(), "--format", "markdown", "--github-repo", "octo/docs");
    assertThat(run.out()).contains("x&#60;/details&#62;&#64;&#8205;everyone&#91;a&#93;")
        .contains("&#96;&#96;rm&#96;&#96;&#124;&#60;/details&#62;&#64;&#8205;here.md");
    String html = org.docgate.pr.InertHtml.assertInert(run.out(), 2);
    assertThat(html).contains("x&lt;/details&gt;@\u200Deveryone[a](javascript:alert(1)).md:5");
  }

  @Test
  void sarifHoldsTheHeadFindingsOfTouchedFilesOnly(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir.resolve("repo"));
    Path sarif = dir.resolve("out/docgate.sarif");
    Run run = pr(repo.dir(), "--format", "text", "--sarif-output", sarif.toString());
    assertThat(run.out()).startsWith("readiness ").contains("3 new, 1 fixed, 1 pre-existing in 6 touched files");
    JsonNode results = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results");
    List<String> files = new ArrayList<>();
    results.forEach(r -> files.add(r.path("locations").get(0).path("physicalLocation").path("artifactLocation")
        .path("uri").asText()));
    assertThat(files).containsExactlyInAnyOrder("b.md", "c.md", "d.md", "e.md");
  }

  @Test
  void anUnknownRefOrANonRepositoryIsOneClearLine(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir.resolve("repo"));
    Run unknown = docgate("pr", "--base", "no-such-branch", repo.dir().toString(), "--offline");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("docgate: error: unknown revision 'no-such-branch'").doesNotContain("\tat ");
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Run notRepo = docgate("pr", "--base", "main", plain.toString(), "--offline");
    assertThat(notRepo.exit()).isEqualTo(2);
    assertThat(notRepo.err()).contains("is not a git repository").doesNotContain("\tat ");
  }

  @Test
  void scanAndReadinessAlsoWriteMarkdown(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir);
    Run scan = docgate("scan", repo.dir().toString(), "--only", "links", "--format", "markdown");
    assertThat(scan.out()).startsWith("### docgate scan\n\n5 findings (5 errors, 0 warnings, 0 info) in 7 documents")
        .contains("| b.md:3 | error | links/missing-file | 'a-typo.md' does not exist |");
    org.docgate.pr.InertHtml.assertInert(scan.out(), 0);
    Run readiness = docgate("readiness", repo.dir().toString(), "--format", "markdown");
    assertThat(readiness.out()).startsWith("### docgate readiness: ")
        .contains("| fail | linkValidity | 16.67% &#40;min 99.00%&#41; | blocking | 3.0 |");
  }

  @Test
  void postingWithoutATokenIsAUsageError(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir);
    GitHubOptions.environment = name -> null;
    Run run = pr(repo.dir(), "--github-repo", "octo/docs", "--pr", "7");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("GITHUB_TOKEN");
  }

  @Test
  void theTemporaryTreesAreDeleted(@TempDir Path dir) throws Exception {
    TestRepo repo = mustShowRepo(dir);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = prTrees(tmp);
    pr(repo.dir());
    assertThat(prTrees(tmp)).isEqualTo(before);
  }

  private static List<Path> prTrees(Path tmp) throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("docgate-pr-")).sorted().toList();
    }
  }

  private static List<String> lines(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.path("path").asText() + ":" + f.path("line").asText() + " "
        + f.path("rule").asText()));
    return out;
  }
}
