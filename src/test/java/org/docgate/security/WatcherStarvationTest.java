package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.Retention;
import org.docgate.report.store.RunStatus;
import org.docgate.report.store.RunSummary;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.Api;
import org.docgate.service.ChangeDetector;
import org.docgate.service.Debouncer;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MemoryStoreForTests;
import org.docgate.service.ScanService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 5: on 100,000 files each poll listed the corpus for seconds while holding the scan lock, back to back,
 * so requested scans got 409, scheduled scans were silently skipped and /health/ready never settled. Looking for
 * changes must not hold the lock, and full scans that find the lock taken must wait for it, not vanish.
 */
class WatcherStarvationTest {
  @TempDir Path corpus;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ExecutorService requested = Executors.newSingleThreadExecutor();
  private final MemoryStoreForTests store = new MemoryStoreForTests();
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void corpus() throws IOException {
    Files.writeString(corpus.resolve("a.md"), "# A\n\n[b](b.md)\n");
    Files.writeString(corpus.resolve("b.md"), "# B\n\n[gone](gone.md)\n");
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    requested.shutdownNow();
  }

  private LiveCorpus live() {
    DocgateConfig config = DocgateConfig.defaults();
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).only(Set.of("links")).build();
    return new LiveCorpus(corpus, new CorpusScanner(config),
        org.docgate.scan.Scans.pipeline(config, registry, Clock.systemUTC()), Clock.systemUTC());
  }

  private ScanService service(LiveCorpus live, ChangeDetector detector) {
    return new ScanService(live, store, ReadinessRules.fromRules(RuleFiles.packaged()), listener, Clock.systemUTC(),
        Retention.FOREVER, () -> null, new Debouncer(Duration.ZERO, Duration.ZERO), detector);
  }

  @Test
  void aPollStillListingTheCorpusLeavesTheScanLockFree() throws Exception {
    SlowListingDetector detector = new SlowListingDetector();
    ScanService service = service(live(), detector);
    service.startup();
    Api api = new Api(service, "t0ken", requested, 0, s -> "");

    Thread watcher = Thread.ofPlatform().start(service::poll);
    assertThat(detector.listing.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(service.busy()).as("busy while only listing").isFalse();
      assertThat(api.ready().status()).isEqualTo(200);
      assertThat(api.ready().body()).contains("\"scanning\":false");
      var answer = api.triggerScan("Bearer t0ken");
      assertThat(answer.status()).as("POST /api/scans while the watcher lists").isEqualTo(202);
      assertThat(answer.body()).contains("started");
      awaitRuns(service, 2);
      assertThat(triggers()).containsExactly("api", "start");
    } finally {
      detector.release.countDown();
      watcher.join(10_000);
    }
  }

  @Test
  void scheduledAndRequestedScansThatFindAScanRunningAreQueuedAsOne() throws Exception {
    ScanService service = service(live(), new SlowListingDetector());
    listener.holdNextScan();
    Thread first = Thread.ofPlatform().start(service::startup);
    assertThat(listener.scanning.await(10, TimeUnit.SECONDS)).isTrue();
    Api api = new Api(service, "t0ken", requested, 0, s -> "");

    service.scheduledScan(); // the Quartz thread: must come back at once, not wait nor drop it
    for (int i = 0; i < 3; i++) {
      var answer = api.triggerScan("Bearer t0ken");
      assertThat(answer.status()).as("POST /api/scans during a scan").isEqualTo(202);
      assertThat(answer.body()).contains("queued");
    }
    listener.release.countDown();
    first.join(10_000);

    awaitRuns(service, 2);
    Thread.sleep(300); // a third run would come right after the second: give it the chance to show up
    assertThat(triggers()).as("newest first: the queued ones ran once, as the scheduled scan").containsExactly(
        "schedule", "start");
    assertThat(store.runs(0, 10).items()).extracting(RunSummary::status).containsOnly(RunStatus.COMPLETE);
  }

  @Test
  void readyOnceTheFirstScanIsDoneEvenWhileAnotherScanRuns() throws Exception {
    ScanService service = service(live(), new SlowListingDetector());
    service.startup();
    Api api = new Api(service, "t0ken", requested, 0, s -> "");
    listener.holdNextScan();
    assertThat(api.triggerScan("Bearer t0ken").status()).isEqualTo(202);
    assertThat(listener.scanning.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(service.busy()).isTrue();
      assertThat(api.ready().status()).isEqualTo(200);
      assertThat(api.ready().body()).contains("\"status\":\"UP\"", "\"scanning\":true");
    } finally {
      listener.release.countDown();
    }
  }

  private List<String> triggers() {
    return store.runs(0, 10).items().stream().map(RunSummary::trigger).toList();
  }

  private void awaitRuns(ScanService service, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      List<RunSummary> runs = store.runs(0, 10).items();
      if (runs.size() >= n && runs.stream().allMatch(r -> r.status() != RunStatus.RUNNING) && !service.busy()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("expected " + n + " finished runs, got " + store.runs(0, 10).items());
  }

  /** A detector whose look takes as long as the test wants: the listing of a very large corpus. */
  private static final class SlowListingDetector implements ChangeDetector {
    final CountDownLatch listing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Object look() {
      listing.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }

    @Override
    public void take() {}

    @Override
    public LiveCorpus.Listed listed() {
      return null;
    }

    @Override
    public String describe() {
      return "slow";
    }

    @Override
    public void close() {}
  }

  /** Records scans; can hold the next one inside its run (the scan lock taken) until released. */
  private static final class RecordingListener implements ScanService.Listener {
    volatile CountDownLatch scanning = new CountDownLatch(0);
    volatile CountDownLatch release = new CountDownLatch(0);
    private volatile boolean hold;

    void holdNextScan() {
      scanning = new CountDownLatch(1);
      release = new CountDownLatch(1);
      hold = true;
    }

    @Override
    public void scanned(ScanReport report, Readiness readiness, Duration took) {
      if (hold) {
        hold = false;
        scanning.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

  }
}
