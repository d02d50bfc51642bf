package org.docgate.pr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import okhttp3.OkHttpClient;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.docgate.http.Backoff;
import org.docgate.pr.GitHubIssues.Action;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The issue report of scheduled runs against a loopback fake GitHub: one issue per corpus through its life. */
class GitHubIssuesTest {
  static final Instant NOW = Instant.parse("2026-12-05T23:00:00Z");
  static final Finding BROKEN = error("guide.md", 3, "links/missing-file", "'install.md' does not exist");
  static final Finding ANCHOR = error("faq.md", 9, "links/missing-anchor", "no heading '#setup' in 'guide.md'");
  static final Finding TERM = new Finding("terms/substitution", Severity.WARNING, "guide.md", 5, 1,
      "use 'Kubernetes', not 'k8s'", null, null, null);

  @RegisterExtension final FakeGitHubServer server = new FakeGitHubServer(new FakeGitHub("octo/docs", 2));
  final FakeGitHub github = server.github();


  static Finding error(String path, int line, String rule, String message) {
    return new Finding(rule, Severity.ERROR, path, line, 1, message, null, null, null);
  }

  static ScanReport report(Finding... findings) {
    return new ScanReport(ScanReport.SCHEMA, "/docs", NOW, NOW, 4, Map.of(), Map.of(),
        Fingerprints.assign(List.of(findings)));
  }

  GitHubIssues issues(String corpus) {
    return new GitHubIssues(new OkHttpClient(), server.url("/"), "octo/docs", "ghp_token",
        new IssueReportRenderer(corpus, Severity.ERROR), Clock.fixed(NOW, ZoneOffset.UTC), d -> { },
        new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new SplittableRandom(1)));
  }

  GitHubIssues.Published publish(ScanReport report) throws Exception {
    return issues("docs").publish(report, new Readiness(72.5, List.of()));
  }

  @Test
  void aCleanCorpusWithoutAnIssueOpensNone() throws Exception {
    GitHubIssues.Published p = publish(report(TERM));
    assertThat(p.action()).isEqualTo(Action.NONE);
    assertThat(github.issues()).isEmpty();
  }

  @Test
  void theFirstReportOpensOneIssueWithTheFindingsGatesAndWorstFiles() throws Exception {
    GitHubIssues.Published p = publish(report(BROKEN, TERM));
    assertThat(p.action()).isEqualTo(Action.CREATED);
    assertThat(p.number()).isEqualTo(1);
    FakeGitHub.Issue issue = github.issues().get(1L);
    assertThat(issue.title()).isEqualTo("docgate report: docs");
    assertThat(issue.state()).isEqualTo("open");
    assertThat(issue.body()).startsWith(IssueReportRenderer.marker("docs"))
        .contains("**Not clean** · **1 errors**, 1 warnings, 0 info in 4 documents · readiness **72.5** / 100")
        .contains("#### Findings (first report: 2)").contains("#### Readiness gates").contains("#### Worst files")
        .contains("| guide.md | 1 | 1 | 0 |").contains("<!-- docgate:seen error,warning,info\n");
    assertThat(github.commentsOn(1)).isEmpty();
  }

  @Test
  void theGatesOfReadinessYamlAreATableInTheBody() throws Exception {
    ScanReport report = report(BROKEN);
    org.docgate.report.readiness.Readiness scored = org.docgate.report.readiness.ReadinessScorer.score(
        org.docgate.report.readiness.ReadinessRules.fromRules(org.docgate.config.RuleFiles.packaged()),
        Map.of("linkValidity", 0.5), report.findings());
    issues("docs").publish(report, scored);
    assertThat(github.issues().get(1L).body()).contains("| Status | Gate | Value | Severity | Weight |")
        .contains("| fail | linkValidity | 50.00% &#40;min 99.00%&#41; | blocking | 3.0 |");
  }

  @Test
  void theNextReportUpdatesTheSameIssueAndCommentsOnlyOnWhatNewlyBreaks() throws Exception {
    publish(report(BROKEN));
    GitHubIssues.Published same = publish(report(BROKEN, TERM));
    assertThat(same.action()).isEqualTo(Action.UPDATED);
    assertThat(same.added()).isEqualTo(1); // the warning is new; not worth a comment
    assertThat(same.commented()).isFalse();
    assertThat(github.issues().get(1L).body()).contains("#### New since the previous report (1)")
        .contains("k8s");

    GitHubIssues.Published broke = publish(report(BROKEN, TERM, ANCHOR));
    assertThat(broke.action()).isEqualTo(Action.UPDATED);
    assertThat(broke.commented()).isTrue();
    assertThat(github.issues()).hasSize(1);
    assertThat(github.commentsOn(1)).singleElement().asString()
        .startsWith("**1 new finding** at error severity or worse since the previous report:")
        .contains("faq.md:9").doesNotContain("guide.md:3");
  }

  @Test
  void aCleanCorpusClosesTheIssueAndABreakReopensIt() throws Exception {
    publish(report(BROKEN));
    GitHubIssues.Published clean = publish(report(TERM));
    assertThat(clean.action()).isEqualTo(Action.CLOSED);
    assertThat(github.issues().get(1L).state()).isEqualTo("closed");
    assertThat(github.issues().get(1L).body()).contains("**Clean**");
    assertThat(github.seen()).anySatisfy(s -> assertThat(s.body()).contains("\"state_reason\":\"completed\""));

    assertThat(publish(report(TERM)).action()).isEqualTo(Action.UPDATED); // stays closed
    assertThat(github.issues().get(1L).state()).isEqualTo("closed");

    GitHubIssues.Published reopened = publish(report(TERM, ANCHOR));
    assertThat(reopened.action()).isEqualTo(Action.REOPENED);
    assertThat(reopened.commented()).isTrue();
    assertThat(github.issues()).hasSize(1);
    assertThat(github.issues().get(1L).state()).isEqualTo("open");
  }

  @Test
  void eachCorpusHasItsOwnIssue() throws Exception {
    issues("docs").publish(report(BROKEN), new Readiness(50, List.of()));
    issues("handbook").publish(report(ANCHOR), new Readiness(50, List.of()));
    issues("docs").publish(report(BROKEN, ANCHOR), new Readiness(50, List.of()));
    assertThat(github.issues()).hasSize(2);
    assertThat(github.issues().get(2L).title()).isEqualTo("docgate report: handbook");
    assertThat(github.commentsOn(1)).hasSize(1);
    assertThat(github.commentsOn(2)).isEmpty();
  }

  @Test
  void aUserTokenListsOnlyItsOwnIssuesOfEveryState() throws Exception {
    publish(report(BROKEN));
    assertThat(github.seen()).filteredOn(s -> s.method().equals("GET") && s.path().endsWith("/issues"))
        .isNotEmpty();
    assertThat(server.takeRequest().getUrl().toString()).endsWith("/user");
    String list = server.takeRequest().getUrl().toString();
    assertThat(list).contains("state=all").contains("creator=" + FakeGitHub.TOKEN_USER);
  }
}
