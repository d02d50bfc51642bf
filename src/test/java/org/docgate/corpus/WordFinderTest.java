package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WordFinder answers what the loops it replaced answered: the first word of the list (list order, not text order)
 * that {@code String.contains} or {@link CueWords#containsWord} finds, and at one position the first word of the
 * list starting there (a regex alternation in list order).
 */
class WordFinderTest {

  @ParameterizedTest(name = "{0} in \"{1}\" (whole: {2}) -> {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      新特性,最新                 | 这是最新特性                  | false | 0
      最新,新特性                 | 这是最新特性                  | false | 0
      历史,曾                    | 曾经的历史                    | false | 0
      升级,引入                   | 从 1.28 升级到 1.31          | false | 0
      was,introduced            | sidecars were introduced in 1.28 | true | 1
      was                       | the washing machine          | true  | -
      was                       | it was                       | true  | 0
      was                       | _was                         | true  | -
      was                       | was1                         | true  | -
      was                       | 使用was部署                    | true  | 0
      was                       | wasé                         | true  | -
      was                       | éwas                         | true  | -
      was                       | was-it                       | true  | 0
      was                       | the washing, then was        | true  | 0
      new in,in                 | new in docker 25             | true  | 0
      new in,in                 | renew in docker              | true  | 1
      k8s,kubernetes            | 基于k8s1.30                    | true  | -
      1.28+                     | v1.28+ and 1.28+x             | true  | 0
      +x                        | a+xb                          | true  | -
      +x                        | a+x b                         | true  | 0
      ADR                       | adr                          | true  | -
      ADR                       | ADR                          | false | 0
      -                         | anything                     | false | -
      a,b,c                     | c b                          | false | 1
      zz,,b                     | b                            | false | 1
      zz,,b                     | b                            | true  | 2
      zz,,b                     | ''                           | false | 1
      最新,k8s,ék,~x             | a ~x ék k8s 最新               | false | 0
      最新,k8s,ék,~x             | a ~x ék k8s                  | false | 1
      zz,ék,~x                  | a ~x ék                      | false | 1
      zz,~x                     | ~~x                          | false | 1
      """)
  void firstWordInListOrder(String words, String text, boolean whole, Integer expected) {
    List<String> list = words == null ? List.of() : Arrays.asList(words.split(",", -1));
    WordFinder finder = new WordFinder(list, whole);
    int got = finder.first(text);
    assertThat(got < 0 ? null : got).isEqualTo(expected);
    assertThat(got).as("the loop it replaced").isEqualTo(loop(list, text, whole));
    assertThat(finder.in(text)).as("any word in it").isEqualTo(expected != null);
  }

  @ParameterizedTest(name = "{0} at {2} of \"{1}\" -> {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Kubernetes,K8s,k8s         | 基于K8s1.30                    | 2 | 1
      Kubernetes,K8s,k8s         | 基于K8s1.30                    | 1 | -
      Docker Desktop,Docker      | Docker Desktop 4.30          | 0 | 0
      Docker Desktop,Docker      | Docker 4.30                  | 0 | 1
      vSphere,vSAN               | vSAN 8                       | 0 | 1
      """)
  void atOnePositionTheFirstWordInListOrder(String words, String text, int at, Integer expected) {
    WordFinder finder = new WordFinder(List.of(words.split(",")), false);
    int got = finder.at(text, at);
    assertThat(got < 0 ? null : got).isEqualTo(expected);
  }

  @ParameterizedTest(name = "limit {2}")
  @CsvSource(delimiter = '|', textBlock = """
      a,b,c | c b a | 3 | 0
      a,b,c | c b   | 3 | 1
      a,b,c | c b   | 1 | -1
      a,b,c | c     | 2 | -1
      """)
  void onlyWordsBelowTheLimitCount(String words, String text, int limit, int expected) {
    assertThat(new WordFinder(List.of(words.split(",")), false).first(text, limit)).isEqualTo(expected);
  }

  /** What callers did before: one contains / containsWord per word, in list order. */
  static int loop(List<String> words, String text, boolean whole) {
    for (int i = 0; i < words.size(); i++) {
      if (whole ? CueWords.containsWord(text, words.get(i)) : text.contains(words.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
