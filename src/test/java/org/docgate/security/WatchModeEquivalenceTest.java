package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.Retention;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.service.ChangeDetector;
import org.docgate.service.Debouncer;
import org.docgate.service.EventDetector;
import org.docgate.service.LiveCorpus;
import org.docgate.service.MemoryStoreForTests;
import org.docgate.service.PollingDetector;
import org.docgate.service.ScanService;
import org.docgate.service.WatchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch modes differ only in how they notice a change: after the same edits, the service reports what a fresh full
 * scan reports, whether file events or polling found them. File events cost nothing while the corpus is idle and
 * ignore excluded folders; polling spaces its listings so that they take at most a fifth of a core.
 */
class WatchModeEquivalenceTest {
  @TempDir Path corpus;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final DocgateConfig config = DocgateConfig.defaults();
  private final CorpusScanner scanner = new CorpusScanner(config);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private LiveCorpus live() {
    ValidatorRegistry registry =
        ValidatorRegistry.builder(config, RuleFiles.packaged()).build();
    return new LiveCorpus(corpus, scanner,
        org.docgate.scan.Scans.pipeline(config, registry, Scans.FIXED_CLOCK), Scans.FIXED_CLOCK);
  }

  private ScanService service(LiveCorpus live, ChangeDetector detector) {
    return new ScanService(live, new MemoryStoreForTests(), ReadinessRules.fromRules(RuleFiles.packaged()),
        ScanService.Listener.NONE, Clock.systemUTC(), Retention.FOREVER, () -> null,
        new Debouncer(Duration.ofMillis(50), Duration.ofSeconds(2)), detector);
  }

  private void write(String path, String text) throws IOException {
    org.docgate.FileEdits.write(corpus, path, text);
  }

  private static List<String> lines(ScanReport report) {
    return report.findings().stream().map(Finding::toString).toList();
  }

  /** Ticks the watcher until it applies a change (the debouncer waits for it to settle). */
  private static ScanService.Latest applied(ScanService service) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      ScanService.Latest l = service.poll();
      if (l != null) {
        return l;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the watcher applied nothing within 20 s");
  }

  @Test
  void fileEventsAndPollingApplyTheSameEditsAsAFreshFullScan() throws Exception {
    write("guide/install.md", "# Install\n\n## Steps\n");
    write("a.md", "# A\n\n[steps](guide/install.md#steps) [b](b.md)\n");
    write("b.md", "# B\n\n[a](a.md)\n");
    LiveCorpus byEvents = live();
    LiveCorpus byPolling = live();
    try (EventDetector events = new EventDetector(corpus, scanner::isExcludedDirectory,
        new PollingDetector(byEvents, Clock.systemUTC()))) {
      ScanService evented = service(byEvents, events);
      ScanService polled = service(byPolling, new PollingDetector(byPolling, Clock.systemUTC()));
      evented.startup();
      polled.startup();
      assertThat(events.watching()).isTrue();

      // a renamed heading (a.md's anchor breaks), a new folder with a file, a deleted file
      write("guide/install.md", "# Install\n\n## Setup\n");
      write("new/c.md", "# C\n\n[a](../a.md) [gone](../b.md)\n");
      Files.delete(corpus.resolve("b.md"));

      ScanService.Latest e = applied(evented);
      ScanService.Latest p = applied(polled);
      ScanReport full = Scans.run(corpus);
      assertThat(lines(full)).as("the edits show").anySatisfy(l -> assertThat(l).contains("missing-anchor"));
      assertThat(lines(e.report())).isEqualTo(lines(full));
      assertThat(lines(p.report())).isEqualTo(lines(full));
      assertThat(e.report().metrics()).isEqualTo(full.metrics());
      assertThat(e.report().stats()).isEqualTo(full.stats());
      assertThat(e.update().full()).as("events led to an incremental refresh").isFalse();
      assertThat(e.update().changes()).isEqualTo(p.update().changes());
    }
  }

  @Test
  void fileEventsSeeNothingInAnIdleCorpusNorInExcludedFolders() throws Exception {
    write("a.md", "# A\n");
    Files.createDirectories(corpus.resolve(".git/objects"));
    LiveCorpus live = live();
    try (EventDetector events = new EventDetector(corpus, scanner::isExcludedDirectory,
        new PollingDetector(live, Clock.systemUTC()))) {
      Thread.sleep(200);
      assertThat(events.look()).as("idle").isNull();
      Files.writeString(corpus.resolve(".git/objects/x"), "pack");
      Files.writeString(corpus.resolve(".git/index"), "index");
      Thread.sleep(500);
      assertThat(events.look()).as("only .git moved").isNull();
      write("a.md", "# A changed\n");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      Object seen = null;
      while (seen == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
        seen = events.look();
      }
      assertThat(seen).as("an edit is an event").isNotNull();
      events.take();
      assertThat(events.look()).as("taken").isNull();
    }
  }

  @Test
  void pollingListsAtMostOnceEveryFourListingTimes() throws Exception {
    write("a.md", "# A\n");
    LiveCorpus live = live();
    live.full();
    SteppingClock clock = new SteppingClock();
    PollingDetector polling = new PollingDetector(live, clock);
    clock.step = Duration.ofSeconds(1); // every listing seems to take a second
    assertThat(polling.look()).isNull(); // listed from t=0 to t=1: next listing at t=5 at the earliest
    clock.step = Duration.ZERO;
    write("b.md", "# B\n");
    clock.now = clock.now.plusSeconds(2);
    assertThat(polling.look()).as("t=3: too soon to list again").isNull();
    clock.now = clock.now.plusSeconds(2);
    assertThat(polling.look()).as("t=5: listed, b.md added").isNotNull();
  }

  @Test
  void autoWatchesWithFileEventsOnALocalDiskAndPollModePolls() throws Exception {
    LiveCorpus live = live();
    try (ChangeDetector auto = WatchMode.AUTO.open(live, scanner::isExcludedDirectory, Clock.systemUTC(), n -> { });
        ChangeDetector poll = WatchMode.POLL.open(live, scanner::isExcludedDirectory, Clock.systemUTC(), n -> { })) {
      assertThat(auto).isInstanceOf(EventDetector.class);
      assertThat(auto.describe()).startsWith("events");
      assertThat(poll).isInstanceOf(PollingDetector.class);
    }
  }

  /** A clock that moves {@code step} each time it is read. */
  private static final class SteppingClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Duration step = Duration.ZERO;

    @Override
    public Instant instant() {
      Instant t = now;
      now = now.plus(step);
      return t;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
