package org.docgate.markdown;

/**
 * A bullet or ordered list as the parser reads it: where it is, how many items it has at its own level, and the
 * paragraph right before it (the sentence that may announce it: "we are proposing three changes:").
 *
 * @param line 1-based line of its first item
 * @param endLine 1-based line of its last line
 * @param ordered whether its items are numbered
 * @param start the number of its first item (1 for a bullet list)
 * @param items its items at its own level (nested lists are lists of their own)
 * @param introStart 1-based first line of the paragraph right before it in the same container, or 0 when something
 *     else (a heading, a code block, nothing) comes right before it
 * @param introEnd 1-based last line of that paragraph, or 0
 * @param container the source offset of the block that holds it (a list item, a block quote), -1 for the document:
 *     lists with the same value are siblings
 */
public record ListBlock(int line, int endLine, boolean ordered, int start, int items, int introStart, int introEnd,
    int container) {}
