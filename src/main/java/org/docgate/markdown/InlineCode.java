package org.docgate.markdown;

/** An inline code span: {@code text} is its content without the backticks; the position is of the first backtick. */
public record InlineCode(String text, Position position) {}
