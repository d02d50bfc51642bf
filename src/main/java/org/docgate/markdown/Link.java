package org.docgate.markdown;

/**
 * One link as written.
 *
 * @param target the destination exactly as written in the source (for a reference usage: as in its definition)
 * @param destination the destination after CommonMark backslash-escape and entity processing
 * @param text the link text or alt text, markup dropped
 * @param label for reference usages, the label; otherwise null
 * @param defined for reference usages, whether a definition exists; true for every other kind
 */
public record Link(
    LinkKind kind, String target, String destination, String text, String label, boolean defined, Position position) {}
