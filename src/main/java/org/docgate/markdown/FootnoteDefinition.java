package org.docgate.markdown;

/** {@code [^label]: text}, a GFM footnote definition. */
public record FootnoteDefinition(String label, Position position) {}
