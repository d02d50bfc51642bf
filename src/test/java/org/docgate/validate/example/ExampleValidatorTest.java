package org.docgate.validate.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.docgate.camel.CamelPipeline;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.metrics.DocgateMeters;
import org.docgate.metrics.Metrics;
import org.docgate.report.SarifReportWriter;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.ScanReport;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator added with three things (its package, its rules data, one registry line) runs through the scan route
 * and shows up in the report, SARIF, the Prometheus meters and {@code --only}, all from its declaration.
 */
class ExampleValidatorTest {
  /** The packaged rules: on the test class path, they hold the example's {@code rules/example/}. */
  static final RuleFiles RULES = RuleFiles.packaged();

  @TempDir Path corpus;

  static ValidatorRegistry.Builder registry() {
    return ValidatorRegistry.builder(DocgateConfig.defaults(), RULES).add(ExampleValidator.DECLARATION); // the line
  }

  ScanReport scan(ValidatorRegistry registry) throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n\nInstall it.\n\nThen simply run it.\n");
    try (CamelPipeline pipeline = CamelPipeline.start(new ScanSettings(DocgateConfig.defaults(), registry,
        Scans.FIXED_CLOCK), null)) {
      return pipeline.scan(new ScanRequest(corpus, Scans.FIXED_CLOCK.instant()));
    }
  }

  @Test
  void itsFindingsCountersAndRatioAreInTheReport() throws Exception {
    ScanReport report = scan(registry().only(Set.of("example")).build());

    assertThat(report.findings()).extracting(f -> f.rule() + " " + f.line() + ":" + f.column() + " " + f.message())
        .containsExactly("example/banned-word 5:6 'simply' tells the reader nothing");
    assertThat(report.metrics()).containsEntry("exampleCleanProse", 2 / 3.0);
    assertThat(Scans.stat(report, "example.runs.checked")).isEqualTo(3);
  }

  @Test
  void sarifLinksItsRuleToItsReadmeSection() throws Exception {
    ValidatorRegistry registry = registry().only(Set.of("example")).build();
    JsonNode rules = new ObjectMapper().readTree(new SarifReportWriter(registry.catalog(),
        SarifReportWriter.DEFAULT_README, "t").write(scan(registry))).path("runs").get(0).path("tool")
        .path("driver").path("rules");
    JsonNode rule = null;
    for (JsonNode r : rules) {
      rule = r.path("id").asText().equals("example/banned-word") ? r : rule;
    }
    assertThat(rule).isNotNull();
    assertThat(rule.path("helpUri").asText()).isEqualTo(SarifReportWriter.DEFAULT_README + "#adding-a-validator");
    assertThat(rule.path("shortDescription").path("text").asText()).isEqualTo("Prose uses a word of rules/example/words.txt");
  }

  @Test
  void prometheusTagsItsFindingsAndDeclaresItsRatio() throws Exception {
    ValidatorRegistry registry = registry().only(Set.of("example")).build();
    PrometheusMeterRegistry prometheus = Metrics.batchRegistry();
    DocgateMeters meters = new DocgateMeters(prometheus, registry);
    assertThat(prometheus.scrape()).contains("docgate_example_clean_prose_ratio NaN");

    ScanReport report = scan(registry);
    meters.record(report, ReadinessScorer.score(ReadinessRules.fromRules(RULES), report.metrics(),
        report.findings()), Duration.ofSeconds(1), Scans.FIXED_CLOCK.instant());
    assertThat(prometheus.scrape())
        .contains("docgate_findings{rule=\"example/banned-word\",severity=\"warning\",validator=\"example\"} 1.0")
        .contains("docgate_example_clean_prose_ratio 0.666");
  }

  @Test
  void onlyChoosesItAndAnUnknownIdListsIt() {
    assertThat(registry().only(Set.of("example")).build().validators()).extracting(v -> v.id())
        .containsExactly("example");
    assertThatThrownBy(() -> registry().only(List.of("exampel")).build())
        .hasMessage("unknown validator 'exampel' (known: links, versions, completeness, weblinks, terms, snippets, "
            + "example)");
  }
}
