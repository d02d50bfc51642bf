package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.Metric;
import org.docgate.validate.Prepared;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.docgate.validate.ValidatorDeclaration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an edit the service re-validates, with each corpus-wide validator (completeness, terms, versions, weblinks),
 * only the documents whose result can change as its corpus step names them ({@link Prepared#revalidate()}), and
 * still reports what a fresh full scan reports (issue 21.3: every corpus-wide validator visited every document
 * after each edit, about half of an edit's validation on k8s-enhancements).
 */
class CorpusWideRevalidationTest {
  @TempDir Path corpus;

  private final Map<String, Set<String>> validated = new ConcurrentHashMap<>();
  private LiveCorpus live;

  /** A shipped validator, counting the documents it validates per scan. */
  private record Counting(Validator inner, Map<String, Set<String>> validated) implements Validator {
    @Override
    public ValidatorDeclaration declaration() {
      return inner.declaration();
    }

    @Override
    public List<Rule> rules() {
      return inner.rules();
    }

    @Override
    public ValidationResult validate(MarkdownDocument document, CorpusIndex index) {
      return validate(document, index, Prepared.NONE);
    }

    @Override
    public Prepared prepare(CorpusIndex index, Collection<MarkdownDocument> documents, Prepared previous) {
      return inner.prepare(index, documents, previous);
    }

    @Override
    public boolean startsInBackground() {
      return inner.startsInBackground();
    }

    @Override
    public ValidationResult validate(MarkdownDocument document, CorpusIndex index, Prepared prepared) {
      validated.computeIfAbsent(id(), k -> ConcurrentHashMap.newKeySet()).add(document.path());
      return inner.validate(document, index, prepared);
    }

    @Override
    public boolean corpusWide() {
      return inner.corpusWide();
    }

    @Override
    public boolean readsLinkedDocuments() {
      return inner.readsLinkedDocuments();
    }

    @Override
    public Map<String, String> facts(CorpusIndex index) {
      return inner.facts(index);
    }

    @Override
    public List<Metric> metrics() {
      return inner.metrics();
    }
  }

  private void write(String path, String text) throws IOException {
    org.docgate.FileEdits.write(corpus, path, text);
  }

  private static final String OTHER = """
      # 运维

      ## 版本与兼容策略

      Kubernetes 1.29

      容器网络接口很重要。Run `istioctl analyze`. See [the guide](guide.md) and https://example.com/ops.
      """;

  @BeforeEach
  void startFromAFullScan() throws IOException {
    write("README.md", "# 首页\n\n- [指南](guide.md)\n- [运维](ops.md)\n- [说明](notes.md)\n");
    write("guide.md", "# 指南\n\n## 版本与兼容策略\n\nKubernetes 1.30\n\nPromethues is misspelt here.\n");
    write("ops.md", OTHER + "\nPromethues again.\n");
    write("notes.md", "# 说明\n\n本文有 3 个章节。容器网络接口（Container Network Interface）。\n");
    write("orphan.md", "# 孤立\n\n没有链接指向这里。\n");
    DocgateConfig config = DocgateConfig.defaults();
    List<Validator> shipped = ValidatorRegistry.builder(config, RuleFiles.packaged()).build().validators();
    ValidatorRegistry registry = new ValidatorRegistry(
        shipped.stream().map(v -> (Validator) new Counting(v, validated)).toList(), config.ruleSeverities());
    assertThat(shipped.stream().filter(Validator::corpusWide).map(Validator::id))
        .containsExactlyInAnyOrder("completeness", "terms", "versions", "weblinks");
    live = new LiveCorpus(corpus, new CorpusScanner(config), Scans.pipeline(config, registry, Scans.FIXED_CLOCK),
        Scans.FIXED_CLOCK);
    live.full();
    assertThat(validated.get("terms")).as("the first scan validates every document").hasSize(5);
    validated.clear();
  }

  @Test
  void anEditThatChangesNoCountAPassReadRevalidatesOnlyTheEditedDocument() throws IOException {
    write("notes.md", "# 说明\n\n本文有 3 个章节。容器网络接口（Container Network Interface）。\n\n新的一段。\n");
    LiveCorpus.Update update = live.refresh();

    for (String id : List.of("completeness", "terms", "versions", "weblinks")) {
      assertThat(validated.getOrDefault(id, Set.of())).as(id).containsExactly("notes.md");
    }
    assertSameAsAFullScan(update.report());
  }

  @Test
  void anEditThatTakesAMisspellingsCountOverTheOwnWordThresholdRevalidatesTheDocumentsThatReadIt()
      throws IOException {
    assertThat(live.refresh()).isNull();
    ScanReport before = Scans.run(corpus);
    assertThat(nearMissesIn(before, "guide.md")).as("a misspelling written twice is flagged").isNotEmpty();

    // written 5 times in the corpus, the word is the corpus's own (NearMisses.isOwnWord): no longer flagged anywhere
    write("notes.md", "# 说明\n\n本文有 3 个章节。Promethues, Promethues and Promethues.\n");
    LiveCorpus.Update update = live.refresh();

    assertThat(validated.get("terms")).containsExactlyInAnyOrder("notes.md", "guide.md", "ops.md");
    for (String id : List.of("completeness", "versions", "weblinks")) {
      assertThat(validated.getOrDefault(id, Set.of())).as(id).containsExactly("notes.md");
    }
    assertThat(nearMissesIn(update.report(), "guide.md")).isEmpty();
    assertSameAsAFullScan(update.report());
  }

  @Test
  void anEditThatChangesABaselineRevalidatesTheDocumentsItsConflictNames() throws IOException {
    write("ops.md", OTHER.replace("1.29", "1.30") + "\nPromethues again.\n");
    LiveCorpus.Update update = live.refresh();

    // guide.md states 1.30 and ops.md 1.29: the conflict finding stood in one of them and is gone
    assertThat(validated.get("versions")).contains("ops.md").hasSizeLessThanOrEqualTo(2);
    assertThat(validated.get("completeness")).containsExactly("ops.md");
    assertSameAsAFullScan(update.report());
  }

  @Test
  void anEditThatUnlinksADocumentRevalidatesItsCompleteness() throws IOException {
    write("README.md", "# 首页\n\n- [指南](guide.md)\n- [运维](ops.md)\n");
    LiveCorpus.Update update = live.refresh();

    assertThat(validated.get("completeness")).contains("README.md", "notes.md").doesNotContain("guide.md");
    assertSameAsAFullScan(update.report());
  }

  private static List<Finding> nearMissesIn(ScanReport report, String path) {
    return report.findings().stream()
        .filter(f -> f.path().equals(path) && f.message().toLowerCase().contains("promethues")).toList();
  }

  private void assertSameAsAFullScan(ScanReport incremental) {
    ScanReport full = Scans.run(corpus);
    assertThat(incremental.findings()).extracting(Finding::toString)
        .containsExactlyInAnyOrderElementsOf(full.findings().stream().map(Finding::toString).toList());
    Map<String, Object> stats = new TreeMap<>(incremental.stats());
    Map<String, Object> fullStats = new TreeMap<>(full.stats());
    stats.remove("snippets");
    fullStats.remove("snippets");
    assertThat(stats).isEqualTo(fullStats);
    assertThat(incremental.metrics()).isEqualTo(full.metrics());
  }
}
