package org.docgate.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProseRunTest {
  @Test
  void aRunOverSeveralLinesIsCutAtItsBreaksAndOnlyTheFirstPartKeepsItsColumn() {
    ProseRun run = new ProseRun("one\r\ntwo\nthree", ProseRun.Scope.PARAGRAPH, new Position(4, 7));
    assertThat(run.lines()).containsExactly(new ProseRun.LinePart(4, 7, "one "), new ProseRun.LinePart(5, 1, "two"),
        new ProseRun.LinePart(6, 1, "three"));
  }

  @Test
  void anOffsetIsAPositionOnItsOwnSourceLine() {
    ProseRun run = new ProseRun("one two\nthree\nfour", ProseRun.Scope.PARAGRAPH, new Position(4, 7));
    // offset -> position: the first line keeps the run's column, later lines count from their start; past the end stays on the last line
    int[][] table = {{0, 4, 7}, {4, 4, 11}, {7, 4, 14}, {8, 5, 1}, {10, 5, 3}, {14, 6, 1}, {17, 6, 4}, {99, 6, 86}};
    for (int[] row : table) {
      assertThat(run.positionAt(row[0])).as("offset %d", row[0]).isEqualTo(new Position(row[1], row[2]));
    }
  }
}
