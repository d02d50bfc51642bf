package org.docgate.markdown;

import java.util.Objects;

/**
 * A stretch of a document's source, kept as offsets into the source string rather than as a copy: a scan keeps every
 * document's model until it ends, and the copies were as large as the sources themselves (bench/README.md, issue
 * 21.2). A {@link CodeBlock}'s body and a {@link ProseRun}'s text are such stretches; a superclass rather than a field
 * so that each costs no object of its own.
 */
abstract class SourceSlice {
  private final String source;
  private final int start;
  private final int end;

  /** The stretch {@code source[start, end)}. */
  SourceSlice(String source, int start, int end) {
    Objects.checkFromToIndex(start, end, source.length());
    this.source = source;
    this.start = start;
    this.end = end;
  }

  /** The stretch as a string, made when asked (the source itself when the stretch is all of it). */
  final String slice() {
    return start == 0 && end == source.length() ? source : source.substring(start, end);
  }

  /** Whether two stretches hold the same text, compared in place. */
  final boolean sameSlice(SourceSlice o) {
    return end - start == o.end - o.start && source.regionMatches(start, o.source, o.start, end - start);
  }
}
