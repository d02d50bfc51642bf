package org.docgate.pr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A loopback fake of the GitHub issues and issue-comments API for one repository: issues and comments live in memory
 * with their author, pages hold {@code perPage} items with a {@code Link: rel="next"} header, and every request is
 * recorded. Issues are listed newest first, filtered by {@code state} and {@code creator} as GitHub does. The token
 * acts as a user ({@code GET /user} answers its login; the default, {@value #TOKEN_USER}) or as an app ({@code GET
 * /user} is 403 and new comments are written by {@code <slug>[bot]} with {@code performed_via_github_app}).
 */
public final class FakeGitHub extends Dispatcher {
  public record Seen(String method, String path, String authorization, String body) {}

  /** Who wrote a comment: a user login, and the app's slug when an app wrote it (else null). */
  public record Author(String login, String type, String app) {
    public static Author user(String login) {
      return new Author(login, "User", null);
    }

    public static Author app(String slug) {
      return new Author(slug + "[bot]", "Bot", slug);
    }
  }

  private record Comment(Author author, String body, long issue) {}

  /** An issue (or, with {@code pullRequest}, a pull request, which the issues API lists too). */
  public record Issue(Author author, String title, String body, String state, boolean pullRequest) {}

  public static final String TOKEN_USER = "docgate-ci";
  static final String SOMEBODY = "octocat";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String repo;
  private final int perPage;
  private final Map<Long, Comment> comments = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<Long, Issue> issues = Collections.synchronizedMap(new LinkedHashMap<>());
  private long nextNumber = 1;
  private volatile boolean creatorFilter = true;
  private volatile Author self = Author.user(TOKEN_USER);
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final List<MockResponse> before = Collections.synchronizedList(new ArrayList<>());
  private long nextId = 100;

  public FakeGitHub(String repo, int perPage) {
    this.repo = repo;
    this.perPage = perPage;
  }

  /** A comment somebody else wrote. */
  public FakeGitHub withComment(String body) {
    return withCommentBy(Author.user(SOMEBODY), body);
  }

  /** A comment written by {@code author}. */
  public FakeGitHub withCommentBy(Author author, String body) {
    comments.put(nextId++, new Comment(author, body, 7));
    return this;
  }

  /** A comment written earlier with the token itself (by docgate). */
  public FakeGitHub withOwnComment(String body) {
    return withCommentBy(self, body);
  }

  /** The token acts as this author from now on. */
  public FakeGitHub actingAs(Author author) {
    self = author;
    return this;
  }

  /** Answers the next requests with these responses first (rate limits...), then normally. */
  public FakeGitHub failFirst(MockResponse... responses) {
    before.addAll(List.of(responses));
    return this;
  }

  /** An issue opened by {@code author}; its number is returned by {@link #issues()} order (1, 2, ...). */
  public FakeGitHub withIssueBy(Author author, String title, String body, String state) {
    issues.put(nextNumber++, new Issue(author, title, body, state, false));
    return this;
  }

  /** An issue opened earlier with the token itself. */
  public FakeGitHub withOwnIssue(String title, String body, String state) {
    return withIssueBy(self, title, body, state);
  }

  /** A pull request opened with the token itself (the issues API lists it among the issues). */
  public FakeGitHub withOwnPullRequest(String body) {
    issues.put(nextNumber++, new Issue(self, "a pull request", body, "open", true));
    return this;
  }

  /** Lists issues ignoring {@code creator}, as a GitHub that does not know the parameter would. */
  public FakeGitHub ignoringCreator() {
    creatorFilter = false;
    return this;
  }

  public Map<Long, Issue> issues() {
    synchronized (issues) {
      return Map.copyOf(issues);
    }
  }

  /** The bodies of the comments on one issue, oldest first. */
  public List<String> commentsOn(long issue) {
    synchronized (comments) {
      return comments.values().stream().filter(c -> c.issue() == issue).map(Comment::body).toList();
    }
  }

  public List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  public Map<Long, String> comments() {
    synchronized (comments) {
      Map<Long, String> out = new LinkedHashMap<>();
      comments.forEach((id, c) -> out.put(id, c.body()));
      return Collections.unmodifiableMap(out);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    seen.add(new Seen(request.getMethod(), path, request.getHeaders().get("Authorization"), body));
    if (!before.isEmpty()) {
      return before.remove(0);
    }
    try {
      if (request.getMethod().equals("GET") && path.matches(".*/user")) {
        Author me = self;
        return me.type().equals("Bot")
            ? new MockResponse.Builder().code(403).body("{\"message\":\"Resource not accessible by integration\"}")
                .build()
            : new MockResponse.Builder().code(200).body(JSON.createObjectNode().put("login", me.login())
                .put("type", me.type()).toString()).build();
      }
      String list = ".*/repos/" + repo + "/issues/";
      if (request.getMethod().equals("GET") && path.matches(list + "\\d+/comments")) {
        long issue = Long.parseLong(path.split("/")[path.split("/").length - 2]);
        List<ObjectNode> all = new ArrayList<>();
        synchronized (comments) {
          comments.forEach((id, c) -> {
            if (c.issue() == issue) {
              all.add(comment(id, c));
            }
          });
        }
        return page(request, all);
      }
      if (request.getMethod().equals("GET") && path.matches(".*/repos/" + repo + "/issues")) {
        String state = orDefault(request.getUrl().queryParameter("state"), "open");
        String creator = creatorFilter ? request.getUrl().queryParameter("creator") : null;
        List<ObjectNode> all = new ArrayList<>();
        synchronized (issues) {
          issues.forEach((n, i) -> {
            if ((state.equals("all") || state.equals(i.state()))
                && (creator == null || creator.equalsIgnoreCase(i.author().login()))) {
              all.add(0, issue(n, i)); // newest first
            }
          });
        }
        return page(request, all);
      }
      if (request.getMethod().equals("POST") && path.matches(".*/repos/" + repo + "/issues")) {
        long n = nextNumber++;
        var json = JSON.readTree(body);
        issues.put(n, new Issue(self, json.path("title").asText(), json.path("body").asText(), "open", false));
        return new MockResponse.Builder().code(201).body(issue(n, issues.get(n)).toString()).build();
      }
      if (request.getMethod().equals("PATCH") && path.matches(list + "\\d+")) {
        long n = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        Issue old = issues.get(n);
        if (old == null) {
          return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
        }
        var json = JSON.readTree(body);
        issues.put(n, new Issue(old.author(), json.path("title").asText(old.title()),
            json.path("body").asText(old.body()), json.path("state").asText(old.state()), old.pullRequest()));
        return new MockResponse.Builder().code(200).body(issue(n, issues.get(n)).toString()).build();
      }
      if (request.getMethod().equals("POST") && path.matches(list + "\\d+/comments")) {
        long id = nextId++;
        long issue = Long.parseLong(path.split("/")[path.split("/").length - 2]);
        comments.put(id, new Comment(self, JSON.readTree(body).path("body").asText(), issue));
        return new MockResponse.Builder().code(201).body(comment(id, comments.get(id)).toString()).build();
      }
      if (request.getMethod().equals("PATCH") && path.matches(list + "comments/\\d+")) {
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        if (!comments.containsKey(id)) {
          return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
        }
        comments.put(id, new Comment(comments.get(id).author(), JSON.readTree(body).path("body").asText(),
            comments.get(id).issue()));
        return new MockResponse.Builder().code(200).body(comment(id, comments.get(id)).toString()).build();
      }
    } catch (Exception e) {
      return new MockResponse.Builder().code(400).body("{\"message\":\"bad request\"}").build();
    }
    return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
  }

  private MockResponse page(RecordedRequest request, List<ObjectNode> all) {
    int page = Integer.parseInt(orDefault(request.getUrl().queryParameter("page"), "1"));
    ArrayNode out = JSON.createArrayNode();
    int from = (page - 1) * perPage;
    for (int i = from; i < Math.min(all.size(), from + perPage); i++) {
      out.add(all.get(i));
    }
    MockResponse.Builder b = new MockResponse.Builder().code(200).body(out.toString());
    if (from + perPage < all.size()) {
      b.setHeader("Link", "<" + request.getUrl().newBuilder().setQueryParameter("page",
          String.valueOf(page + 1)).build() + ">; rel=\"next\", <http://x.invalid/last>; rel=\"last\"");
    }
    return b.build();
  }

  private ObjectNode issue(long number, Issue issue) {
    ObjectNode i = JSON.createObjectNode();
    i.put("id", 9000 + number);
    i.put("number", number);
    i.put("title", issue.title());
    i.put("body", issue.body());
    i.put("state", issue.state());
    i.putObject("user").put("login", issue.author().login()).put("type", issue.author().type());
    if (issue.author().app() != null) {
      i.putObject("performed_via_github_app").put("slug", issue.author().app()).put("id", 1);
    } else {
      i.putNull("performed_via_github_app");
    }
    if (issue.pullRequest()) {
      i.putObject("pull_request").put("url", "https://api.github.com/repos/" + repo + "/pulls/" + number);
    }
    i.put("html_url", "https://github.com/" + repo + "/issues/" + number);
    return i;
  }

  private ObjectNode comment(long id, Comment comment) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id);
    c.put("body", comment.body());
    c.putObject("user").put("login", comment.author().login()).put("type", comment.author().type());
    if (comment.author().app() != null) {
      c.putObject("performed_via_github_app").put("slug", comment.author().app()).put("id", 1);
    } else {
      c.putNull("performed_via_github_app");
    }
    c.put("html_url", "https://github.com/" + repo + "/pull/1#issuecomment-" + id);
    return c;
  }

  private static String orDefault(String s, String d) {
    return s == null ? d : s;
  }
}
