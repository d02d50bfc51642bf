package org.docgate.markdown;

/**
 * A Markdown heading (ATX or setext).
 *
 * @param text the rendered text (inline code, emphasis and link text kept, markup dropped)
 * @param anchor GitHub's anchor for it, unique in the document
 */
public record Heading(int level, String text, String anchor, Position position) {}
