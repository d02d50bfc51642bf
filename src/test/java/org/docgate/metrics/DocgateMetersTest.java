package org.docgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docgate.metrics.Reports.metrics;
import static org.docgate.metrics.Reports.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.docgate.catalog.ValidatorCatalog;
import org.docgate.finding.Rule;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.Test;

class DocgateMetersTest {
  static final Map<String, Object> STATS = Map.of("weblinks", Map.of(
      "links", Map.of("outcome", Map.of("ok", 5L, "broken", 1L)),
      "cache", Map.of("hits", 3L, "misses", 4L)));

  static final ScanReport FIRST = report(4, metrics("linkValidity", 0.8, "snippetRunnable", null,
          "completeness", 0.5), STATS,
      "links/missing-file error guide/a.md", "links/missing-file error guide/b.md",
      "links/missing-anchor error ref/c.md", "versions/eol error top.md");

  static final ScanReport SECOND = report(5, metrics("linkValidity", 1.0, "snippetRunnable", 0.95), Map.of(),
      "links/missing-file error guide/a.md", "versions/eol error top.md");

  final PrometheusMeterRegistry registry = Metrics.batchRegistry();
  final DocgateMeters meters = new DocgateMeters(registry, ValidatorCatalog.shipped(), List.of("versionAlignment"),
      List.of(new Rule("terms/preferred", "a declared rule", Severity.WARNING)));

  @Test
  void gaugesShowTheFirstReport() {
    record(FIRST);

    assertThat(gauge("docgate.documents")).isEqualTo(4);
    assertThat(gauge("docgate.findings", "rule", "links/missing-file", "severity", "error", "validator", "links"))
        .isEqualTo(2);
    assertThat(gauge("docgate.findings", "rule", "links/missing-anchor")).isEqualTo(1);
    assertThat(gauge("docgate.folder.findings", "folder", "guide", "severity", "error")).isEqualTo(2);
    assertThat(gauge("docgate.folder.findings", "folder", ".", "severity", "error")).isEqualTo(1);
    assertThat(gauge("docgate.link.validity")).isEqualTo(0.8);
    assertThat(gauge("docgate.snippet.runnable")).as("null = not measured").isNaN();
    assertThat(gauge("docgate.version.alignment")).as("known, never reported").isNaN();
    assertThat(gauge("docgate.readiness.gate.passed", "gate", "links", "severity", "blocking")).isZero();
    assertThat(gauge("docgate.readiness.gate.passed", "gate", "snippets")).isNaN();
    assertThat(gauge("docgate.readiness.gate.passed", "gate", "versions")).isZero();
    assertThat(gauge("docgate.readiness")).isZero();
    assertThat(gauge("docgate.external.links", "outcome", "broken")).isEqualTo(1);
    assertThat(gauge("docgate.external.link.cache.requests", "result", "hit")).isEqualTo(3);
    assertThat(gauge("docgate.last.successful.scan.timestamp")).isEqualTo(Reports.FINISHED.toEpochMilli() / 1000.0);
  }

  @Test
  void aSecondReportReplacesTheFirstAndDroppedRulesGoToZero() {
    record(FIRST);
    Instant later = Reports.FINISHED.plusSeconds(60);
    meters.record(SECOND, Reports.readiness(SECOND), Duration.ofSeconds(40), later);

    assertThat(gauge("docgate.documents")).isEqualTo(5);
    assertThat(gauge("docgate.findings", "rule", "links/missing-file")).isEqualTo(1);
    assertThat(gauge("docgate.findings", "rule", "links/missing-anchor")).as("dropped rule").isZero();
    assertThat(gauge("docgate.folder.findings", "folder", "ref")).as("dropped folder").isZero();
    assertThat(gauge("docgate.link.validity")).isEqualTo(1.0);
    assertThat(gauge("docgate.snippet.runnable")).isEqualTo(0.95);
    assertThat(gauge("docgate.completeness")).as("no longer reported").isNaN();
    assertThat(gauge("docgate.readiness.gate.passed", "gate", "links")).isEqualTo(1);
    assertThat(gauge("docgate.readiness")).isEqualTo(0.8);
    assertThat(gauge("docgate.external.links", "outcome", "ok")).isZero();
    assertThat(gauge("docgate.external.link.cache.requests", "result", "miss")).isZero();
    assertThat(gauge("docgate.last.successful.scan.timestamp")).isEqualTo(later.toEpochMilli() / 1000.0);
    assertThat(registry.get("docgate.scans").tag("outcome", "success").counter().count()).isEqualTo(2);
    assertThat(registry.get("docgate.scan.duration").timer().count()).isEqualTo(2);
    assertThat(registry.get("docgate.scan.duration").timer().max(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(40);
  }

  @Test
  void aDeclaredRuleIsZeroBeforeAndAfterReportsWithoutItsFindings() {
    assertThat(gauge("docgate.findings", "rule", "terms/preferred", "severity", "warning", "validator", "terms"))
        .isZero();
    record(FIRST);
    assertThat(gauge("docgate.findings", "rule", "terms/preferred")).isZero();
  }

  @Test
  void aFindingIsTaggedWithTheValidatorDeclaringItsRuleNotWithTheRuleFamily() {
    record(report(1, Map.of(), Map.of(), "links/external-broken error a.md", "links/missing-file error a.md"));

    // links/external-* rule ids are older than the weblinks validator; the tag names the validator
    assertThat(gauge("docgate.findings", "rule", "links/external-broken", "validator", "weblinks")).isEqualTo(1);
    assertThat(gauge("docgate.findings", "rule", "links/missing-file", "validator", "links")).isEqualTo(1);
  }

  @Test
  void theValidatorRegistryDeclaresEveryRuleAndRatio() {
    PrometheusMeterRegistry declared = Metrics.batchRegistry();
    new DocgateMeters(declared, Reports.validators());

    assertThat(declared.find("docgate.findings").gauges()).hasSizeGreaterThan(40);
    assertThat(declared.get("docgate.findings").tags("rule", "links/missing-file", "severity", "error").gauge()
        .value()).isZero();
    assertThat(declared.get("docgate.link.validity").gauge().value()).isNaN();
  }

  @Test
  void aFailureOnlyCountsAndKeepsTheLastGoodReport() {
    record(FIRST);
    meters.recordFailure();

    assertThat(registry.get("docgate.scans").tag("outcome", "failure").counter().count()).isEqualTo(1);
    assertThat(gauge("docgate.documents")).isEqualTo(4);
  }

  @Test
  void beforeTheFirstScanOnlyTheScanCountersExist() {
    String scrape = registry.scrape();

    assertThat(scrape).contains("docgate_scans_total{outcome=\"failure\"} 0.0")
        .contains("docgate_scan_duration_seconds_count 0")
        .doesNotContain("docgate_documents").doesNotContain("docgate_last_successful_scan_timestamp_seconds");
  }

  @Test
  void theScrapeUsesPrometheusNamesUnitsAndHelp() {
    record(FIRST);
    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("# HELP docgate_documents ")
        .contains("docgate_findings{rule=\"links/missing-file\",severity=\"error\",validator=\"links\"} 2.0")
        .contains("docgate_link_validity_ratio 0.8")
        .contains("docgate_snippet_runnable_ratio NaN")
        .contains("docgate_readiness_ratio 0.0")
        .contains("docgate_readiness_gate_passed{gate=\"links\",severity=\"blocking\"} 0.0")
        .contains("docgate_last_successful_scan_timestamp_seconds 1.7723592025E9")
        .contains("docgate_scans_total{outcome=\"success\"} 1.0")
        .contains("docgate_scan_duration_seconds_bucket{le=\"2.5\"} 1")
        .contains("docgate_external_link_cache_requests{result=\"hit\"} 3.0");
    List<String> docgateFamilies = Arrays.stream(scrape.split("\n"))
        .filter(l -> l.startsWith("# TYPE docgate_")).toList();
    List<String> helped = Arrays.stream(scrape.split("\n"))
        .filter(l -> l.startsWith("# HELP docgate_") && l.split(" ", 4).length == 4 && !l.split(" ", 4)[3].isBlank())
        .toList();
    assertThat(helped).as("every docgate family has help text").hasSameSizeAs(docgateFamilies);
  }

  @Test
  void theScrapeOfTheServiceRegistryPassesPromtool() throws Exception {
    Path promtool = Tools.require("promtool", "prometheus");
    PrometheusMeterRegistry service = Metrics.prometheusRegistry();
    new DocgateMeters(service, Reports.validators()).record(FIRST, Reports.readiness(FIRST), Duration.ofMillis(2500), Reports.FINISHED);
    String scrape = service.scrape();
    assertThat(scrape).isNotBlank().contains("jvm_memory_used_bytes").contains("process_uptime_seconds").contains("docgate_");

    Tools.Result check = Tools.run(scrape, List.of(promtool.toString(), "check", "metrics"));

    // Exit 1 is a parse error; 3 is lint only, tolerated for Micrometer's own JVM meters (system_cpu_count...).
    assertThat(check.exit()).as("promtool check metrics:\n" + check.output()).isIn(0, 3);
    assertThat(check.output().lines().filter(l -> l.contains("docgate_")))
        .as("lint lines about docgate meters").isEmpty();
  }

  private void record(ScanReport report) {
    meters.record(report, Reports.readiness(report), Duration.ofMillis(2500), Reports.FINISHED);
  }

  private double gauge(String name, String... tags) {
    RequiredSearch search = registry.get(name);
    if (tags.length > 0) {
      search = search.tags(tags);
    }
    Gauge g = search.gauge();
    return g.value();
  }
}
