package org.docgate.markdown;

/**
 * A GFM footnote reference: {@code text[^label]}, or a footnote label used as a link label, {@code [text][^label]}.
 *
 * @param label the label as written after the caret; when defined, as written in the definition (GitHub's ids use it)
 * @param defined whether the document defines {@code [^label]: ...}; GitHub shows an undefined one literally
 * @param linkText for {@code [text][^label]}, the bracketed text GitHub shows before the footnote; otherwise null
 */
public record FootnoteReference(String label, boolean defined, String linkText, Position position) {}
