package org.docgate.markdown;

/**
 * A fenced or indented code block.
 *
 * @param info the full info string of a fence (empty for indented blocks)
 * @param startLine 1-based line of the opening fence (or first indented line)
 * @param endLine 1-based line of the closing fence, or the last line of the block
 * @param closed false when a fence runs to the end of the document unclosed
 * @param commentBefore the HTML comment block right before the fence (such as {@code <!-- docgate-run -->}), or empty
 */
public record CodeBlock(
    boolean fenced, String info, String body, int startLine, int endLine, boolean closed, String commentBefore) {

  public CodeBlock(boolean fenced, String info, String body, int startLine, int endLine, boolean closed) {
    this(fenced, info, body, startLine, endLine, closed, "");
  }

  /** The first word of the info string, lower-case, or empty. */
  public String language() {
    String trimmed = info.strip();
    int end = 0;
    while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != '{') {
      end++;
    }
    return trimmed.substring(0, end).toLowerCase(java.util.Locale.ROOT);
  }
}
