package org.docgate.security;

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
import org.docgate.pr.FakeGitHub;
import org.docgate.pr.FakeGitHubServer;
import org.docgate.pr.FakeGitHub.Author;
import org.docgate.pr.GitHubIssues;
import org.docgate.pr.IssueReportRenderer;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Untrusted issue participants: anyone who can open an issue can start it with docgate's marker (and a forged
 * baseline). docgate edits, closes, reopens and comments on only the issue its own token opened; another person's
 * marked issue is never PATCHed, commented on, nor read as the previous report. Against a loopback fake GitHub.
 */
class IssueReportOwnershipTest {
  static final Instant NOW = Instant.parse("2026-12-05T23:00:00Z");
  static final IssueReportRenderer RENDERER = new IssueReportRenderer("docs", Severity.ERROR);
  static final ScanReport BROKEN = new ScanReport(ScanReport.SCHEMA, "/docs", NOW, NOW, 1, Map.of(), Map.of(),
      Fingerprints.assign(List.of(new Finding("links/missing-file", Severity.ERROR, "a.md", 1, 1,
          "'b.md' does not exist", "b.md", null, null))));
  /** A forged body: the marker, and a baseline claiming the broken link was seen already (to hide it). */
  static final String FORGED = RENDERER.marker() + "\nAll good here, nothing to see.\n<!-- docgate:seen error\n"
      + BROKEN.findings().get(0).fingerprint() + "\n-->\n";

  @RegisterExtension final FakeGitHubServer server = new FakeGitHubServer(new FakeGitHub("octo/docs", 2));
  final FakeGitHub github = server.github();


  GitHubIssues.Published publish() throws Exception {
    return new GitHubIssues(new OkHttpClient(), server.url("/"), "octo/docs", "ghp_token", RENDERER,
        Clock.fixed(NOW, ZoneOffset.UTC), d -> { },
        new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new SplittableRandom(1)))
        .publish(BROKEN, new Readiness(40, List.of()));
  }

  boolean touched(long number) {
    return github.seen().stream().anyMatch(s -> !s.method().equals("GET")
        && s.path().matches(".*/issues/" + number + "(/.*)?"));
  }

  @Test
  void anotherUsersIssueWithTheMarkerIsNeverEdited() throws Exception {
    github.withIssueBy(Author.user("octocat"), "docgate report: docs", FORGED, "open"); // #1
    GitHubIssues.Published p = publish();
    assertThat(p.action()).isEqualTo(GitHubIssues.Action.CREATED);
    assertThat(p.number()).isEqualTo(2);
    assertThat(touched(1)).isFalse();
    assertThat(github.issues().get(1L).body()).isEqualTo(FORGED);
  }

  @Test
  void aForgedIssueNeitherHidesOursNorLendsItsBaseline() throws Exception {
    github.withOwnIssue("docgate report: docs", RENDERER.marker() + "\nold\n<!-- docgate:seen error\n-->\n", "open")
        .withIssueBy(Author.user("octocat"), "docgate report: docs", FORGED, "open"); // #1 ours, #2 forged (newer)
    GitHubIssues.Published p = publish();
    assertThat(p.number()).isEqualTo(1);
    assertThat(p.action()).isEqualTo(GitHubIssues.Action.UPDATED);
    assertThat(p.commented()).isTrue(); // new against our own baseline, whatever the forged one claims
    assertThat(touched(2)).isFalse();
  }

  @Test
  void theAuthorIsCheckedEvenWhenTheListingIgnoresCreator() throws Exception {
    github.ignoringCreator()
        .withOwnIssue("docgate report: docs", RENDERER.marker() + "\nold\n<!-- docgate:seen error\n-->\n", "open")
        .withIssueBy(Author.user("octocat"), "docgate report: docs", FORGED, "open"); // newer: listed first
    GitHubIssues.Published p = publish();
    assertThat(p.number()).isEqualTo(1);
    assertThat(touched(2)).isFalse();
    assertThat(github.issues().get(2L).body()).isEqualTo(FORGED);
  }

  @Test
  void aClosedForgedIssueIsNotReopened() throws Exception {
    github.withIssueBy(Author.user("octocat"), "docgate report: docs", FORGED, "closed");
    publish();
    assertThat(github.issues().get(1L).state()).isEqualTo("closed");
    assertThat(touched(1)).isFalse();
  }

  @Test
  void withAnAppTokenOnlyTheAppsBotIssueIsOurs() throws Exception {
    github.actingAs(Author.app("docgate"))
        .withOwnIssue("docgate report: docs", RENDERER.marker() + "\nold", "closed") // #1: the app's issue
        .withIssueBy(Author.user("docgate[bot]"), "docgate report: docs", FORGED, "open") // a user named like the bot
        .withOwnPullRequest(FORGED); // #3, the app's own pull request: the issues API lists it, it is no report
    GitHubIssues.Published p = publish();
    assertThat(p.number()).isEqualTo(1);
    assertThat(p.action()).isEqualTo(GitHubIssues.Action.REOPENED);
    assertThat(touched(2)).isFalse();
    assertThat(touched(3)).isFalse();
  }
}
