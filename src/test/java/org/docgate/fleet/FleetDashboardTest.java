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
import java.util.regex.Pattern;
import org.docgate.camel.CamelFleet;
import org.docgate.camel.CamelFleetUrls;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.http.Network;
import org.docgate.metrics.DashboardQueries;
import org.docgate.metrics.Metrics;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.ReportStores;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.weblinks.WebLinkConfig;
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
    assertThat(panels).as("the fleet row's panels").hasSizeGreaterThanOrEqualTo(5);
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.dashboard." + stamp,
        "docgate-dashboard-" + stamp, 2, Duration.ofSeconds(6));
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("README.md"), "# Start\n\n[gone](missing.md)\n");
    DocgateConfig config = DocgateConfig.defaults();
    ScanSettings settings = new ScanSettings(config, ValidatorRegistry.builder(config, RuleFiles.packaged()).build(),
        Clock.systemUTC());

    // a worker with its URL route too, as `fleet worker` starts by default; the corpus links no URL, so the URL
    // panels' metrics must be there before any URL was checked
    CamelFleetUrls.Topics topics = new CamelFleetUrls.Topics("docgate.test.dashboard.urls." + stamp,
        "docgate.test.dashboard.host-state." + stamp, 2, kafka.group() + "-urls", 100);
    Pattern corporaLag = Pattern.compile("kafka_consumer_fetch_manager_records_lag\\{[^}]*group=\"" + kafka.group()
        + "\"[^}]*partition=\"[0-9]+\"[^}]*topic=\"" + kafka.corporaTopic().replace('.', '_') + "\"");
    String scrape;
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        CamelFleetUrls.Side side = CamelFleetUrls.open(brokers, topics, HotHosts.NONE, fleet.urls(),
            WebLinkConfig.defaults(), Network.system(), Clock.systemUTC(), "w1")) {
      CorpusWork work = new CorpusWork(fleet, r -> ReportStores.open(pg.url(), null, new CorpusId(r)),
          new Checkouts(tmp.resolve("work")), Clock.systemUTC(), "w1");
      CamelFleet.ensureTopics(kafka);
      try (CamelFleet worker = CamelFleet.worker(settings, null, kafka, work, "w1", Metrics.prometheusRegistry(),
          "127.0.0.1", FleetWorkerTest.freePort(), topics, side.work())) {
        worker.start();
        CamelFleet.submit(kafka, List.of(FleetJob.submit("one", corpus.toString(), null, Instant.now())));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        // the per-partition lag appears once the consumer has fetched from its partitions
        do {
          Thread.sleep(500);
          scrape = scrape(worker.metricsPort());
        } while ((fleet.all().isEmpty() || !corporaLag.matcher(scrape).find()) && System.nanoTime() < deadline);
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
    assertThat(scrape).containsPattern(corporaLag);
    // a number (the job may still be committing), not the NaN of a gauge whose supplier was garbage-collected
    assertThat(scrape).containsPattern("(?m)^docgate_fleet_scans_in_flight [01]\\.0$");
    // the URL route's meters are there before any URL: every outcome at zero, the hosts waiting a number
    assertThat(scrape).containsPattern("(?m)^docgate_fleet_url_host_wait_seconds_count\\{outcome=\"ok\"} 0(\\.0)?$")
        .containsPattern("(?m)^docgate_fleet_hosts_waiting 0(\\.0)?$");
  }

  private static String scrape(int port) throws Exception {
    return LocalHttp.get(port, "/metrics");
  }
}
