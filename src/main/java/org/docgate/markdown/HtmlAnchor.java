package org.docgate.markdown;

/** An explicit anchor: {@code <a name="x">}, or {@code id="x"} on any HTML element. */
public record HtmlAnchor(String id, Position position) {}
