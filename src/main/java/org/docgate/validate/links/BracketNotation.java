package org.docgate.validate.links;

/**
 * Option-syntax notation that looks like a reference link: {@code -p=[[ip:][hostPort]:]containerPort} (podman's man
 * pages) writes {@code [ip:][hostPort]} inside a literal bracket, on purpose, as text. A full or collapsed reference
 * is read as such notation when the bracket just before it is a literal {@code [} or the character just after it is
 * a {@code ]}: a link nested in brackets is not how anyone writes a link. Pure.
 */
final class BracketNotation {
  private BracketNotation() {}

  /**
   * Whether the reference starting at {@code start} of {@code line} ({@code [text][label]} or {@code [label][]},
   * an image's {@code !} first) sits directly inside brackets. False when the reference does not end on the line.
   */
  static boolean isNotation(String line, int start) {
    int open = start < line.length() && line.charAt(start) == '!' ? start + 1 : start;
    int textEnd = closing(line, open);
    int end = textEnd < 0 ? -1 : closing(line, textEnd + 1);
    if (end < 0) {
      return false;
    }
    return (open > 0 && line.charAt(open - 1) == '[') || (end + 1 < line.length() && line.charAt(end + 1) == ']');
  }

  /** The index of the {@code ]} closing the {@code [} at {@code at} (backslash escapes and nesting respected), or -1. */
  private static int closing(String line, int at) {
    if (at < 0 || at >= line.length() || line.charAt(at) != '[') {
      return -1;
    }
    int depth = 0;
    for (int i = at; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
