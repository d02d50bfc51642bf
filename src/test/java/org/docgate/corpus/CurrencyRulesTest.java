package org.docgate.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.docgate.config.ConfigException;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packaged rules/currency.yaml decides living or record, historical sections and sentences from data. */
class CurrencyRulesTest {
  static final CurrencyRules RULES = CurrencyRules.load(RuleFiles.packaged());

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      README.md                                        | 项目概览                  | living
      docs/install.md                                  | Install                  | living
      SUMMARY.md                                       | Summary                  | living
      2025年10月19日最终项目总结报告.md                 | -                        | record
      2025年技术处理与分析/06_版本更新实施/第10周进度报告.md | -                      | record
      vShpere_VMware/2025年10月19日更新索引.md          | -                        | record
      PROJECT_STATUS.md                                | Status                   | record
      CHANGELOG.md                                     | Changelog                | record
      _archive/old.md                                  | -                        | record
      keps/sig-node/1287-in-place/README.md            | KEP-1287: In-place       | record
      docs/notes.md                                    | 2024-06 status           | record
      docs/meeting.md                                  | Weekly meeting notes     | record
      docs/audit-logging.md                            | Audit logging            | living
      formal_container/14_技术研究与发展趋势/01_2025年技术发展趋势分析.md | 2025 趋势 | living
      """)
  void documentsAreLivingOrRecordsByPathNameTitleAndDate(String path, String title, String expected) {
    Exemption e = RULES.classify(path, title);
    assertThat(e == null ? "living" : "record").as(path + ": " + e).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      版本历史                | section
      Implementation History | section
      与 Docker 的区别         | section
      Kubernetes 最新特性      | -
      参考                    | -
      参考文献                 | section
      安装步骤                 | -
      Graduation Criteria    | section
      """)
  void headingsOpenHistoricalSections(String heading, String expected) {
    Exemption e = RULES.section(heading);
    assertThat(e == null ? null : e.reason().key()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      当前集群运行 Kubernetes 1.31                 | -
      该版本正式集成了 containerd 1.7               | history
      containerd 1.7 已于 2023 年发布             | history
      Docker 曾是默认运行时                       | history
      Kubernetes 的最新特性                      | -
      虚拟机运行在 vSphere 8.0 U3 上               | -
      这是一个拟定的方案                          | plan
      Docker 17.06 (2017-06): 多阶段构建          | dated
      需要 Kubernetes 1.28 及以上                | lower-bound
      requires at least v1.28                   | lower-bound
      works with v1.20 or later                 | lower-bound
      Kubernetes >= 1.27                        | lower-bound
      自 Kubernetes v1.19 起默认启用              | lower-bound
      从 1.20 版本开始支持                         | lower-bound
      Kubernetes 1.31 支持原生边车容器            | -
      alpha in 1.20, beta in 1.22               | history
      The feature is alpha                      | plan
      It graduated to GA                        | history
      The gate will be removed in 1.34          | plan
      This is faster than 1.25                  | comparison
      The wasm runtime 1.2 is used              | -
      The washing machine runs 1.28             | -
      """)
  void sentencesSayWhyTheyAreNotCurrent(String sentence, String expected) {
    Exemption e = RULES.sentence(sentence);
    assertThat(e == null ? null : e.reason().key()).as(sentence + ": " + e).isEqualTo(expected);
  }

  @Test
  void aCueOfALaterReasonIsFoundToo() {
    // sentence() names the first reason only (plan before dated); hasCue asks about one reason
    assertThat(RULES.sentence("2025-10 计划").reason()).isEqualTo(Exemption.Reason.PLAN);
    assertThat(RULES.hasCue(Exemption.Reason.DATED, "2025-10 计划")).isTrue();
    assertThat(RULES.hasCue(Exemption.Reason.DATED, "v1.0 (2025-10-19)")).isTrue();
    assertThat(RULES.hasCue(Exemption.Reason.PLAN, "GA -> Future")).isTrue();
    assertThat(RULES.hasCue(Exemption.Reason.PLAN, "Implementation History")).isFalse();
  }

  @Test
  void exemptionsAreCountedByReason() {
    assertThat(RULES.sentence("需要 Kubernetes 1.28 及以上").counter()).isEqualTo("currency.exempt.lower-bound");
    assertThat(RULES.classify("CHANGELOG.md", null).counter()).isEqualTo("currency.exempt.record");
  }

  @Test
  void theConfigAddsRecordGlobsAndLivingGlobsWin() {
    DocgateConfig config = DocgateConfig.parse("docgate.yaml", """
        currency:
          record: ["ops/**"]
          living: ["CHANGELOG.md"]
        """);
    CurrencyRules rules = CurrencyRules.load(RuleFiles.packaged(), config);
    assertThat(rules.classify("ops/runbook.md", null)).isNotNull();
    assertThat(rules.classify("CHANGELOG.md", "Changelog")).isNull();
    assertThat(rules.livingReason("CHANGELOG.md")).contains("CHANGELOG.md");
    assertThat(RULES.classify("ops/runbook.md", null)).isNull();
  }

  @Test
  void anUnknownConfigKeyUnderCurrencyFailsWithItsLine() {
    assertThatThrownBy(() -> DocgateConfig.parse("docgate.yaml", "currency:\n  records: []\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("docgate.yaml:2").hasMessageContaining("record");
  }

  @Test
  void theRulesFileIsReadStrictlyWithLines() {
    assertThatThrownBy(() -> CurrencyRules.parse("currency.yaml", "record:\n  path: []\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("currency.yaml:2")
        .hasMessageContaining("did you mean 'paths'");
    assertThatThrownBy(() -> CurrencyRules.parse("currency.yaml", "sentences:\n  plan:\n    patterns: ['(']\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("currency.yaml:3")
        .hasMessageContaining("bad regular expression");
  }

  @Test
  void aUserRulesFileReplacesThePackagedDecisions() {
    CurrencyRules own = CurrencyRules.parse("mine.yaml", """
        record: {nameWords: {en: [draft]}}
        sentences: {history: {zh: [往昔]}}
        """);
    assertThat(own.classify("docs/draft-install.md", null)).isNotNull();
    assertThat(own.classify("CHANGELOG.md", null)).isNull();
    assertThat(own.sentence("往昔使用 1.20").reason()).isEqualTo(Exemption.Reason.HISTORY);
    assertThat(own.sentence("Docker was the default")).isNull();
  }

  @Test
  void theTitleAloneNeverMakesTheWholeDocumentHistorical() {
    DocumentCurrency c = RULES.of(new MarkdownParser().parse("guide.md", "# Kubernetes 版本历史与部署\n\n运行 1.31\n"));
    assertThat(c.isRecord()).isFalse();
    assertThat(c.exemptionAt(3, 1)).isNull();
    DocumentCurrency h2 = RULES.of(new MarkdownParser().parse("guide.md", "# 指南\n\n## 版本历史\n\n运行 1.20\n"));
    assertThat(h2.exemptionAt(5, 1).reason()).isEqualTo(Exemption.Reason.SECTION);
  }

  @Test
  void explainNamesTheDocumentClassTheSectionAndTheSentence() {
    DocumentCurrency c = RULES.of(new MarkdownParser().parse("docs/guide.md",
        "# 指南\n\n## 版本历史\n\n该版本正式集成了 containerd 1.7。当前运行 1.31。\n"));
    String text = c.explain(5);
    assertThat(text).contains("docs/guide.md:5", "document: living", "section: historical", "版本历史",
        "history ('集成了')", "current \"当前运行 1.31。\"", "verdict: not judged for currency (section)");
    assertThat(List.of(c.sentencesOn(5).size())).containsExactly(2);
  }

  @ParameterizedTest(name = "{0} status {1} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      keps/sig-apps/4017-pod-index-label/README.md | implemented                    | record
      keps/sig-network/2943-netpol-status/README.md | withdrawn                     | record
      keps/sig-api-machinery/3156-http3/README.md  | deferred                       | record
      keps/sig-cli/1441-kubectl-debug/README.md    | Implemented (alpha)            | record
      keps/sig-cli/2985-krm-registry/README.md     | provisional                    | living
      keps/sig-storage/2263-scale/README.md        | implementable                  | living
      keps/sig-x/1-typo/README.md                  | imlpemented                    | record
      keps/sig-x/2-template/README.md              | a non-empty string             | record
      docs/guide.md                                | implemented                    | record
      docs/guide.md                                | draft                          | living
      2025年10月19日总结报告.md                      | 进行中                          | living
      """)
  void aStatusTheDocumentStatesDecidesBeforeThePatterns(String path, String status, String expected) {
    // a value in neither list decides nothing: the typo and the template's list fall back to **/keps/**
    DocumentMetadata m = new DocumentMetadata("kep.yaml", java.util.Map.of("status", status));
    Exemption e = RULES.classify(path, null, m);
    assertThat(e == null ? "living" : "record").as(path + ": " + e).isEqualTo(expected);
  }

  @Test
  void theConfigsOwnRecordGlobsWinOverTheStatusAndLivingGlobsOverBoth() {
    DocumentMetadata open = new DocumentMetadata("kep.yaml", java.util.Map.of("status", "implementable"));
    assertThat(RULES.withPaths(List.of("keps/old/**"), List.of()).classify("keps/old/1/README.md", null, open))
        .isNotNull();
    DocumentMetadata done = new DocumentMetadata("kep.yaml", java.util.Map.of("status", "implemented"));
    assertThat(RULES.withPaths(List.of(), List.of("keps/**")).classify("keps/a/README.md", null, done)).isNull();
  }

  @Test
  void metadataIsReadFromFrontMatterFirstThenFromAFileBesideTheDocument() {
    var files = java.util.Map.of("keps/a/kep.yaml", "title: A\nstatus: implemented # a|b\nstage: \"beta\"\n",
        "keps/b/kep.yaml", "status: [not, a, scalar]\n", "keps/c/kep.yaml", "status: : bad yaml: [\n");
    DocumentMetadata.FileText read = p -> java.util.Optional.ofNullable(files.get(p));
    DocumentMetadata beside = RULES.metadata(new MarkdownParser().parse("keps/a/README.md", "# A\n"), read);
    assertThat(beside.source()).isEqualTo("keps/a/kep.yaml");
    assertThat(beside.value(List.of("status"))).isEqualTo("implemented");
    assertThat(beside.value(List.of("stage"))).isEqualTo("beta");
    DocumentMetadata front = RULES.metadata(new MarkdownParser().parse("keps/a/notes.md",
        "---\ntitle: Notes\nStatus: draft\n---\n# Notes\n"), read);
    assertThat(front.source()).isEqualTo("front matter");
    assertThat(front.value(List.of("status"))).isEqualTo("draft");
    // a list or a file that does not parse states nothing: the document is judged by the patterns
    assertThat(RULES.metadata(new MarkdownParser().parse("keps/b/README.md", "# B\n"), read))
        .isEqualTo(DocumentMetadata.NONE);
    assertThat(RULES.metadata(new MarkdownParser().parse("keps/c/README.md", "# C\n"), read))
        .isEqualTo(DocumentMetadata.NONE);
    assertThat(RULES.of(new MarkdownParser().parse("keps/a/README.md", "# A\n"), read).isRecord()).isTrue();
  }

  @Test
  void aListItemStartsItsOwnSentenceWhateverTheCaseOfItsFirstLetter() {
    // "v1.10 曾是…" starts in lower case like a hard-wrapped English line, but it is the next item: its "曾" (history)
    // must not reach the item above
    DocumentCurrency c = RULES.of(new MarkdownParser().parse("guide.md",
        "# 指南\n\n- 最新版本: v1.29 (2024年12月)\n- v1.10 曾是最新版本\n\nKubernetes runs here and\nkeeps running\n"));
    assertThat(c.sentenceAt(3, 3).exemption().reason()).isEqualTo(Exemption.Reason.DATED);
    assertThat(c.sentenceAt(4, 3).exemption().reason()).isEqualTo(Exemption.Reason.HISTORY);
    assertThat(c.sentenceAt(7, 1)).as("a wrapped line still goes on").isSameAs(c.sentenceAt(6, 1));
    assertThat(DocumentCurrency.listItemLines("- a\n  b\n> 1. c\n12) d\n-x\n*\te\r\n+ f\n").stream().toArray())
        .containsExactly(1, 3, 4, 6, 7);
  }
}
