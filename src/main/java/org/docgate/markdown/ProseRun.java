package org.docgate.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of text outside code and HTML, as written in the source (so offsets into it map to columns).
 *
 * <p>Usually a stretch of its document's source, kept as offsets ({@link SourceSlice}); {@link #text()} makes the
 * string when asked. Immutable; equal when text, scope and position are.
 */
public final class ProseRun extends SourceSlice {
  private final Scope scope;
  private final Position position;

  /** @param scope what kind of text it is; validators choose the scopes they read */
  public ProseRun(String text, Scope scope, Position position) {
    this(text, 0, text.length(), scope, position);
  }

  /** The run {@code source[start, end)}. */
  ProseRun(String source, int start, int end, Scope scope, Position position) {
    super(source, start, end);
    this.scope = Objects.requireNonNull(scope);
    this.position = Objects.requireNonNull(position);
  }

  public String text() {
    return slice();
  }

  public Scope scope() {
    return scope;
  }

  public Position position() {
    return position;
  }

  /**
   * The 1-based position of {@code offset} in this run: on the run's first line its column plus the offset, on a later
   * line the offset from that line's start. An offset past the end stays on the last line.
   */
  public Position positionAt(int offset) {
    String text = text();
    int end = Math.min(offset, text.length());
    int line = position.line();
    int lineStart = -1;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i;
      }
    }
    return lineStart < 0 ? new Position(line, position.column() + offset) : new Position(line, offset - lineStart);
  }

  /** The part of a run on one source line, at its 1-based line and column; a carriage return became a space. */
  public record LinePart(int line, int column, String text) {}

  /** This run cut at its line breaks: the first part keeps the run's column, the others start at column 1. */
  public List<LinePart> lines() {
    String[] parts = text().split("\n", -1);
    List<LinePart> out = new ArrayList<>(parts.length);
    for (int k = 0; k < parts.length; k++) {
      out.add(new LinePart(position.line() + k, k == 0 ? position.column() : 1, parts[k].replace('\r', ' ')));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProseRun r && scope == r.scope && position.equals(r.position) && sameSlice(r);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text(), scope, position);
  }

  @Override
  public String toString() {
    return "ProseRun[text=" + text() + ", scope=" + scope + ", position=" + position + "]";
  }

  public enum Scope {
    PARAGRAPH,
    HEADING,
    TABLE,
    LINK_TEXT,
    ALT_TEXT
  }
}
