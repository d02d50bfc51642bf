package org.docgate.validate.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.docgate.corpus.Glob;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoricalContextTest {
  static final HistoricalContext CONTEXT = new HistoricalContext(
      List.of("升级", "引入", "introduced", "was", "new in"), List.of("历史", "release notes"),
      List.of(Glob.of("**/CHANGELOG*"), Glob.of("**/_archive/**")));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      从 1.28 升级到 1.31                    | 升级
      Sidecars were introduced in 1.28     | introduced
      This WAS the default                 | was
      New in Docker 25.0                   | new in
      The washing machine runs 1.28        | -
      当前运行 Kubernetes 1.31               | -
      """)
  void cueWordsMatchChineseAnywhereAndEnglishAsWholeWords(String sentence, String cue) {
    assertThat(CONTEXT.cueIn(sentence)).isEqualTo(cue);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      CHANGELOG.md            | true
      docs/CHANGELOG-2024.md  | true
      _archive/old.md         | true
      a/_archive/b/old.md     | true
      docs/archive.md         | false
      """)
  void pathPatternsExemptWholeFiles(String path, boolean exempt) {
    assertThat(CONTEXT.exemptsPath(path)).isEqualTo(exempt);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      第一句。当前是 Kubernetes 1.31。第三句     | 当前是 Kubernetes 1.31
      One. Now Kubernetes 1.31.2 runs. Three  | Now Kubernetes 1.31.2 runs
      """)
  void theSentenceEndsAtCjkAndAsciiFullStopsButNotInsideVersions(String line, String sentence) {
    int at = line.indexOf("Kubernetes");
    assertThat(HistoricalContext.sentenceAround(line, at, at + 10).strip()).isEqualTo(sentence);
  }
}
