package org.docgate.validate.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {
  @ParameterizedTest(name = "''{1}'' in ''{0}'': {2}")
  @CsvSource(delimiter = '|', value = {
      "本周新增6篇          | 新增  | true",
      "3 new documents     | new   | true",
      "renewal of 3 docs   | new   | false",
      "News: 3 docs        | new   | false",
      "新documents         | new   | false",
      "planned: 4 files    | planned | true",
  })
  void latinWordsStandAloneChineseWordsNeedNoBoundary(String text, String word, boolean found) {
    assertThat(Words.contains(text, word)).isEqualTo(found);
  }
}
