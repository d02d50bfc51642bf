package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a sentence's clauses start, for lower bounds written next to their version. */
class ClauseStartsTest {
  @Test
  void chineseCommasAndSemicolonsStartClausesEnglishCommasDoNot() {
    assertThat(DocumentCurrency.clauseStarts("版本不低于 16.2.0，推荐 Node.js 18；或 20")).containsExactly(13, 27);
    assertThat(DocumentCurrency.clauseStarts("Go 1.21, Node.js 18 and pnpm 8 or higher")).isEmpty();
    assertThat(DocumentCurrency.clauseStarts("a; b")).containsExactly(2);
    assertThat(DocumentCurrency.clauseStarts("ends with a comma，")).isEqualTo(List.of());
  }
}
