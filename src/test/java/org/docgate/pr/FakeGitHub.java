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
 * A loopback fake of the GitHub issue-comments API for one repository: comments live in memory, pages hold
 * {@code perPage} comments with a {@code Link: rel="next"} header, and every request is recorded.
 */
public final class FakeGitHub extends Dispatcher {
  public record Seen(String method, String path, String authorization, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String repo;
  private final int perPage;
  private final Map<Long, String> comments = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final List<MockResponse> before = Collections.synchronizedList(new ArrayList<>());
  private long nextId = 100;

  public FakeGitHub(String repo, int perPage) {
    this.repo = repo;
    this.perPage = perPage;
  }

  /** A comment somebody else wrote. */
  public FakeGitHub withComment(String body) {
    comments.put(nextId++, body);
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
      return Map.copyOf(comments);
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
      String list = ".*/repos/" + repo + "/issues/";
      if (request.getMethod().equals("GET") && path.matches(list + "\\d+/comments")) {
        int page = Integer.parseInt(orDefault(request.getUrl().queryParameter("page"), "1"));
        List<Map.Entry<Long, String>> all;
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
        comments.put(id, JSON.readTree(body).path("body").asText());
        return new MockResponse.Builder().code(201).body(comment(id, comments.get(id)).toString()).build();
      }
      if (request.getMethod().equals("PATCH") && path.matches(list + "comments/\\d+")) {
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        if (!comments.containsKey(id)) {
          return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
        }
        comments.put(id, JSON.readTree(body).path("body").asText());
        return new MockResponse.Builder().code(200).body(comment(id, comments.get(id)).toString()).build();
      }
    } catch (Exception e) {
      return new MockResponse.Builder().code(400).body("{\"message\":\"bad request\"}").build();
    }
    return new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
  }

  private ObjectNode comment(long id, String body) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id);
    c.put("body", body);
    c.put("html_url", "https://github.com/" + repo + "/pull/1#issuecomment-" + id);
    return c;
  }

  private static String orDefault(String s, String d) {
    return s == null ? d : s;
  }
}
