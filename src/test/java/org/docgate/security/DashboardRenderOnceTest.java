package org.docgate.security;

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
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.Retention;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.Dashboard;
import org.docgate.service.Debouncer;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MemoryStoreForTests;
import org.docgate.service.ScanService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (smaller item): every {@code GET /} rebuilt the whole dashboard (20 MB for 100,000 files) from the store, so
 * a few clients reloading it kept a core busy. It is rendered once per stored run.
 */
class DashboardRenderOnceTest {
  @TempDir Path corpus;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void theDashboardIsRenderedOncePerRunAndAgainAfterTheNextRun() throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n\n[gone](gone.md)\n");
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).only(Set.of("links")).build();
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        org.docgate.scan.Scans.pipeline(config, registry, Clock.systemUTC()), Clock.systemUTC());
    ScanService service = new ScanService(live, new MemoryStoreForTests(),
        ReadinessRules.fromRules(RuleFiles.packaged()), ScanService.Listener.NONE, Clock.systemUTC(),
        Retention.FOREVER, () -> null, new Debouncer(Duration.ZERO, Duration.ZERO));
    Dashboard dashboard = new Dashboard();
    service.fullScan("start");

    String first = dashboard.render(service);
    assertThat(first).contains("gone.md");
    assertThat(dashboard.render(service)).as("the same run: the kept page, not a new render").isSameAs(first);

    Files.writeString(corpus.resolve("a.md"), "# A\n\n[lost](lost.md)\n");
    service.fullScan("api");
    String second = dashboard.render(service);
    assertThat(second).as("a new run: rendered again").isNotSameAs(first).contains("lost.md");
    assertThat(dashboard.render(service)).isSameAs(second);
  }
}
