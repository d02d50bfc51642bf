package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.http.Network;
import org.docgate.metrics.DocgateMeters;
import org.docgate.metrics.MeterNames;
import org.docgate.report.ScanReport;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.FindingQuery;
import org.docgate.report.store.Page;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.Retention;
import org.docgate.report.store.RunDiff;
import org.docgate.report.store.RunStart;
import org.docgate.report.store.RunStatus;
import org.docgate.report.store.RunSummary;
import org.docgate.report.store.StoreException;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.Debouncer;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MemoryStoreForTests;
import org.docgate.service.MeterListener;
import org.docgate.service.ScanService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise: the metrics never report a scan as successful that the store did not keep. A scan whose run cannot be
 * written (disk full, database gone) counts as a failure and leaves the gauges at the last stored scan, so an alert on
 * failing scans fires and the dashboards agree with the API.
 */
class FailedStoreWriteMetricsTest {
  @TempDir Path corpus;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void aScanWhoseRunCannotBeStoredCountsAsAFailureNotASuccess() throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n\n[b](b.md)\n");
    Files.writeString(corpus.resolve("b.md"), "# B\n");
    StoreThatCannotComplete store = new StoreThatCannotComplete();
    ScanService service = service(store);

    assertThatThrownBy(() -> service.fullScan("api")).isInstanceOf(StoreException.class)
        .hasMessageContaining("disk full");

    assertThat(scans("success")).isZero();
    assertThat(scans("failure")).isEqualTo(1);
    assertThat(registry.find(MeterNames.DOCUMENTS).gauge()).as("no gauge shows the unstored scan").isNull();
    assertThat(store.run(1)).map(RunSummary::status).contains(RunStatus.FAILED);

    store.writable = true;
    service.fullScan("api");
    assertThat(scans("success")).isEqualTo(1);
    assertThat(scans("failure")).isEqualTo(1);
    assertThat(registry.get(MeterNames.DOCUMENTS).gauge().value()).isEqualTo(2);
  }

  private double scans(String outcome) {
    return registry.get(MeterNames.SCANS).tag("outcome", outcome).counter().count();
  }

  private ScanService service(ReportStore store) {
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry validators = ValidatorRegistry.builder(config, RuleFiles.packaged())
        .only(Set.of("links")).build();
    LiveCorpus live = new LiveCorpus(corpus, new CorpusScanner(config),
        org.docgate.scan.Scans.pipeline(config, validators, Clock.systemUTC()), Clock.systemUTC());
    return new ScanService(live, store, ReadinessRules.fromRules(RuleFiles.packaged()), new MeterListener(new DocgateMeters(registry, validators)),
        Clock.systemUTC(), Retention.FOREVER, () -> null, new Debouncer(Duration.ofMillis(100), Duration.ofSeconds(1)));
  }

  /** A store whose complete() fails as a full disk would, until the test makes it writable. */
  private static final class StoreThatCannotComplete implements ReportStore {
    private final MemoryStoreForTests kept = new MemoryStoreForTests();
    volatile boolean writable;

    @Override
    public long begin(RunStart start) {
      return kept.begin(start);
    }

    @Override
    public RunSummary complete(long runId, ScanReport report, Double readinessScore) {
      if (!writable) {
        throw new StoreException("cannot store run " + runId + ": disk full", null);
      }
      return kept.complete(runId, report, readinessScore);
    }

    @Override
    public void fail(long runId, String reason) {
      kept.fail(runId, reason);
    }

    @Override
    public int failInterrupted() {
      return kept.failInterrupted();
    }

    @Override
    public Page<RunSummary> runs(int page, int size) {
      return kept.runs(page, size);
    }

    @Override
    public Optional<RunSummary> run(long runId) {
      return kept.run(runId);
    }

    @Override
    public Optional<RunSummary> latestComplete() {
      return kept.latestComplete();
    }

    @Override
    public Optional<RunSummary> previousComplete(long runId) {
      return kept.previousComplete(runId);
    }

    @Override
    public Page<Finding> findings(long runId, FindingQuery query, int page, int size) {
      return kept.findings(runId, query, page, size);
    }

    @Override
    public RunDiff diff(long runId, long baseRunId) {
      return kept.diff(runId, baseRunId);
    }

    @Override
    public int retain(Retention retention) {
      return kept.retain(retention);
    }

    @Override
    public void close() {
      kept.close();
    }
  }
}
