package org.docgate.markdown;

/**
 * Fence lines as CommonMark reads them, for the passes that rewrite a page's text before it is parsed ({@link
 * DoxygenBlocks}, {@link MdxSyntax}) and must leave what a fence holds alone. Pure.
 */
final class FenceLines {
  private FenceLines() {}

  /** The backtick or tilde run (three or more) opening a fence on this line, up to three spaces in, or null. */
  static String opening(String line) {
    int k = 0;
    while (k < line.length() && k < 4 && line.charAt(k) == ' ') {
      k++;
    }
    if (k > 3 || k >= line.length() || line.charAt(k) != '`' && line.charAt(k) != '~') {
      return null;
    }
    char c = line.charAt(k);
    int e = k;
    while (e < line.length() && line.charAt(e) == c) {
      e++;
    }
    return e - k >= 3 ? line.substring(k, e) : null;
  }

  /** Whether this line closes a fence opened by {@code fence}: the same character, as long or longer, nothing after. */
  static boolean closes(String line, String fence) {
    String run = opening(line);
    return run != null && run.charAt(0) == fence.charAt(0) && run.length() >= fence.length()
        && line.strip().length() == run.length();
  }
}
