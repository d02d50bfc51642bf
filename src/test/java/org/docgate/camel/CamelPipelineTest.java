package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.scan.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.Scans;
import org.docgate.validate.ValidatorRegistry;
import org.docgate.validate.weblinks.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Camel routes wire the same beans the core tests exercise: both paths must give the same report. */
class CamelPipelineTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/links");

  private static ScanSettings settings() {
    DocgateConfig config = DocgateConfig.defaults();
    return new ScanSettings(config, ValidatorRegistry.builder(config, RuleFiles.packaged()).build(), Scans.FIXED_CLOCK);
  }

  @Test
  void packagedRoutesGiveTheSameFindingsAsTheBeansCalledDirectly() throws Exception {
    ScanReport direct = Scans.run(FIXTURES);
    try (CamelPipeline pipeline = CamelPipeline.start(settings(), null)) {
      assertThat(pipeline.routeIds()).contains("scan");
      ScanReport viaCamel = pipeline.scan(new ScanRequest(FIXTURES, Scans.FIXED_CLOCK.instant()));
      assertThat(viaCamel.findings()).isNotEmpty();
      assertThat(viaCamel.findings()).map(Finding::fingerprint)
          .containsExactlyElementsOf(direct.findings().stream().map(Finding::fingerprint).toList());
      assertThat(viaCamel.stats()).isEqualTo(direct.stats());
      assertThat(viaCamel.documents()).isEqualTo(direct.documents());
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
