package org.docgate.corpus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Number prefixes that order a site's menu and leave its URLs: Docusaurus drops a segment's {@code 03-} (also
 * {@code 03_}, {@code 03.}) from the route by default, as the Vercel AI SDK's and Atlassian's drag-and-drop docs rely
 * on ({@code /docs/ai-sdk-core/generating-text} for {@code docs/03-ai-sdk-core/05-generating-text.mdx}). Pure.
 */
public final class NumberPrefixes {
  /** One to three digits and a separator before a name that does not start with a digit (not a date's 2019-). */
  private static final Pattern PREFIX = Pattern.compile("^\\d{1,3}[-_.](?=[^\\d\\s])");

  private NumberPrefixes() {}

  /** The path with the number prefix of each segment removed. */
  public static String without(String path) {
    if (path.isEmpty() || !Character.isDigit(path.charAt(0)) && path.indexOf("/") < 0) {
      return path;
    }
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      java.util.regex.Matcher m = PREFIX.matcher(segments[i]);
      // "404.md" is a name, not a prefix and an extension
      if (m.find() && !(segments[i].charAt(m.end() - 1) == '.' && segments[i].indexOf('.', m.end()) < 0)) {
        segments[i] = segments[i].substring(m.end());
      }
    }
    return String.join("/", segments);
  }

  /** Each path of {@code paths} that has a number prefix, by its path without them; a form two paths share is left out. */
  public static Map<String, String> byRoute(Iterable<String> paths) {
    Map<String, String> out = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (String path : paths) {
      String route = without(path);
      if (!route.equals(path) && out.putIfAbsent(route, path) != null) {
        shared.add(route);
      }
    }
    shared.forEach(out::remove);
    return out;
  }
}
