package org.docgate.markdown;

/** A 1-based line and column (UTF-16 code units). */
public record Position(int line, int column) {
  private static final int SHARED_LINES = 2048;
  private static final int SHARED_COLUMNS = 128;
  /**
   * One object per line and column near the top left, shared by every document: a scan keeps each document's model
   * (prose runs, headings, links) until it ends, and one Position per element was 2.3 million objects (55 MB) of the
   * 16x benchmark corpus (bench/README.md, issue 21.2), mostly the same few thousand pairs. Filled as asked, without
   * locks: a thread that reads a slot another one fills may make its own object (equal, not shared), which is
   * harmless; a Position's fields are final, so one read from the table is always complete.
   */
  private static final Position[] SHARED = new Position[SHARED_LINES * SHARED_COLUMNS];

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  /** The position at {@code line} and {@code column}, a shared object where there is one. */
  public static Position of(int line, int column) {
    if (line > SHARED_LINES || column > SHARED_COLUMNS || line < 1 || column < 1) {
      return new Position(line, column);
    }
    int slot = (line - 1) * SHARED_COLUMNS + column - 1;
    Position p = SHARED[slot];
    if (p == null) {
      p = new Position(line, column);
      SHARED[slot] = p;
    }
    return p;
  }
}
