package org.docgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.fleet.CorpusWork;
import org.docgate.report.ScanReport;
import org.docgate.validate.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana dashboard and the alert rules read only metrics docgate emits, and promtool accepts them. */
class DashboardsTest {
  static final Path DASHBOARD = DashboardQueries.DASHBOARD;
  static final Path ALERTS = Path.of("dashboards/prometheus/alerts.yaml");
  static final Path ALERT_TESTS = Path.of("dashboards/prometheus/alerts.test.yaml");
  static final Path FLEET_SCRAPE = Path.of("dashboards/prometheus/fleet.yml");
  private static final Pattern METRIC = Pattern.compile("\\bdocgate_[a-z0-9_]+");
  private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE (docgate_[a-z0-9_]+) (\\w+)$");

  @Test
  void everyDocgateMetricOfTheDashboardAndAlertsIsEmitted() throws IOException {
    Set<String> emitted = emittedNames();
    Set<String> used = new TreeSet<>();
    for (String expr : dashboardExpressions()) {
      used.addAll(names(expr));
    }
    used.addAll(names(Files.readString(ALERTS)));
    used.addAll(names(Files.readString(ALERT_TESTS)));

    assertThat(used).as("docgate metrics the dashboard and alerts use").hasSizeGreaterThan(10);
    assertThat(emitted).containsAll(used);
  }

  @Test
  void everyQueryOfEveryPanelNamesAMetricDocgateExports() throws IOException {
    Set<String> emitted = emittedNames();
    List<JsonNode> panels = panels(new ObjectMapper().readTree(DASHBOARD.toFile()));

    assertThat(panels).hasSizeGreaterThan(10);
    List<JsonNode> fleet = DashboardQueries.rowPanels(DashboardQueries.FLEET_ROW);
    assertThat(fleet).isNotEmpty();
    for (JsonNode panel : panels) {
      if (fleet.contains(panel)) {
        continue; // a worker's /metrics: Kafka client meters too (FleetDashboardTest reads a running worker's)
      }
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        // a query on no docgate metric (a typo such as docgat_documents, or another exporter's) shows "No data"
        assertThat(names(expr)).as("panel '%s': %s", panel.path("title").asText(), expr).isNotEmpty()
            .allSatisfy(name -> assertThat(emitted).as("panel '%s'", panel.path("title").asText()).contains(name));
      }
    }
  }

  @Test
  void theFleetRowReadsTheFleetScrapeJobAndItsDocgateMetricsAreEmitted() throws IOException {
    Set<String> emitted = emittedNames();
    List<JsonNode> fleet = DashboardQueries.rowPanels(DashboardQueries.FLEET_ROW);

    assertThat(fleet).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode panel : fleet) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        // the workers are their own scrape job (dashboards/prometheus/fleet.yml), not a corpus of the Corpus variable
        assertThat(expr).as(panel.path("title").asText()).contains("{job=\"docgate-fleet\"").doesNotContain("$instance");
        assertThat(DashboardQueries.metricNames(expr)).isNotEmpty().filteredOn(n -> n.startsWith("docgate_"))
            .allSatisfy(name -> assertThat(emitted).as(panel.path("title").asText()).contains(name));
      }
    }
    assertThat(Files.readString(FLEET_SCRAPE)).contains("job_name: docgate-fleet");
  }

  @Test
  void theMetricNamesOfAQueryAreNotItsFunctionsLabelsOrDurations() {
    assertThat(DashboardQueries.metricNames("max by (group, topic, partition) (kafka_consumer_fetch_manager_records_lag"
        + "{job=\"docgate-fleet\",topic=~\"a.*\"}) / ignoring(le) sum(increase(docgate_fleet_jobs_total[1h] offset"
        + " 5m)) > bool 0.5")).containsExactly("docgate_fleet_jobs_total", "kafka_consumer_fetch_manager_records_lag");
  }

  @Test
  void thePrometheusFleetScrapeConfigPassesPromtoolAndListsWorkers() throws Exception {
    Path promtool = Tools.require("promtool", "prometheus");

    Tools.Result check = Tools.run(null, List.of(promtool.toString(), "check", "config", FLEET_SCRAPE.toString()));

    assertThat(check.exit()).as(check.output()).isZero();
    JsonNode groups = new ObjectMapper().readTree(FLEET_SCRAPE.resolveSibling("fleet-workers.json").toFile());
    assertThat(groups).isNotEmpty().allSatisfy(g -> assertThat(g.path("targets")).isNotEmpty()
        .allSatisfy(t -> assertThat(t.asText()).matches("[\\w.-]+:\\d+")));
  }

  @Test
  void scanDurationQuantilesLookBackOverHoursNotOneScrapeInterval() throws IOException {
    List<String> quantiles = dashboardExpressions().stream()
        .filter(e -> e.contains("docgate_scan_duration_seconds_bucket")).toList();

    // scans are minutes or hours apart: a rate over $__rate_interval was "No data" most of the time
    assertThat(quantiles).hasSize(2).allSatisfy(e -> assertThat(e).doesNotContain("$__rate_interval")
        .containsPattern("\\[\\d+h\\]"));
  }

  @Test
  void theAlertsCoverADeadOrAbsentDocgate() throws IOException {
    String alerts = Files.readString(ALERTS);

    assertThat(alerts).contains("expr: up{job=\"docgate\"} == 0", "absent(docgate_documents{job=\"docgate\"})");
    assertThat(alerts).as("no rule may rest on a counter that restarts at 0").doesNotContain("docgate_scans_total");
  }

  @Test
  void theDashboardShowsEveryQualityRatioTheValidatorsDeclare() throws IOException {
    Set<String> used = new TreeSet<>();
    dashboardExpressions().forEach(e -> used.addAll(names(e)));

    for (String ratio : declaredRatios()) {
      assertThat(used).contains(MeterNames.ratio(ratio).replace('.', '_') + "_ratio");
    }
  }

  @Test
  void everyPanelReadsTheDatasourceVariable() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<String> variables = new ArrayList<>();
    dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
    assertThat(variables).contains("DS_PROMETHEUS", "instance");
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
      if (panel.path("type").asText().equals("row")) {
        continue; // a row only groups the panels below it
      }
      assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
          .isEqualTo("${DS_PROMETHEUS}");
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
    }
  }

  @Test
  void theDashboardQueriesArePromqlThatPromtoolParses(@TempDir Path dir) throws Exception {
    Path promtool = Tools.require("promtool", "prometheus");
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int n = 0;
    for (String expr : dashboardExpressions()) {
      String concrete = expr.replace("$__rate_interval", "5m").replace("$instance", ".*");
      rules.append("      - record: dashboard:query").append(n++).append("\n        expr: ")
          .append(new ObjectMapper().writeValueAsString(concrete)).append('\n');
    }
    Path file = Files.writeString(dir.resolve("dashboard-queries.yaml"), rules);

    Tools.Result check = Tools.run(null, List.of(promtool.toString(), "check", "rules", file.toString()));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + n + " rules found");
  }

  @Test
  void theAlertRulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
    Path promtool = Tools.require("promtool", "prometheus");

    Tools.Result check = Tools.run(null, List.of(promtool.toString(), "check", "rules", ALERTS.toString()));
    Tools.Result test = Tools.run(null, List.of(promtool.toString(), "test", "rules", ALERT_TESTS.toString()));

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 7 rules found");
    assertThat(test.exit()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  /** The Prometheus names a registry shows after one full report: each family, plus a histogram's series. */
  static Set<String> emittedNames() {
    PrometheusMeterRegistry registry = Metrics.batchRegistry();
    Map<String, Object> stats = Map.of("weblinks", Map.of(
        "links", Map.of("outcome", Map.of("ok", 5L)), "cache", Map.of("hits", 1L, "misses", 1L)));
    ScanReport report = Reports.report(3, Reports.metrics("linkValidity", 1.0), stats,
        "links/missing-file error a.md");
    new DocgateMeters(registry, Reports.validators())
        .record(report, Reports.readiness(report), Duration.ofSeconds(1), Reports.FINISHED);
    // a fleet worker's own meters
    FleetMeters.bind(registry, new CorpusWork(null, null, null, null, "w"));
    FleetMeters.bindInFlight(registry, () -> 0);
    FleetMeters.bindUrls(registry, new org.docgate.fleet.HostWaits(), () -> 0);
    Set<String> names = new TreeSet<>();
    Matcher m = TYPE.matcher(registry.scrape());
    while (m.find()) {
      names.add(m.group(1));
      if (m.group(2).equals("histogram")) {
        List.of("_bucket", "_count", "_sum").forEach(s -> names.add(m.group(1) + s));
      } else if (m.group(2).equals("summary")) {
        List.of("_count", "_sum").forEach(s -> names.add(m.group(1) + s));
      }
    }
    return names;
  }

  static List<String> declaredRatios() {
    return Reports.validators().metrics().stream().map(Metric::name).toList();
  }

  /** Every panel, also those inside rows (a collapsed row keeps its panels in its own {@code panels}). */
  static List<JsonNode> panels(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode panel : node.path("panels")) {
      if (!panel.path("type").asText().equals("row")) {
        out.add(panel);
      }
      out.addAll(panels(panel));
    }
    return out;
  }

  static List<String> dashboardExpressions() throws IOException {
    List<String> exprs = new ArrayList<>();
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    for (JsonNode panel : panels(dashboard)) {
      panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
    }
    dashboard.path("templating").path("list")
        .forEach(v -> exprs.add(v.path("query").path("query").asText("").replaceAll("label_values\\((\\w+),.*", "$1")));
    exprs.removeIf(String::isBlank);
    return exprs;
  }

  private static Set<String> names(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
