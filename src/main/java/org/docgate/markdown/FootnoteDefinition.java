package org.docgate.markdown;

/** {@code [^label]: text}, a GFM footnote definition, from its first line to {@code lastLine} (1-based). */
public record FootnoteDefinition(String label, Position position, int lastLine) {}
