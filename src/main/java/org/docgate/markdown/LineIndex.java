package org.docgate.markdown;

import java.util.Arrays;

/** Maps a 0-based char offset of a text to a 1-based line and column. The only place positions become 1-based. */
public final class LineIndex {
  private final int[] lineStarts;

  public LineIndex(CharSequence text) {
    int[] starts = new int[64];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** 1-based line of a 0-based offset. */
  public int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** 1-based column (UTF-16 code units) of a 0-based offset. */
  public int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  public Position position(int offset) {
    int line = line(offset);
    return Position.of(line, offset - lineStarts[line - 1] + 1);
  }

  public int lineCount() {
    return lineStarts.length;
  }
}
