package org.docgate.markdown;

/**
 * What MDX adds to Markdown and a Markdown parser would read as prose: ESM {@code import}/{@code export} blocks (at
 * column 0, up to the next blank line, as MDX reads them) and {@code {/* ... *}{@code /}} comments. Pure: the text
 * with those characters blanked to spaces, so offsets and lines stay the document's. MDX's JSX elements need nothing:
 * a Markdown parser reads a line starting with a tag as HTML already. (MDX also has no indented code blocks: the
 * parser for {@code .mdx} files is built without them.)
 */
final class MdxSyntax {
  private MdxSyntax() {}

  /** The text with ESM blocks and MDX comments blanked, outside fenced code; the text itself when it holds none. */
  static String blanked(String text) {
    if (!text.contains("import ") && !text.contains("export ") && !text.contains("{/*")) {
      return text;
    }
    char[] out = text.toCharArray();
    boolean changed = false;
    String fence = null;
    boolean previousBlank = true;
    int i = 0;
    while (i < out.length) {
      int end = lineEnd(text, i);
      String line = text.substring(i, end);
      String fenceHere = FenceLines.opening(line);
      if (fence != null) {
        if (FenceLines.closes(line, fence)) {
          fence = null;
        }
      } else if (fenceHere != null) {
        fence = fenceHere;
      } else if (previousBlank && (line.startsWith("import ") || line.startsWith("export "))) {
        int blockEnd = i;
        while (blockEnd < out.length) { // up to the next blank line
          int e = lineEnd(text, blockEnd);
          if (text.substring(blockEnd, e).isBlank()) {
            break;
          }
          blockEnd = Math.min(out.length, e + 1);
        }
        blank(out, i, blockEnd);
        changed = true;
        i = blockEnd;
        previousBlank = false;
        continue;
      } else {
        int from = 0;
        for (int open = line.indexOf("{/*"); open >= 0; open = line.indexOf("{/*", from)) {
          int close = text.indexOf("*/}", i + open + 3);
          if (close < 0) {
            break;
          }
          blank(out, i + open, close + 3);
          changed = true;
          if (close + 3 > end) { // a comment over several lines: go on from its last line
            i = text.lastIndexOf('\n', close) + 1;
            end = lineEnd(text, i);
            line = text.substring(i, end);
          }
          from = close + 3 - i;
        }
      }
      previousBlank = line.isBlank();
      i = Math.min(out.length, end + 1);
    }
    return changed ? new String(out) : text;
  }

  private static int lineEnd(String text, int from) {
    int n = text.indexOf('\n', from);
    return n < 0 ? text.length() : n;
  }

  /** Blanks {@code out[from, to)} but its line breaks. */
  private static void blank(char[] out, int from, int to) {
    for (int k = from; k < to && k < out.length; k++) {
      if (out[k] != '\n' && out[k] != '\r') {
        out[k] = ' ';
      }
    }
  }
}
