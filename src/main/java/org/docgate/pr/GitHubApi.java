package org.docgate.pr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import java.util.SplittableRandom;
import okhttp3.Dns;
import org.docgate.http.Backoff;
import org.docgate.http.HttpClients;
import org.docgate.http.RetryAfter;
import org.docgate.report.MarkdownText;

/**
 * The GitHub REST API as docgate's publishers use it (the PR comment, the issue report): one token, one API origin,
 * and the rule by which docgate tells its own comment or issue from a participant's. Anyone taking part can write
 * docgate's hidden marker, so the marker alone proves nothing: the author must be the token's own identity ({@code
 * GET /user}), or, for an app token (which {@code GET /user} refuses), the app's bot user. Rate limits (429, and 403
 * with {@code Retry-After} or an exhausted {@code x-ratelimit-remaining}) and 502/503/504 are retried after the wait
 * the server names, or with backoff. The token goes only into the {@code Authorization} header of requests to the
 * configured API origin (pages included); it is in no message.
 */
public final class GitHubApi {
  /** Waits between tries; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  static final int MAX_TRIES = 4;
  static final Duration MAX_WAIT = Duration.ofMinutes(2);
  private static final int MAX_PAGES = 200;
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient client;
  private final HttpUrl api;
  private final String token;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private Identity self; // asked for once, when a marked item first turns up

  public GitHubApi(OkHttpClient client, String apiBase, String token, Clock clock, Sleeper sleeper, Backoff backoff) {
    HttpUrl parsed = HttpUrl.parse(apiBase);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: --github-api " + apiBase);
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("GITHUB_TOKEN is not set: posting to GitHub needs a token");
    }
    this.client = client;
    this.api = parsed;
    this.token = token.strip();
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = backoff;
  }

  /** The client the commands post with: 10 s to connect, 30 s per read, 60 s per call. */
  public static OkHttpClient client(String userAgent) {
    return HttpClients.create(new HttpClients.Settings(Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60), 2, userAgent), Dns.SYSTEM);
  }

  /** Waits between retries of a failed call when the server names none: 2 s doubling up to 60 s, jittered. */
  public static Backoff backoff() {
    return new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), new SplittableRandom());
  }

  /** {@code owner/name}, checked before it becomes two path segments. */
  public static String checkedRepo(String repo) {
    if (repo == null || !REPO.matcher(repo).matches() || repo.startsWith(".") || repo.contains("/.")) {
      throw new IllegalArgumentException("--github-repo must be owner/name, not '" + repo + "'");
    }
    return repo;
  }

  /**
   * The first item of a listing (every page) whose body starts with {@code marker}, that {@code kind} accepts, and
   * that the token's own identity wrote. A person quoting the marker further down, or writing it first, is not us.
   */
  Optional<JsonNode> findOwn(String path, Map<String, String> query, String marker, Predicate<JsonNode> kind)
      throws IOException, InterruptedException {
    HttpUrl.Builder first = url(path).newBuilder().addQueryParameter("per_page", "100");
    query.forEach(first::addQueryParameter);
    HttpUrl next = first.build();
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      Answer answer = send("GET", next, null);
      for (JsonNode item : JSON.readTree(answer.body())) {
        if (!item.path("body").asText("").stripLeading().startsWith(marker) || !kind.test(item)) {
          continue;
        }
        if (identity().wrote(item)) {
          return Optional.of(item);
        }
      }
      next = nextPage(answer.link());
    }
    return Optional.empty();
  }

  /** One call whose answer must be 2xx; its JSON. {@code body} is serialised as JSON (null: no body). */
  JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
    String json = body == null ? null : JSON.writeValueAsString(body);
    return JSON.readTree(send(method, url(path), json).body());
  }

  /**
   * Who the token writes as. A user token (personal or OAuth) gets its login from {@code GET /user}; an installation
   * token (a GitHub App, or Actions' {@code GITHUB_TOKEN}) is refused there with 401/403 and writes as a bot user.
   */
  Identity identity() throws IOException, InterruptedException {
    if (self != null) {
      return self;
    }
    Answer answer = exchange("GET", url("user"), null);
    if ((answer.code() == 401 || answer.code() == 403) && !answer.retried()) {
      return self = Identity.APP; // a rate-limited 403 that outlasted the retries is an error, not an app token
    }
    if (answer.code() < 200 || answer.code() > 299) {
      throw failed("GET", url("user"), answer);
    }
    String login = JSON.readTree(answer.body()).path("login").asText("");
    if (login.isEmpty()) {
      throw new GitHubException("GitHub API: GET /user gave no login; cannot tell docgate's comment from others'");
    }
    return self = new Identity(login);
  }

  /**
   * The token's identity. {@link #APP} (login null) stands for an app token: its comments and issues are written by
   * a {@code [bot]} user, either with {@code performed_via_github_app} set or as Actions' {@code github-actions[bot]}.
   * Only a repository admin installs apps, so another app's marked comment is not a participant's attack.
   */
  record Identity(String login) {
    static final Identity APP = new Identity(null);
    static final String ACTIONS_BOT = "github-actions[bot]";

    boolean wrote(JsonNode item) {
      JsonNode user = item.path("user");
      String author = user.path("login").asText("");
      if (login != null) {
        return author.equalsIgnoreCase(login);
      }
      boolean bot = "Bot".equals(user.path("type").asText("")) && author.endsWith("[bot]");
      JsonNode app = item.path("performed_via_github_app");
      return bot && ((app.isObject() && !app.isEmpty()) || author.equals(ACTIONS_BOT));
    }
  }

  /** The {@code rel="next"} page, only on the API's own origin (the token is never sent elsewhere). */
  HttpUrl nextPage(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    if (!m.find()) {
      return null;
    }
    HttpUrl url = HttpUrl.parse(m.group(1));
    if (url == null || !url.scheme().equals(api.scheme()) || !url.host().equals(api.host())
        || url.port() != api.port()) {
      throw new GitHubException("GitHub API: the next page points to another origin; not followed");
    }
    return url;
  }

  private Answer send(String method, HttpUrl url, String json) throws IOException, InterruptedException {
    Answer answer = exchange(method, url, json);
    if (answer.code() < 200 || answer.code() > 299) {
      throw failed(method, url, answer);
    }
    return answer;
  }

  private GitHubException failed(String method, HttpUrl url, Answer answer) {
    return new GitHubException("GitHub API: " + method + " " + url.encodedPath() + " returned HTTP " + answer.code()
        + apiMessage(answer.body()) + (answer.retried() ? " after " + MAX_TRIES + " tries" : ""));
  }

  /** One request, retried while rate limited or unavailable; the last answer, whatever its status. */
  private Answer exchange(String method, HttpUrl url, String json) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      Request request = new Request.Builder().url(url)
          .header("Authorization", "Bearer " + token)
          .header("Accept", "application/vnd.github+json")
          .header("X-GitHub-Api-Version", "2022-11-28")
          .method(method, json == null ? null : RequestBody.create(json, JSON_TYPE))
          .build();
      try (Response response = client.newCall(request).execute()) {
        String body = response.body().string();
        if (response.isSuccessful()) {
          return new Answer(response.code(), body, response.header("Link"), false);
        }
        Optional<Duration> wait = retryWait(response, attempt);
        if (wait.isEmpty() || attempt + 1 >= MAX_TRIES) {
          return new Answer(response.code(), body, response.header("Link"), wait.isPresent());
        }
        if (wait.get().compareTo(MAX_WAIT) > 0) {
          throw new GitHubException("GitHub API: rate limited for " + wait.get().toSeconds() + " s (more than "
              + MAX_WAIT.toSeconds() + " s); try again later");
        }
        sleeper.sleep(wait.get());
      }
    }
  }

  /** How long to wait before retrying, or empty when the answer is final. */
  Optional<Duration> retryWait(Response response, int attempt) {
    int code = response.code();
    String retryAfter = response.header("Retry-After");
    boolean exhausted = "0".equals(response.header("x-ratelimit-remaining"));
    boolean rateLimited = code == 429 || (code == 403 && (retryAfter != null || exhausted));
    if (!rateLimited && code != 502 && code != 503 && code != 504) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Duration> asked = RetryAfter.parse(retryAfter, now);
    if (asked.isPresent()) {
      return asked;
    }
    String reset = response.header("x-ratelimit-reset");
    if (exhausted && reset != null && reset.strip().matches("\\d{1,12}")) {
      Duration d = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.strip())));
      return Optional.of(d.isNegative() ? Duration.ZERO : d.plusSeconds(1));
    }
    return Optional.of(backoff.delay(attempt));
  }

  private static String apiMessage(String body) {
    try {
      String m = JSON.readTree(body).path("message").asText("");
      return m.isEmpty() ? "" : ": " + MarkdownText.shorten(m.replace('\n', ' '), 200);
    } catch (IOException e) {
      return "";
    }
  }

  private HttpUrl url(String path) {
    HttpUrl.Builder b = api.newBuilder();
    for (String segment : path.split("/")) {
      b.addPathSegment(segment);
    }
    return b.build();
  }

  private record Answer(int code, String body, String link, boolean retried) {}
}
