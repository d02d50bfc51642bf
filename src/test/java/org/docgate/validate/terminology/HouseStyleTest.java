package org.docgate.validate.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CurrencyRules;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * House-style rules (bilingual first use, the starter vocabulary) apply to a corpus that follows them, or when the
 * config opts in; a corpus that never glosses is not told to (issue 15, item 9).
 */
class HouseStyleTest {
  static final String GLOSSED = "# 概述\n\n服务网格（Service Mesh）负责服务间通信。\n";
  static final String UNGLOSSED = "# 概述\n\n服务网格负责服务间通信。\n";

  static CorpusIndex corpus(String... texts) {
    Map<String, MarkdownDocument> docs = new LinkedHashMap<>();
    for (int i = 0; i < texts.length; i++) {
      String path = "doc" + i + ".md";
      docs.put(path, TerminologyValidatorTest.PARSER.parse(path, texts[i]));
    }
    return new CorpusIndex(Path.of("."), docs.keySet(), Set.of(""), docs);
  }

  static TerminologyValidator packaged(Set<String> optedIn) {
    RuleFiles rules = RuleFiles.packaged();
    return new TerminologyValidator(TermRuleLoader.load(rules), optedIn, CurrencyRules.load(rules));
  }

  static ValidationResult lastDocument(TerminologyValidator v, CorpusIndex index) {
    List<MarkdownDocument> docs = List.copyOf(index.documents().values());
    return v.validate(index.documents().get("doc" + (docs.size() - 1) + ".md"), index);
  }

  @Test
  void aCorpusThatGlossesMostFirstUsesIsToldAboutTheOneThatDoesNot() {
    CorpusIndex index = corpus(GLOSSED, GLOSSED, GLOSSED, UNGLOSSED);
    TerminologyValidator v = packaged(Set.of());
    assertThat(lastDocument(v, index).findings()).extracting(f -> f.rule())
        .containsExactly("terms/docgate.BilingualFirstUse");
    assertThat(v.facts(index)).containsEntry("terms.house.docgate_BilingualFirstUse",
        "on (inferred: 3 of 4 first uses glossed, 75% ≥ 50%)");
  }

  @Test
  void aCorpusThatNeverGlossesIsNotToldToAndTheWithheldFindingsAreCounted() {
    CorpusIndex index = corpus(UNGLOSSED, UNGLOSSED, UNGLOSSED);
    TerminologyValidator v = packaged(Set.of());
    ValidationResult r = lastDocument(v, index);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.houseStyle", 1L)
        .doesNotContainKey("terms.bilingual.unglossed");
    assertThat(v.facts(index)).containsEntry("terms.house.docgate_BilingualFirstUse",
        "off (inferred: 0 of 3 first uses glossed, 0% < 50%)");
    assertThat(v.corpusWide()).isTrue();
  }

  @Test
  void theConfigOptsInWhateverTheCorpusDoes() {
    CorpusIndex index = corpus(UNGLOSSED, UNGLOSSED);
    TerminologyValidator v = packaged(Set.of("terms/docgate.BilingualFirstUse"));
    assertThat(lastDocument(v, index).findings()).hasSize(1);
    assertThat(v.facts(index).get("terms.house.docgate_BilingualFirstUse")).startsWith("on (config;");
  }

  @Test
  void theStarterVocabularyIsHouseStyleTooAndGenericRulesAlwaysApply() {
    CorpusIndex index = corpus("我们在 kubernetes 上部署，linkerd 也是。\n", "用 linkerd 部署。\n");
    TerminologyValidator v = packaged(Set.of());
    assertThat(v.facts(index).get("terms.house.Vocab_Terms")).startsWith("off (inferred: 0 of");
    assertThat(v.validate(index.documents().get("doc0.md"), index).findings()).extracting(f -> f.rule())
        .containsExactly("terms/docgate.Kubernetes");
  }

  @Test
  void recordsAreNotJudgedForBilingualFirstUse() {
    MarkdownDocument record = TerminologyValidatorTest.PARSER.parse("2025年10月19日工作总结.md", UNGLOSSED);
    ValidationResult r = packaged(Set.of("terms/docgate.BilingualFirstUse")).validate(record, null);
    assertThat(r.findings()).isEmpty();
    assertThat(r.counters()).containsEntry("terms.exempt.record", 1L);
  }
}
