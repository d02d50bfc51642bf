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
 * A loopback fake of the GitHub issue-comments API for one repository: comments live in memory with their author,
 * pages hold {@code perPage} comments with a {@code Link: rel="next"} header, and every request is recorded. The token
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

  private record Comment(Author author, String body) {}

  public static final String TOKEN_USER = "docgate-ci";
  static final String SOMEBODY = "octocat";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String repo;
  private final int perPage;
  private final Map<Long, Comment> comments = Collections.synchronizedMap(new LinkedHashMap<>());
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
    comments.put(nextId++, new Comment(author, body));
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
        int page = Integer.parseInt(orDefault(request.getUrl().queryParameter("page"), "1"));
        List<Map.Entry<Long, Comment>> all;
        synchronized (comments) {
          all = new ArrayList<>(comments.entrySet());
        }
        ArrayNode out = JSON.createArrayNode();
        int from = (page - 1) * perPage;
        for (int i = from; i < Math.min(all.size(), from + perPage); i++) {
          out.add(comment(all.get(i).getKey(), all.get(i).getValue()));
        }
        MockResponse.Builder b = new MockResponse.Builder().code(200).body(out.toString());
        if (from + perPage < all.size()) {
          b.setHeader("Link", "<" + request.getUrl().newBuilder().setQueryParameter("page",
              String.valueOf(page + 1)).build() + ">; rel=\"next\", <http://x.invalid/last>; rel=\"last\"");
        }
        return b.build();
      }
      if (request.getMethod().equals("POST") && path.matches(list + "\\d+/comments")) {
        long id = nextId++;
        comments.put(id, new Comment(self, JSON.readTree(body).path("body").asText()));
        return new MockResponse.Builder().code(201).body(comment(id, comments.get(id)).toString()).build();
      }
      if (request.getMethod().equals("PATCH") && path.matches(list + "comments/\\d+")) {
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        if (!comments.containsKey(id)) {
          return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
        }
        comments.put(id, new Comment(comments.get(id).author(), JSON.readTree(body).path("body").asText()));
        return new MockResponse.Builder().code(200).body(comment(id, comments.get(id)).toString()).build();
      }
    } catch (Exception e) {
      return new MockResponse.Builder().code(400).body("{\"message\":\"bad request\"}").build();
    }
    return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
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
