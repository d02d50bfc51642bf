package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusIndex;
import org.docgate.finding.Finding;
import org.docgate.finding.Rule;
import org.docgate.http.Network;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanOutcome;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ScanState;
import org.docgate.scan.Scans;
import org.docgate.scan.Scope;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.Prepared;
import org.docgate.validate.ValidationResult;
import org.docgate.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan route: scopes, reuse of a previous scan's documents, the validators' corpus step, user routes. */
class CamelPipelineTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/links");

  private static ScanSettings settings() {
    return settings(Set.of());
  }

  private static ScanSettings settings(Set<String> only) {
    DocgateConfig config = DocgateConfig.defaults();
    return new ScanSettings(config, ValidatorRegistry.builder(config, RuleFiles.packaged()).only(only).build(),
        Scans.FIXED_CLOCK);
  }

  @Test
  void aScopedScanGivesTheWholeScansFindingsOfTheDocumentsInScopeOnly() throws Exception {
    Set<String> chosen = Set.of("anchors.md", "guide/setup.md");
    try (CamelPipeline pipeline = CamelPipeline.start(settings(), null)) {
      assertThat(pipeline.routeIds()).contains("scan");
      ScanReport whole = pipeline.scan(new ScanRequest(FIXTURES, Scans.FIXED_CLOCK.instant()));
      ScanReport scoped = pipeline.scan(new ScanRequest(FIXTURES, Scans.FIXED_CLOCK.instant())
          .withScope(Scope.only(chosen)));
      List<String> expected = whole.findings().stream().filter(f -> chosen.contains(f.path()))
          .map(Finding::toString).toList();
      assertThat(expected).as("the fixtures have findings in the chosen files").isNotEmpty();
      assertThat(scoped.findings()).filteredOn(f -> !f.rule().startsWith("corpus/")).map(Finding::toString)
          .containsExactlyElementsOf(expected);
      assertThat(scoped.documents()).isEqualTo(whole.documents());
    }
  }

  @Test
  void aDocumentThePreviousScanLoadedIsNotReadAgain(@TempDir Path corpus) throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n\n[b](b.md)\n");
    Files.writeString(corpus.resolve("b.md"), "# B\n");
    try (CamelPipeline pipeline = CamelPipeline.start(settings(Set.of("links")), null)) {
      ScanOutcome first = pipeline.run(new ScanRequest(corpus, Scans.FIXED_CLOCK.instant()));
      assertThat(first.report().findings()).isEmpty();
      // the file changes behind the pipeline's back: a request that says a.md is unchanged gets the loaded document
      Files.writeString(corpus.resolve("a.md"), "# A\n\n[c](c.md)\n");
      ScanState kept = first.state().reusing(Map.of("a.md", first.state().loaded().get("a.md")), Map.of());
      ScanOutcome reused = pipeline.run(new ScanRequest(corpus, Scans.FIXED_CLOCK.instant()).withPrevious(kept));
      assertThat(reused.report().findings()).isEmpty();
      ScanOutcome reread = pipeline.run(new ScanRequest(corpus, Scans.FIXED_CLOCK.instant()));
      assertThat(reread.report().findings()).extracting(Finding::target).containsExactly("c.md");
    }
  }

  /** Counts its corpus steps; each document's result says which prepared state it was given. */
  private static final class PreparingValidator implements Validator {
    final AtomicInteger prepared = new AtomicInteger();

    private record Stamp(int scan, int documents) implements Prepared {
      @Override
      public ValidationResult corpusResult() {
        return new ValidationResult(List.of(), Map.of("preparing.corpus", 1L));
      }
    }

    @Override
    public org.docgate.validate.ValidatorDeclaration declaration() {
      return new org.docgate.validate.ValidatorDeclaration("preparing", "Preparing", "Adding a validator", List.of(),
          List.of(), null);
    }

    @Override
    public Prepared prepare(CorpusIndex index, Collection<MarkdownDocument> documents, Prepared previous) {
      return new Stamp(prepared.incrementAndGet(), documents.size());
    }

    @Override
    public ValidationResult validate(MarkdownDocument doc, CorpusIndex index) {
      throw new AssertionError("the pipeline validates with the prepared state");
    }

    @Override
    public ValidationResult validate(MarkdownDocument doc, CorpusIndex index, Prepared prepared) {
      Stamp stamp = (Stamp) prepared;
      return new ValidationResult(List.of(), Map.of("preparing.scan" + stamp.scan() + ".of" + stamp.documents(), 1L));
    }
  }

  @Test
  void theCorpusStepRunsOncePerScanBeforeTheDocumentsAndItsResultIsCountedOnce() throws Exception {
    PreparingValidator validator = new PreparingValidator();
    ScanSettings settings = new ScanSettings(DocgateConfig.defaults(),
        new ValidatorRegistry(List.of(validator), Map.of()), Scans.FIXED_CLOCK);
    try (CamelPipeline pipeline = CamelPipeline.start(settings, null)) {
      ScanReport report = pipeline.scan(new ScanRequest(FIXTURES, Scans.FIXED_CLOCK.instant()));
      assertThat(validator.prepared.get()).isEqualTo(1);
      long documents = Scans.stat(report, "documents.parsed");
      assertThat(documents).isGreaterThan(2);
      assertThat(Scans.stat(report, "preparing.scan1.of" + documents)).isEqualTo(documents);
      assertThat(Scans.stat(report, "preparing.corpus")).isEqualTo(1);
    }
  }

  @Test
  void aPipelineServesSeveralScans() throws Exception {
    try (CamelPipeline pipeline = CamelPipeline.start(settings(), null)) {
      ScanReport first = pipeline.scan(new ScanRequest(FIXTURES, Scans.FIXED_CLOCK.instant()));
      ScanReport second = pipeline.scan(new ScanRequest(FIXTURES, Scans.FIXED_CLOCK.instant()));
      assertThat(second.findings()).isEqualTo(first.findings());
    }
  }

  @Test
  void aUsersRoutesFolderReplacesThePackagedRoutes(@TempDir Path routes) throws Exception {
    Files.copy(Path.of("routes/scan.camel.yaml"), routes.resolve("scan.camel.yaml"));
    Files.copy(Path.of("routes/errors.camel.yaml"), routes.resolve("errors.camel.yaml"));
    Files.writeString(routes.resolve("extra.camel.yaml"), """
        - route:
            id: user-extra
            from:
              uri: direct:user-extra
              steps:
                - log: "hello"
        """);
    try (CamelPipeline pipeline = CamelPipeline.start(settings(), routes)) {
      assertThat(pipeline.routeIds()).containsExactlyInAnyOrder("scan", "user-extra");
      assertThat(pipeline.scan(new ScanRequest(FIXTURES, Scans.FIXED_CLOCK.instant())).findings()).isNotEmpty();
    }
  }

  @Test
  void anEmptyCorpusIsAValidCorpus(@TempDir Path empty) throws Exception {
    try (CamelPipeline pipeline = CamelPipeline.start(settings(), null)) {
      ScanReport report = pipeline.scan(new ScanRequest(empty, Scans.FIXED_CLOCK.instant()));
      assertThat(report.documents()).isZero();
      assertThat(report.findings()).isEmpty();
      assertThat(report.metrics().get("linkValidity")).isNull();
    }
  }

  @Test
  void aMissingRoutesFolderIsAClearError(@TempDir Path tmp) {
    assertThatThrownBy(() -> CamelPipeline.start(settings(), tmp.resolve("nope")))
        .hasMessageContaining("routes folder not found");
  }

  @Test
  void aCorpusThatIsNotAFolderFailsTheScanWithItsName(@TempDir Path tmp) throws Exception {
    try (CamelPipeline pipeline = CamelPipeline.start(settings(), null)) {
      assertThatThrownBy(() -> pipeline.scan(new ScanRequest(tmp.resolve("missing"), Scans.FIXED_CLOCK.instant())))
          .hasMessageContaining("missing");
    }
  }
}
