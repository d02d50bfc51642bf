package org.docgate.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Doxygen's code commands in Markdown pages: a line {@code @code{.py}} (or {@code \code}, {@code @verbatim}) up to a
 * line {@code @endcode} ({@code @endverbatim}) is a code block on the site Doxygen builds, not Markdown (OpenCV's
 * tutorials: a Python comment {@code # Find epilines ...} in one was read as an H1 with no content, judged WRONG in
 * round 41). Pure: the text with each closed pair of command lines written as a fence of the same length, so offsets,
 * lines and the body stay the document's; the block's class ({@code {.py}}) becomes the fence's attribute block, which
 * {@link CodeBlock#language()} reads.
 */
final class DoxygenBlocks {
  private static final Pattern OPEN =
      Pattern.compile("^([ \\t]*)[@\\\\](code|verbatim)(\\{[^{}`]*})?[ \\t]*\\r?$");

  private DoxygenBlocks() {}

  /** The text with Doxygen's closed code and verbatim blocks as fences; the text itself when it holds none. */
  static String asFences(String text) {
    if (text.indexOf("code") < 0 && text.indexOf("verbatim") < 0) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    boolean changed = false;
    String fence = null; // the Markdown fence we are in, if any
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (fence != null) {
        if (FenceLines.closes(line, fence)) {
          fence = null;
        }
        continue;
      }
      fence = FenceLines.opening(line);
      if (fence != null) {
        continue;
      }
      Matcher doxygen = OPEN.matcher(line);
      if (!doxygen.matches()) {
        continue;
      }
      int close = closing(lines, i + 1, doxygen.group(2));
      if (close < 0) {
        continue;
      }
      String indent = doxygen.group(1);
      String attributes = doxygen.group(3) == null ? "" : doxygen.group(3);
      lines[i] = padded(indent + "```" + attributes, line);
      lines[close] = padded(indent + "```", lines[close]);
      changed = true;
      i = close;
    }
    return changed ? String.join("\n", lines) : text;
  }

  /** The line of the command closing a block of {@code kind} from {@code from}, or -1 when another opens first. */
  private static int closing(String[] lines, int from, String kind) {
    String end = "end" + kind;
    for (int j = from; j < lines.length; j++) {
      String t = lines[j].strip();
      if (t.length() == end.length() + 1 && (t.charAt(0) == '@' || t.charAt(0) == '\\') && t.endsWith(end)) {
        return j;
      }
      if (OPEN.matcher(lines[j]).matches()) {
        return -1;
      }
    }
    return -1;
  }

  /** {@code replacement} padded with spaces to the length of {@code line} (its carriage return kept). */
  private static String padded(String replacement, String line) {
    boolean cr = line.endsWith("\r");
    int length = line.length() - (cr ? 1 : 0);
    return replacement + " ".repeat(Math.max(0, length - replacement.length())) + (cr ? "\r" : "");
  }
}
