package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import okhttp3.OkHttpClient;
import org.docgate.http.Backoff;
import org.docgate.pr.FakeGitHub;
import org.docgate.pr.FakeGitHubServer;
import org.docgate.pr.FakeGitHub.Author;
import org.docgate.pr.GitHubComments;
import org.docgate.pr.PrCommentRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Untrusted PR participants: anyone can write a comment starting with docgate's marker. docgate edits only a comment
 * its own token wrote (the {@code GET /user} login, or the app's bot for an app token); it never PATCHes another
 * user's comment, and a forged comment neither hides nor replaces its real one. Against a loopback fake GitHub.
 */
class PrCommentOwnershipTest {
  static final String FORGED = PrCommentRenderer.MARKER + "\nAll checks passed, merge away!";

  @RegisterExtension final FakeGitHubServer server = new FakeGitHubServer(new FakeGitHub("octo/docs", 2));
  final FakeGitHub github = server.github();


  GitHubComments.Posted post(String body) throws Exception {
    return new GitHubComments(new OkHttpClient(), server.url("/"), "octo/docs", 7, "ghp_token",
        Clock.systemUTC(), d -> { }, new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new SplittableRandom(1)))
        .upsert(body);
  }

  boolean patched(long id) {
    return github.seen().stream().anyMatch(s -> s.method().equals("PATCH") && s.path().endsWith("/" + id));
  }

  @Test
  void anotherUsersCommentWithTheMarkerIsNeverPatched() throws Exception {
    github.withComment(FORGED); // id 100, by octocat
    GitHubComments.Posted posted = post(PrCommentRenderer.MARKER + "\nreal report");
    assertThat(posted.updated()).isFalse();
    assertThat(patched(100)).isFalse();
    assertThat(github.comments().get(100L)).isEqualTo(FORGED);
    assertThat(github.comments().get(posted.id())).endsWith("real report");
  }

  @Test
  void aForgedCommentBeforeOursDoesNotHideOurs() throws Exception {
    github.withComment(FORGED).withComment("LGTM").withOwnComment(PrCommentRenderer.MARKER + "\nold"); // 100..102
    GitHubComments.Posted posted = post(PrCommentRenderer.MARKER + "\nnew");
    assertThat(posted.updated()).isTrue();
    assertThat(posted.id()).isEqualTo(102);
    assertThat(patched(100)).isFalse();
    assertThat(github.comments()).hasSize(3).containsEntry(100L, FORGED);
  }

  @Test
  void withAnAppTokenOnlyTheAppsBotCommentIsOurs() throws Exception {
    github.actingAs(Author.app("docgate"))
        .withComment(FORGED) // 100: a user
        .withCommentBy(Author.user("docgate[bot]"), FORGED) // 101: a user who named himself like the bot
        .withOwnComment(PrCommentRenderer.MARKER + "\nold"); // 102: the app
    GitHubComments.Posted posted = post(PrCommentRenderer.MARKER + "\nnew");
    assertThat(posted.id()).isEqualTo(102);
    assertThat(patched(100)).isFalse();
    assertThat(patched(101)).isFalse();
  }

  @Test
  void withTheActionsTokenTheActionsBotCommentIsOurs() throws Exception {
    github.actingAs(new Author("github-actions[bot]", "Bot", null))
        .withComment(FORGED).withOwnComment(PrCommentRenderer.MARKER + "\nold");
    GitHubComments.Posted posted = post(PrCommentRenderer.MARKER + "\nnew");
    assertThat(posted.updated()).isTrue();
    assertThat(posted.id()).isEqualTo(101);
    assertThat(patched(100)).isFalse();
  }

  @Test
  void anAppTokenNeverTakesAUsersComment() throws Exception {
    github.actingAs(Author.app("docgate")).withComment(FORGED);
    GitHubComments.Posted posted = post(PrCommentRenderer.MARKER + "\nnew");
    assertThat(posted.updated()).isFalse();
    assertThat(patched(100)).isFalse();
  }
}
