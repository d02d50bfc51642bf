package org.docgate.corpus;

import java.util.regex.Pattern;

/**
 * A path glob on corpus-relative {@code /} paths: {@code **} crosses folders, {@code *} and {@code ?} do not,
 * {@code **}{@code /x} also matches {@code x} at the top. Pure.
 *
 * @param literal the longest text every matching path contains ({@code CHANGELOG} of {@code **}{@code /CHANGELOG*}),
 *     or empty: a path without it is no match and is not run through the regex (most paths tested against a list of
 *     globs match none, and the regexes were 2% of a scan's CPU)
 */
public record Glob(String pattern, Pattern regex, String literal) {

  public static Glob of(String pattern) {
    return new Glob(pattern, Pattern.compile(toRegex(pattern)), literal(pattern));
  }

  public boolean matches(String relativePath) {
    return relativePath.contains(literal) && regex.matcher(relativePath).matches();
  }

  /**
   * The longest run of plain characters outside braces: {@link #toRegex} quotes each, in order, with no wildcard
   * between them. The slash of {@code **}{@code /} is not one (that part may match nothing).
   */
  static String literal(String glob) {
    String longest = "";
    int start = 0;
    int depth = 0;
    for (int i = 0; i <= glob.length(); i++) {
      char c = i < glob.length() ? glob.charAt(i) : '*';
      boolean plain = depth == 0 && c != '*' && c != '?' && c != '{' && c != '}';
      if (plain) {
        continue;
      }
      if (i - start > longest.length()) {
        longest = glob.substring(start, i);
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == '*' && depth == 0 && i + 2 < glob.length() && glob.charAt(i + 1) == '*'
          && glob.charAt(i + 2) == '/') {
        i += 2;
      }
      start = i + 1;
    }
    return longest;
  }

  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        re.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '{') {
        re.append("(?:");
      } else if (c == '}') {
        re.append(')');
      } else if (c == ',' && glob.lastIndexOf('{', i) > glob.lastIndexOf('}', i)) {
        re.append('|');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
