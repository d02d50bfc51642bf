package org.docgate.markdown;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heading elements ({@code <h1>}-{@code <h6>}) written as raw HTML, with their text content as the DOM gives it
 * (tags and comments dropped, entities decoded, whitespace kept): the text GitHub's TableOfContentsFilter slugs.
 * Pure.
 */
final class HtmlHeadings {
  private static final Pattern OPEN = Pattern.compile("<h([1-6])(?=[\\s/>])[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
  /** The end tag of each level, {@code </h1>} at index 1. */
  private static final Pattern[] CLOSE = new Pattern[7];

  static {
    for (int level = 1; level <= 6; level++) {
      CLOSE[level] = Pattern.compile("</h" + level + "\\s*>", Pattern.CASE_INSENSITIVE);
    }
  }

  /** One heading element; {@code offset} is where its start tag begins in the source. */
  record Found(int level, String text, int offset) {}

  private HtmlHeadings() {}

  /**
   * The heading elements whose start tag lies in {@code source[from, until)} (one raw HTML node). The element ends
   * at its end tag, which may lie past the node (an {@code <h2>} whose text is a Markdown paragraph), else at the
   * node's end.
   */
  static List<Found> in(String source, int from, int until) {
    String fragment = HtmlScanner.blankComments(source.substring(from, until));
    List<Found> out = new ArrayList<>();
    Matcher open = OPEN.matcher(fragment);
    int next = 0;
    while (next < fragment.length() && open.find(next)) {
      int level = open.group(1).charAt(0) - '0';
      int textFrom = from + open.end();
      Matcher close = CLOSE[level].matcher(source);
      int textUntil = close.find(textFrom) ? close.start() : until;
      String inner = TAG.matcher(COMMENT.matcher(source.substring(textFrom, textUntil)).replaceAll("")).replaceAll("");
      out.add(new Found(level, Escaping.unescapeHtml(inner), from + open.start()));
      next = Math.max(open.end(), textUntil - from);
    }
    return out;
  }
}
