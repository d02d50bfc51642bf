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
}
