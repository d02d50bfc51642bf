package org.docgate.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.docgate.http.Backoff;

/**
 * One docgate comment per pull request, through the GitHub REST API ({@link GitHubApi}): the issue comments are
 * listed (every page), the one starting with {@link PrCommentRenderer#MARKER} <em>and written by the token's own
 * identity</em> is updated, else a new one is created. Another participant's comment with the marker is never edited.
 */
public final class GitHubComments {
  /** Waits between tries; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper extends GitHubApi.Sleeper {}

  /** What was done: {@code updated} an existing comment or created one. */
  public record Posted(boolean updated, long id, String url) {}

  private final GitHubApi github;
  private final String repo;
  private final int pr;

  public GitHubComments(OkHttpClient client, String apiBase, String repo, int pr, String token, Clock clock,
      Sleeper sleeper, Backoff backoff) {
    GitHubApi.checkedRepo(repo);
    if (pr < 1) {
      throw new IllegalArgumentException("--pr must be a positive number");
    }
    this.github = new GitHubApi(client, apiBase, token, clock, sleeper, backoff);
    this.repo = repo;
    this.pr = pr;
  }

  /** Updates the comment carrying the marker, or creates it. */
  public Posted upsert(String body) throws IOException, InterruptedException {
    Optional<Long> existing = findExisting();
    if (existing.isPresent()) {
      JsonNode answer = github.call("PATCH", "repos/" + repo + "/issues/comments/" + existing.get(),
          Map.of("body", body));
      return new Posted(true, existing.get(), answer.path("html_url").asText(""));
    }
    JsonNode answer = github.call("POST", "repos/" + repo + "/issues/" + pr + "/comments", Map.of("body", body));
    return new Posted(false, answer.path("id").asLong(), answer.path("html_url").asText(""));
  }

  Optional<Long> findExisting() throws IOException, InterruptedException {
    return github.findOwn("repos/" + repo + "/issues/" + pr + "/comments", Map.of(), PrCommentRenderer.MARKER,
        comment -> true).map(c -> c.path("id").asLong());
  }
}
