package org.docgate.validate.weblinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.docgate.corpus.LinkTarget;

/**
 * Fragments of remote pages: the {@code id} attributes and {@code <a name>} values of the fetched HTML as a browser
 * sees them (jsoup; a regex also took {@code id="x"} written inside {@code <pre>}, {@code <script>} or comments,
 * so a link to an anchor that did not exist passed), also in the HTML that JSON data blocks carry (GitHub's React
 * pages embed the rendered README as a JSON string), and GitHub's quirk that Markdown headings are rendered as
 * {@code id="user-content-<slug>"} while links say {@code #<slug>}. Pure.
 */
final class RemoteAnchors {
  private RemoteAnchors() {}

  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_ID = 300;
  private static final Pattern GITHUB_LINE = Pattern.compile("L\\d+(C\\d+)?(-L\\d+(C\\d+)?)?");
  private static final String GITHUB_PREFIX = "user-content-";

  enum Status { FOUND, MISSING, UNVERIFIED, NOT_CHECKED }

  static List<String> idsIn(String html) {
    Set<String> ids = new LinkedHashSet<>();
    Document page = Jsoup.parse(html);
    collect(page, ids);
    for (Element data : page.select("script[type~=(?i)json]")) {
      for (String embedded : htmlStringsIn(data.data())) {
        collect(Jsoup.parseBodyFragment(embedded), ids);
      }
    }
    return List.copyOf(ids);
  }

  private static void collect(Document doc, Set<String> ids) {
    for (Element e : doc.select("[id], a[name]")) {
      for (String value : List.of(e.attr("id"), e.normalName().equals("a") ? e.attr("name") : "")) {
        if (!value.isBlank() && value.length() <= MAX_ID) {
          ids.add(value);
        }
      }
    }
  }

  /** The string values of a JSON block that hold markup; a block cut off by the page size limit yields its start. */
  private static List<String> htmlStringsIn(String json) {
    List<String> found = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(json)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.VALUE_STRING && parser.getText().indexOf('<') >= 0) {
          found.add(parser.getText());
        }
      }
    } catch (IOException e) {
      // not JSON, or truncated: the strings read so far are kept
    }
    return found;
  }

  static boolean isGithub(HttpUrl url) {
    String h = url.host();
    return h.equals("github.com") || h.equals("www.github.com");
  }

  /** Whether this fragment is one docgate checks at all (not empty, not #top, not a route or a line range). */
  static boolean worthChecking(HttpUrl url, String fragment) {
    if (fragment == null || fragment.isEmpty() || fragment.equals("top") || fragment.startsWith("/")
        || fragment.startsWith("!") || fragment.startsWith(":~:")) {
      return false;
    }
    return !(isGithub(url) && GITHUB_LINE.matcher(fragment).matches());
  }

  static Status find(HttpUrl url, CheckResult page, String fragment) {
    if (!worthChecking(url, fragment)) {
      return Status.NOT_CHECKED;
    }
    if (page.anchors() == null || page.anchors().isEmpty()) {
      return Status.UNVERIFIED; // not HTML, or rendered by JavaScript: nothing to compare with
    }
    String f = LinkTarget.percentDecode(fragment);
    Set<String> ids = Set.copyOf(page.anchors());
    boolean github = isGithub(url);
    for (String candidate : List.of(f, fragment)) {
      if (ids.contains(candidate)) {
        return Status.FOUND;
      }
      if (github && (ids.contains(GITHUB_PREFIX + candidate)
          || ids.contains(GITHUB_PREFIX + candidate.toLowerCase(Locale.ROOT)))) {
        return Status.FOUND;
      }
    }
    return page.anchorsComplete() ? Status.MISSING : Status.UNVERIFIED;
  }

  /** The ids as a reader would write them after {@code #} (GitHub's prefix dropped). */
  static List<String> linkable(HttpUrl url, List<String> ids) {
    if (!isGithub(url)) {
      return ids;
    }
    return ids.stream().filter(i -> i.startsWith(GITHUB_PREFIX)).map(i -> i.substring(GITHUB_PREFIX.length()))
        .toList();
  }
}
