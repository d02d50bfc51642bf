package org.docgate.validate.weblinks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.docgate.validate.links.LinkTarget;

/**
 * Fragments of remote pages: the {@code id} and {@code name} values of the fetched HTML (also inside JSON-escaped
 * payloads, as on GitHub's React pages), and GitHub's quirk that Markdown headings are rendered as
 * {@code id="user-content-<slug>"} while links say {@code #<slug>}. Pure.
 */
final class RemoteAnchors {
  private RemoteAnchors() {}

  private static final Pattern ID =
      Pattern.compile("(?i)(?<![\\w-])(?:id|name)\\s*=\\s*\\\\?[\"']([^\"'\\\\<>\\s]{1,300})\\\\?[\"']");
  private static final Pattern GITHUB_LINE = Pattern.compile("L\\d+(C\\d+)?(-L\\d+(C\\d+)?)?");
  private static final String GITHUB_PREFIX = "user-content-";

  enum Status { FOUND, MISSING, UNVERIFIED, NOT_CHECKED }

  static List<String> idsIn(String html) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = ID.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return List.copyOf(ids);
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
