package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pipeline, several configs (a fleet worker's corpora each with its own .docgate.yaml): a request that brings its
 * settings is listed, validated and assembled with them; one without gets the pipeline's.
 */
class RequestSettingsTest {
  @TempDir Path corpus;

  private static ScanSettings settings(DocgateConfig config) {
    return new ScanSettings(config, ValidatorRegistry.builder(config, RuleFiles.packaged()).build(),
        Clock.systemUTC());
  }

  @Test
  void aRequestWithItsOwnSettingsIsScannedWithThemAndOneWithoutWithThePipelines() throws Exception {
    Files.writeString(corpus.resolve("README.md"), "# Start\n\n[gone](missing.md) and [no anchor](#nowhere)\n");
    Files.createDirectories(corpus.resolve("drafts"));
    Files.writeString(corpus.resolve("drafts/wip.md"), "# WIP\n\n[gone](also-missing.md)\n");
    DocgateConfig own = DocgateConfig.parse(".docgate.yaml",
        "corpus:\n  exclude: [\"drafts/**\"]\nrules:\n  links/missing-file: off\n");

    try (CamelPipeline pipeline = CamelPipeline.start(settings(DocgateConfig.defaults()), null)) {
      ScanReport plain = pipeline.scan(new ScanRequest(corpus, Instant.now()));
      ScanReport mine = pipeline.scan(new ScanRequest(corpus, Instant.now()).withSettings(settings(own)));
      ScanReport plainAgain = pipeline.scan(new ScanRequest(corpus, Instant.now()));

      assertThat(plain.findings()).extracting(Finding::rule).contains("links/missing-file", "links/missing-anchor");
      assertThat(plain.findings()).extracting(Finding::path).contains("drafts/wip.md");
      assertThat(mine.findings()).extracting(Finding::rule).contains("links/missing-anchor")
          .doesNotContain("links/missing-file");
      assertThat(mine.findings()).extracting(Finding::path).doesNotContain("drafts/wip.md");
      assertThat(plainAgain.findings()).map(Finding::fingerprint)
          .containsExactlyInAnyOrderElementsOf(plain.findings().stream().map(Finding::fingerprint).toList());
    }
  }
}
