package org.docgate.corpus;

import java.util.regex.Pattern;

/**
 * A path glob on corpus-relative {@code /} paths: {@code **} crosses folders, {@code *} and {@code ?} do not,
 * {@code **}{@code /x} also matches {@code x} at the top. Pure.
 */
public record Glob(String pattern, Pattern regex) {

  public static Glob of(String pattern) {
    return new Glob(pattern, Pattern.compile(toRegex(pattern)));
  }

  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
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
