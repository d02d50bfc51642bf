package org.docgate.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.http.Network;
import org.docgate.metrics.DocgateMeters;
import org.docgate.metrics.Metrics;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.ReportStores;
import org.docgate.report.store.Retention;
import org.docgate.report.store.RunSummary;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.Api;
import org.docgate.service.Dashboard;
import org.docgate.service.Debouncer;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MeterListener;
import org.docgate.service.ScanService;
import org.docgate.service.ServeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled full scan fires through Quartz's in-memory job store: c3p0, which camel-quartz brings for Quartz's
 * JDBC job store, is excluded from the build, and nothing may need it.
 */
class ScheduledScanTest {
  @TempDir Path corpus;
  @TempDir Path data;

  @Test
  void aCronScheduleStoresScheduledRunsWithoutC3p0() throws Exception {
    assertThat(ScheduledScanTest.class.getClassLoader().getResource("com/mchange/v2/c3p0/ComboPooledDataSource.class"))
        .as("c3p0 is excluded from the build").isNull();
    Files.writeString(corpus.resolve("a.md"), "# A\n");
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).only(Set.of("links")).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    var prometheus = Metrics.prometheusRegistry();
    try (ReportStore store = ReportStores.open(null, data)) {
      LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        org.docgate.scan.Scans.pipeline(config, registry, Clock.systemUTC()), Clock.systemUTC());
      ScanService service = new ScanService(live, store, ReadinessRules.fromRules(RuleFiles.packaged()),
          new MeterListener(new DocgateMeters(prometheus, registry)), Clock.systemUTC(), Retention.FOREVER,
          () -> null, new Debouncer(Duration.ofMillis(100), Duration.ofSeconds(1)));
      Api api = new Api(service, null, pool, 0, new Dashboard()::render);
      ServeSettings settings = new ServeSettings("127.0.0.1", ServeRoutesTest.freePort(), ServeRoutesTest.freePort(),
          null, "* * * * * ?", null); // every second, no watcher
      try (CamelService camel = CamelService.start(settings, service, api, prometheus)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && scheduledRuns(store) < 2) {
          Thread.sleep(100);
        }
        assertThat(scheduledRuns(store)).as("complete runs triggered by the Quartz schedule").isGreaterThanOrEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long scheduledRuns(ReportStore store) {
    return store.runs(0, 100).items().stream().filter(r -> r.trigger().equals("schedule"))
        .map(RunSummary::status).filter(s -> s.name().equals("COMPLETE")).count();
  }
}
