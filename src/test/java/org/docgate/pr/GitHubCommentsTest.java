package org.docgate.pr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.docgate.http.Backoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a loopback fake GitHub; waits are recorded, not slept. */
class GitHubCommentsTest {
  static final String TOKEN = "ghp_doNotLeakMe";
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @RegisterExtension final FakeGitHubServer server = new FakeGitHubServer(new FakeGitHub("octo/docs", 2));
  final FakeGitHub github = server.github();
  final List<Duration> waits = new ArrayList<>();
  final OkHttpClient client = new OkHttpClient();


  GitHubComments comments() {
    return new GitHubComments(client, server.url("/api/v3/"), "octo/docs", 7, TOKEN,
        Clock.fixed(NOW, ZoneOffset.UTC), waits::add,
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), new SplittableRandom(1)));
  }

  List<String> calls() {
    return github.seen().stream().map(s -> s.method() + " " + s.path()).toList();
  }

  @Test
  void theMarkedCommentOnTheThirdPageIsUpdated() throws Exception {
    github.withComment("a").withComment("b").withComment("c").withComment("d")
        .withOwnComment(PrCommentRenderer.MARKER + "\nold").withComment("f");
    GitHubComments.Posted posted = comments().upsert(PrCommentRenderer.MARKER + "\nnew");
    assertThat(posted.updated()).isTrue();
    assertThat(posted.id()).isEqualTo(104);
    assertThat(calls()).containsExactly("GET /api/v3/repos/octo/docs/issues/7/comments",
        "GET /api/v3/repos/octo/docs/issues/7/comments", "GET /api/v3/repos/octo/docs/issues/7/comments",
        "GET /api/v3/user", "PATCH /api/v3/repos/octo/docs/issues/comments/104");
    assertThat(github.comments().get(104L)).endsWith("new");
  }

  @Test
  void aCommentQuotingTheMarkerIsNotMistakenForOurs() throws Exception {
    github.withComment("why does docgate write " + PrCommentRenderer.MARKER + " ?");
    GitHubComments.Posted posted = comments().upsert(PrCommentRenderer.MARKER + "\nnew");
    assertThat(posted.updated()).isFalse();
    assertThat(github.comments()).hasSize(2);
  }

  @Test
  void aRateLimitedRequestWaitsAsLongAsRetryAfterSays() throws Exception {
    github.failFirst(new MockResponse.Builder().code(429).setHeader("Retry-After", "3").build());
    assertThat(comments().upsert(PrCommentRenderer.MARKER).updated()).isFalse();
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
    assertThat(calls()).containsExactly("GET /api/v3/repos/octo/docs/issues/7/comments",
        "GET /api/v3/repos/octo/docs/issues/7/comments", "POST /api/v3/repos/octo/docs/issues/7/comments");
  }

  @Test
  void anExhaustedRateLimitWaitsUntilTheReset() throws Exception {
    github.failFirst(new MockResponse.Builder().code(403).setHeader("x-ratelimit-remaining", "0")
        .setHeader("x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 20)).build());
    comments().upsert(PrCommentRenderer.MARKER);
    assertThat(waits).containsExactly(Duration.ofSeconds(21));
  }

  @Test
  void aRateLimitLongerThanTwoMinutesFailsClearly() {
    github.failFirst(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    assertThatThrownBy(() -> comments().upsert(PrCommentRenderer.MARKER))
        .isInstanceOf(GitHubException.class).hasMessageContaining("rate limited for 3600 s");
    assertThat(waits).isEmpty();
  }

  @Test
  void aForbiddenAnswerIsFinalAndItsMessageHoldsNoToken() {
    github.failFirst(new MockResponse.Builder().code(403)
        .body("{\"message\":\"Resource not accessible by integration\"}").build());
    assertThatThrownBy(() -> comments().upsert(PrCommentRenderer.MARKER))
        .isInstanceOf(GitHubException.class)
        .hasMessage("GitHub API: GET /api/v3/repos/octo/docs/issues/7/comments returned HTTP 403: Resource not"
            + " accessible by integration")
        .hasMessageNotContaining(TOKEN);
    assertThat(waits).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedWithBackoffAndThenReported() {
    MockResponse unavailable = new MockResponse.Builder().code(503).build();
    github.failFirst(unavailable, unavailable, unavailable, unavailable);
    assertThatThrownBy(() -> comments().upsert(PrCommentRenderer.MARKER))
        .hasMessageContaining("returned HTTP 503 after 4 tries");
    assertThat(waits).hasSize(3).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500),
        Duration.ofSeconds(8)));
  }

  @Test
  void aNextPageOnAnotherOriginIsNotFollowedWithTheToken() {
    github.failFirst(new MockResponse.Builder().code(200).body("[]")
        .setHeader("Link", "<https://evil.example/steal?page=2>; rel=\"next\"").build());
    assertThatThrownBy(() -> comments().upsert(PrCommentRenderer.MARKER))
        .isInstanceOf(GitHubException.class).hasMessageContaining("another origin");
    assertThat(calls()).containsExactly("GET /api/v3/repos/octo/docs/issues/7/comments");
  }

  @Test
  void badSettingsAreRefusedBeforeAnyRequest() {
    Clock clock = Clock.systemUTC();
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), new SplittableRandom(1));
    assertThatThrownBy(() -> new GitHubComments(client, "https://api.github.com", "../x", 1, TOKEN, clock,
        waits::add, backoff)).hasMessageContaining("owner/name");
    assertThatThrownBy(() -> new GitHubComments(client, "https://api.github.com", "o/r", 1, " ", clock,
        waits::add, backoff)).hasMessageContaining("GITHUB_TOKEN");
    assertThat(github.seen()).isEmpty();
  }
}
