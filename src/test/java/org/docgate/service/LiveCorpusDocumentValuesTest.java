package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorDeclaration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus-wide passes of the shipped validators (version baselines, terminology house style, word counts and
 * learned names, completeness's currency) are built from per-document parts: after one edit the service computes the
 * parts of the edited document only, and still reports what a fresh full scan reports (issue 21.3: an edit took
 * 5-7 s on vshpere-1019 when every edit recomputed every document's parts).
 */
class LiveCorpusDocumentValuesTest {
  @TempDir Path corpus;

  /** Keeps the index of the last scan, so the test can ask which per-document values it computed. */
  private record LastIndex(AtomicReference<CorpusIndex> index) implements Validator {
    @Override
    public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
      this.index.set(index);
      return ValidationResult.EMPTY;
    }

    @Override
    public boolean corpusWide() {
      return true;
    }

    @Override
    public ValidatorDeclaration declaration() {
      return new ValidatorDeclaration("lastindex", "lastindex", "Adding a validator", List.of(), List.of(), null);
    }
  }

  private static final Map<String, String> CORPUS = Map.of(
      "intro.md", """
          # 简介

          Kubernetes 1.30 是当前版本。容器网络接口（Container Network Interface）很重要。

          ```bash
          istioctl install
          ```

          Run istioctl to install. Kuberentes is misspelt here.

          - `guide/`: 2篇文档
          """,
      "guide/install.md", """
          # 安装

          ## 版本与兼容策略

          Kubernetes 1.30

          使用 istioctl 安装，istioctl 会检查集群。本文有 3 个章节。
          """,
      "guide/ops.md", """
          # 运维

          ## 版本与兼容策略

          Kubernetes 1.29

          容器网络接口很重要。Run `istioctl analyze`.
          """,
      "notes/2023-changelog.md", """
          # 更新日志 2023-05

          Kubernetes 1.24 was current then.
          """);

  private void write(String path, String text) throws IOException {
    org.docgate.FileEdits.write(corpus, path, text);
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("a paragraph added", "guide/ops.md",
            CORPUS.get("guide/ops.md") + "\n新的一段，Kubernetes 1.30 也可以。\n", Set.of("guide/ops.md")),
        Arguments.of("the baseline changed", "guide/install.md",
            CORPUS.get("guide/install.md").replace("1.30", "1.29"), Set.of("guide/install.md")),
        Arguments.of("a misspelling repeated (the corpus's word counts change)", "guide/ops.md",
            CORPUS.get("guide/ops.md") + "\nKuberentes, Kuberentes and Kuberentes again.\n",
            Set.of("guide/ops.md")),
        Arguments.of("a document added to a folder a count names", "guide/new.md", "# 新\n\n新的一页。\n",
            Set.of("guide/new.md")),
        Arguments.of("a document added", "new.md", "# 新\n\n容器网络接口（Container Network Interface）。\n",
            Set.of("new.md")));
  }

  @ParameterizedTest(name = "{0}: only {3} computed again")
  @MethodSource("edits")
  void anEditComputesTheEditedDocumentsPartsOnly(String edit, String path, String text, Set<String> computed)
      throws IOException {
    for (Map.Entry<String, String> e : CORPUS.entrySet()) {
      write(e.getKey(), e.getValue());
    }
    LastIndex last = new LastIndex(new AtomicReference<>());
    DocgateConfig config = DocgateConfig.defaults();
    List<Validator> shipped = ValidatorRegistry.builder(config, RuleFiles.packaged()).build().validators();
    ValidatorRegistry registry = new ValidatorRegistry(
        Stream.concat(shipped.stream(), Stream.of(last)).toList(), config.ruleSeverities());
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        Scans.pipeline(config, registry, Scans.FIXED_CLOCK), Scans.FIXED_CLOCK);
    live.full();
    assertThat(last.index().get().documentValuesComputed()).as("the first scan computes every document's parts")
        .containsOnlyKeys(CORPUS.keySet());

    write(path, text);
    LiveCorpus.Update update = live.refresh();
    assertThat(last.index().get().documentValuesComputed()).as(edit).containsOnlyKeys(computed);
    ScanReport full = Scans.run(corpus);
    assertThat(update.report().findings()).extracting(Finding::toString)
        .isEqualTo(full.findings().stream().map(Finding::toString).toList());
    // the service reuses snippet verdicts: subprocesses are counted by the scan that ran them, so not compared
    Map<String, Object> stats = new java.util.TreeMap<>(update.report().stats());
    Map<String, Object> fullStats = new java.util.TreeMap<>(full.stats());
    stats.remove("snippets");
    fullStats.remove("snippets");
    assertThat(stats).isEqualTo(fullStats);
    assertThat(update.report().metrics()).isEqualTo(full.metrics());
  }
}
