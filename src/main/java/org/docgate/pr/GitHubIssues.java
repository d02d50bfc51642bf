package org.docgate.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.docgate.finding.Finding;
import org.docgate.http.Backoff;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;

/**
 * One issue per corpus for scheduled runs, through the GitHub REST API ({@link GitHubApi}): docgate's issue is the
 * one whose body starts with the corpus's marker <em>and</em> that the token's own identity opened (another person's
 * issue with the marker is never edited, nor read as the baseline). It is created when the corpus first has a finding
 * at the threshold, updated on every report (never duplicated), commented on when something new breaks, closed when
 * the corpus is clean and reopened when it is not.
 */
public final class GitHubIssues {
  /** What a report did to the issue. */
  public enum Action { CREATED, UPDATED, REOPENED, CLOSED, NONE }

  /** {@code number} 0 and {@code url} empty when no issue exists ({@link Action#NONE}: clean, none opened). */
  public record Published(Action action, long number, String url, int added, boolean commented) {
    /** For the log: {@code issue octo/docs#12 updated (3 new, commented): https://...}. */
    public String describe(String repo) {
      if (action == Action.NONE) {
        return "clean, no issue opened in " + repo;
      }
      return "issue " + repo + "#" + number + " " + action.name().toLowerCase(java.util.Locale.ROOT) + " (" + added
          + " new" + (commented ? ", commented" : "") + ")" + (url.isEmpty() ? "" : ": " + url);
    }
  }

  private final GitHubApi github;
  private final String repo;
  private final IssueReportRenderer renderer;
  private final Clock clock;

  public GitHubIssues(OkHttpClient client, String apiBase, String repo, String token, IssueReportRenderer renderer,
      Clock clock, GitHubApi.Sleeper sleeper, Backoff backoff) {
    this.repo = GitHubApi.checkedRepo(repo);
    this.github = new GitHubApi(client, apiBase, token, clock, sleeper, backoff);
    this.renderer = renderer;
    this.clock = clock;
  }

  /** Renders the report against the previous one (the issue's baseline) and brings the issue up to date. */
  public Published publish(ScanReport report, Readiness readiness) throws IOException, InterruptedException {
    Optional<JsonNode> issue = find();
    Optional<IssueBaseline> previous = issue.flatMap(i -> IssueBaseline.parse(i.path("body").asText("")));
    IssueReportRenderer.Rendered r = renderer.render(report, readiness, previous, clock.instant());
    if (issue.isEmpty()) {
      if (r.clean()) {
        return new Published(Action.NONE, 0, "", r.added().size(), false);
      }
      JsonNode created = github.call("POST", "repos/" + repo + "/issues", Map.of("title", r.title(), "body",
          r.body()));
      return new Published(Action.CREATED, created.path("number").asLong(), created.path("html_url").asText(""),
          r.added().size(), false);
    }
    long number = issue.get().path("number").asLong();
    boolean wasOpen = "open".equals(issue.get().path("state").asText());
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("title", r.title());
    patch.put("body", r.body());
    patch.put("state", r.clean() ? "closed" : "open");
    if (r.clean() && wasOpen) {
      patch.put("state_reason", "completed");
    }
    JsonNode updated = github.call("PATCH", "repos/" + repo + "/issues/" + number, patch);
    Action action = Action.UPDATED;
    if (wasOpen && r.clean()) {
      action = Action.CLOSED;
    } else if (!wasOpen && !r.clean()) {
      action = Action.REOPENED;
    }
    // without a baseline every finding looks new: no comment then, the body lists them
    List<Finding> breaking = previous.isPresent() ? renderer.breaking(r.added()) : List.of();
    if (!breaking.isEmpty()) {
      github.call("POST", "repos/" + repo + "/issues/" + number + "/comments",
          Map.of("body", renderer.comment(breaking)));
    }
    return new Published(action, number, updated.path("html_url").asText(""), r.added().size(),
        !breaking.isEmpty());
  }

  /**
   * docgate's issue for this corpus, open or closed. A user token lists only its own issues ({@code creator}); an
   * app token cannot name its bot there, so every issue is listed (up to 20,000) and the author checked on each.
   * Pull requests (which the issues API lists too) are skipped.
   */
  Optional<JsonNode> find() throws IOException, InterruptedException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("state", "all");
    String login = github.identity().login();
    if (login != null) {
      query.put("creator", login);
    }
    return github.findOwn("repos/" + repo + "/issues", query, renderer.marker(),
        item -> !item.has("pull_request"));
  }
}
