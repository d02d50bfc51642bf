package org.docgate.markdown;

/** {@code [label]: destination "title"}. */
public record ReferenceDefinition(String label, String target, String destination, Position position) {}
