package org.docgate.corpus;

/**
 * A cheap upper estimate of how deeply a line nests block quotes and lists, measured before flexmark sees the text.
 * flexmark parses nested containers recursively and in more than linear time: a 10,000-deep {@code - - - ...} line
 * takes 8 s and a 512 MB stack, 20,000 levels 36 s, so depth must be bounded up front, not after the fact. Pure.
 */
final class NestingDepth {
  private NestingDepth() {}

  /** The first line nesting deeper than a limit: 1-based line and its estimated depth. */
  record TooDeep(int line, int depth) {}

  /**
   * Per line: container markers at its start ({@code >}, {@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)})
   * plus its indentation in columns / 2 (an indented list staircase nests one level per two columns).
   *
   * @return the first line deeper than {@code limit}, or null
   */
  static TooDeep firstLineDeeperThan(String text, int limit) {
    int line = 1;
    for (int start = 0; start < text.length(); line++) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int depth = depth(text, start, end);
      if (depth > limit) {
        return new TooDeep(line, depth);
      }
      start = end + 1;
    }
    return null;
  }

  private static int depth(String text, int start, int end) {
    int i = start;
    int columns = 0;
    for (; i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i++) {
      columns = text.charAt(i) == '\t' ? columns + 4 - columns % 4 : columns + 1;
    }
    int markers = 0;
    while (i < end) {
      char c = text.charAt(i);
      int next;
      if (c == '>') {
        next = i + 1;
      } else if ((c == '-' || c == '+' || c == '*') && isBlankAt(text, i + 1, end)) {
        next = i + 1;
      } else if (c >= '0' && c <= '9') {
        int j = i;
        while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        if (j >= end || (text.charAt(j) != '.' && text.charAt(j) != ')') || !isBlankAt(text, j + 1, end)) {
          break;
        }
        next = j + 1;
      } else {
        break;
      }
      markers++;
      for (i = next; i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i++) {
        // the space after a marker belongs to the marker, not to indentation
      }
    }
    return columns / 2 + markers;
  }

  private static boolean isBlankAt(String text, int i, int end) {
    return i >= end || text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r';
  }
}
