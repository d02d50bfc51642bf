package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docgate.SharedFiles;
import org.docgate.config.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cue words found in one pass (and patterns skipped where they cannot match) answer what one search per word and
 * one regex per pattern answered: the same cue, of the same list. {@link #reference} is that earlier code.
 */
class CueWordsTest {
  static final CurrencyRules RULES = CurrencyRules.load(RuleFiles.packaged());

  static final CueWords LIST = new CueWords(List.of("新特性", "历史", "曾"), List.of("was", "New in", "ADR"),
      CueWords.compile(List.of("(集成|发布)了", "\\b(alpha|beta)\\s+in\\s+v?\\d")), List.of("最新特性", "服从", "an adr"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      这是最新特性                      | -
      最新特性与新特性                   | 新特性
      曾经的历史                        | 历史
      It was                          | was
      IT WAS                          | was
      the washing machine             | -
      使用was部署                       | was
      _was                            | -
      wasé                            | -
      new in Docker 25                | new in
      an adr                          | -
      one ADR                         | adr
      该版本正式集成了 containerd       | 集成了
      服从了                            | -
      Beta in 1.22                    | Beta in 1
      BETA IN V1.22                   | BETA IN V1
      beta in v                       | -
      it is an adr                    | -
      it is an  adr                   | adr
      İt was                          | was
      """)
  void firstCueOfAList(String text, String cue) {
    assertThat(LIST.firstIn(text)).isEqualTo(cue).isEqualTo(reference(LIST, text));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      当前集群运行 Kubernetes 1.31             | -
      该版本正式集成了 containerd 1.7           | history
      计划于 2025 年升级到 1.32                 | plan
      Docker 17.06 (2017-06)                | dated
      相比 1.28，1.31 更快                     | comparison
      需要 Kubernetes 1.28 或更高               | lowerBound
      自 v1.19 起支持                          | lowerBound
      Beginning in Node.js v11.0.0, calling these functions would print a warning | lowerBound
      Starting with Node.js 22, it is stable | lowerBound
      Sidecars graduated to GA in 1.29      | history
      This is a beta feature                | plan
      Beta in 1.22                          | history
      """)
  void sentencesTakeTheFirstReasonInOrder(String text, String reason) {
    Exemption e = RULES.sentence(text);
    assertThat(e == null ? null : e.reason().name()).isEqualTo(reason == null ? null
        : reason.equals("lowerBound") ? "LOWER_BOUND" : reason.toUpperCase(Locale.ROOT));
    assertThat(describe(e)).isEqualTo(describe(referenceSentence(text)));
  }

  /** Every line of the reference corpus gets the cue the earlier code found. */
  @Test
  void theReferenceCorpusGetsTheSameCues() throws IOException {
    Path corpus = SharedFiles.referenceCorpus();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\n")) {
          texts.add(line);
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(10_000);
    int differences = 0;
    int exempt = 0;
    for (String t : texts) {
      Exemption got = RULES.sentence(t);
      exempt += got == null ? 0 : 1;
      if (!describe(got).equals(describe(referenceSentence(t)))) {
        differences++;
      }
    }
    assertThat(differences).isZero();
    assertThat(exempt).as("sentences with a cue").isGreaterThan(1_000);
  }

  private static String describe(Exemption e) {
    return e == null ? "-" : e.reason() + " " + e.detail();
  }

  /** CurrencyRules.sentence before: each list's reference answer in turn. */
  private static Exemption referenceSentence(String text) {
    for (Map.Entry<Exemption.Reason, CueWords> e : RULES.sentenceCues().entrySet()) {
      String cue = reference(e.getValue(), text);
      if (cue != null) {
        return new Exemption(e.getKey(), "'" + cue.strip() + "'");
      }
    }
    return null;
  }

  /** CueWords.firstIn before this change: blank, then contains per zh word, containsWord per en word, each regex. */
  static String reference(CueWords cues, String text) {
    String masked = CueWords.blankExceptions(text, cues.exceptions());
    for (String w : cues.zh()) {
      if (masked.contains(w)) {
        return w;
      }
    }
    String lower = masked.toLowerCase(Locale.ROOT);
    for (String w : cues.en()) {
      if (CueWords.containsWord(lower, w)) {
        return w;
      }
    }
    for (Pattern p : cues.patterns()) {
      Matcher m = p.matcher(masked);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }
}
