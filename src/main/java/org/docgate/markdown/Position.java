package org.docgate.markdown;

/** A 1-based line and column (UTF-16 code units). */
public record Position(int line, int column) {
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }
}
