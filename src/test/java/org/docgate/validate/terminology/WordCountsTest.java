package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corpus's word counts after an edit are the counts before plus the edited documents' differences, and name the
 * words whose count moved, so the corpus step tells the passes to redo without comparing every word (issue 21.3).
 */
class WordCountsTest {
  private static Map<String, Long> corpus() {
    Map<String, Long> words = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      words.put("word" + i, (long) i + 1);
    }
    words.put("promethues", 1L);
    return words;
  }

  @Test
  void anEditMovesTheCountsOfItsWordsOnly() {
    WordCounts before = WordCounts.EMPTY.plus(corpus());
    WordCounts after = before.plus(Map.of("promethues", 1L, "word0", -1L, "kubernetes", 3L, "word5", 0L));

    assertThat(after.get("promethues")).isEqualTo(2L);
    assertThat(after.get("kubernetes")).isEqualTo(3L);
    assertThat(after.get("word7")).isEqualTo(8L);
    assertThat(after.containsKey("word0")).as("a word no document writes any more").isFalse();
    assertThat(after.getOrDefault("word0", 0L)).isZero();
    Map<String, Long> expected = corpus();
    expected.merge("promethues", 1L, Long::sum);
    expected.remove("word0");
    expected.put("kubernetes", 3L);
    assertThat(after).isEqualTo(expected);
  }

  @Test
  void theWordsWhoseCountMovedAreNamedAgainstTheCountsTheyWereMadeFrom() {
    WordCounts before = WordCounts.EMPTY.plus(corpus());
    WordCounts after = before.plus(Map.of("promethues", 1L, "word5", 0L));

    assertThat(after.changedSince(before)).containsExactly("promethues");
    assertThat(after.changedSince(WordCounts.EMPTY.plus(corpus()))).as("other counts: compare the maps").isNull();
    WordCounts later = after.plus(Map.of("promethues", -2L));
    assertThat(later.containsKey("promethues")).isFalse();
    assertThat(later.changedSince(after)).containsExactly("promethues");
  }
}
