package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.docgate.camel.CamelFleet;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.metrics.DashboardQueries;
import org.docgate.metrics.Metrics;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.ReportStores;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard's fleet row reads only metrics a running worker exposes at /metrics, with the labels its
 * queries group by: a panel on a metric name that does not exist (a typo, a Micrometer or Camel rename) fails here
 * instead of showing "No data" in production. The same port answers the liveness and readiness probes.
 */
class FleetDashboardTest {
  @TempDir Path tmp;

  @Test
  void everyMetricOfTheFleetRowIsOneAWorkerExposes() throws Exception {
    List<JsonNode> panels = DashboardQueries.rowPanels(DashboardQueries.FLEET_ROW);
    assertThat(panels).as("the fleet row's panels").hasSizeGreaterThanOrEqualTo(3);
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.dashboard." + stamp,
        "docgate-dashboard-" + stamp, 2, Duration.ofSeconds(6));
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("README.md"), "# Start\n\n[gone](missing.md)\n");
    DocgateConfig config = DocgateConfig.defaults();
    ScanSettings settings = new ScanSettings(config, ValidatorRegistry.builder(config, RuleFiles.packaged()).build(),
        Clock.systemUTC());

    String scrape;
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      CorpusWork work = new CorpusWork(fleet, r -> ReportStores.open(pg.url(), null, new CorpusId(r)),
          new Checkouts(tmp.resolve("work")), Clock.systemUTC(), "w1");
      CamelFleet.ensureTopics(kafka);
      try (CamelFleet worker = CamelFleet.worker(settings, null, kafka, work, "w1", Metrics.prometheusRegistry(),
          FleetWorkerTest.freePort())) {
        worker.start();
        CamelFleet.submit(kafka, List.of(FleetJob.submit("one", corpus.toString(), null, Instant.now())));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        // the per-partition lag appears once the consumer has fetched from its partitions
        do {
          Thread.sleep(500);
          scrape = scrape(worker.metricsPort());
        } while ((fleet.all().isEmpty() || !scrape.contains("kafka_consumer_fetch_manager_records_lag{"))
            && System.nanoTime() < deadline);
        // what a Kubernetes Deployment's probes ask on the same port
        assertThat(LocalHttp.get(worker.metricsPort(), "/observe/health/live")).contains("UP");
        assertThat(LocalHttp.get(worker.metricsPort(), "/observe/health/ready")).contains("UP");
      }
    }

    Set<String> exposed = new TreeSet<>();
    scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
        .forEach(l -> exposed.add(l.split("[{ ]", 2)[0]));
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertThat(DashboardQueries.metricNames(expr)).as("panel '%s': %s", title, expr).isNotEmpty()
            .allSatisfy(name -> assertThat(exposed).as("panel '%s' reads %s; a worker exposes %s", title, name,
                exposed).contains(name));
      }
    }
    // the labels the lag panel groups by are on the worker's per-partition lag (Kafka's metrics write a topic's dots
    // as underscores)
    assertThat(scrape).containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*group=\"" + kafka.group()
        + "\"[^}]*partition=\"[0-9]+\"[^}]*topic=\"" + kafka.corporaTopic().replace('.', '_') + "\"");
    // a number (the job may still be committing), not the NaN of a gauge whose supplier was garbage-collected
    assertThat(scrape).containsPattern("(?m)^docgate_fleet_scans_in_flight [01]\\.0$");
  }

  private static String scrape(int port) throws Exception {
    return LocalHttp.get(port, "/metrics");
  }

}
