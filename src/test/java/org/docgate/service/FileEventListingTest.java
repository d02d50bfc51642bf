package org.docgate.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.corpus.CorpusListing;
import org.docgate.corpus.CorpusScanner;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.store.Retention;
import org.docgate.scan.Scans;
import org.docgate.scan.ValidatorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With file events, an edit that only modified files in place is listed from the last applied listing and those
 * files' sizes and times (a few stat calls), not from a walk of the corpus; whatever the events cannot tell is listed
 * by a walk as before. Either way the service reports what a fresh full scan reports.
 */
class FileEventListingTest {
  @TempDir Path corpus;
  private final DocgateConfig config = DocgateConfig.defaults();
  private final CorpusScanner scanner = new CorpusScanner(config);

  private LiveCorpus live() {
    ValidatorRegistry registry = ValidatorRegistry.builder(config, RuleFiles.packaged()).build();
    return new LiveCorpus(corpus, scanner, Scans.pipeline(config, registry, Scans.FIXED_CLOCK), Scans.FIXED_CLOCK);
  }

  private void write(String path, String text) throws IOException {
    org.docgate.FileEdits.write(corpus, path, text);
  }

  @Test
  void anInPlaceEditIsListedFromItsFileAsAWalkListsIt() throws Exception {
    write("a.md", "# A\n\n[b](b.md)\n");
    write("b.md", "# B\n");
    write("img/x.png", "png");
    LiveCorpus live = live();
    live.full();
    write("a.md", "# A\n\n[b](b.md) [gone](gone.md)\n");

    LiveCorpus.Listed listed = live.listModified(Set.of("a.md"));
    CorpusListing walked = scanner.scan(corpus);
    assertThat(listed).isNotNull();
    assertThat(listed.listing().markdown()).isEqualTo(walked.markdown());
    assertThat(listed.listing().files()).isEqualTo(walked.files());
    assertThat(listed.listing().directories()).isEqualTo(walked.directories());
    assertThat(listed.snapshot()).isEqualTo(CorpusSnapshot.of(walked));

    LiveCorpus.Update update = live.refresh(listed);
    assertThat(update.changes().changed()).containsExactly("a.md");
    assertThat(update.report().findings().stream().map(Finding::toString).toList())
        .isEqualTo(Scans.run(corpus).findings().stream().map(Finding::toString).toList())
        .anySatisfy(f -> assertThat(f).contains("gone.md"));
  }

  @Test
  void whatOnlyAWalkCanTellIsLeftToAWalk() throws Exception {
    write("a.md", "# A\n");
    write("b.md", "# B\n");
    LiveCorpus live = live();
    assertThat(live.listModified(Set.of("a.md"))).as("nothing applied yet").isNull();
    live.full();
    assertThat(live.listModified(Set.of("a.md"))).as("unchanged").isNull();
    write("c.md", "# C\n");
    assertThat(live.listModified(Set.of("c.md"))).as("not a listed document").isNull();
    Files.delete(corpus.resolve("b.md"));
    assertThat(live.listModified(Set.of("b.md"))).as("gone").isNull();
    Files.delete(corpus.resolve("a.md"));
    Files.createDirectories(corpus.resolve("a.md"));
    assertThat(live.listModified(Set.of("a.md"))).as("no longer a regular file").isNull();
  }

  @Test
  void fileEventsNameTheFilesModifiedInPlaceAndNothingWhenMoreHappened() throws Exception {
    write("a.md", "# A\n");
    write("docs/b.md", "# B\n");
    LiveCorpus live = live();
    try (EventDetector events = new EventDetector(corpus, scanner::isExcludedDirectory,
        new PollingDetector(live, Clock.systemUTC()))) {
      Files.writeString(corpus.resolve("docs/b.md"), "\nmore\n", java.nio.file.StandardOpenOption.APPEND);
      settle(events);
      events.take();
      assertThat(events.modifiedFiles()).containsExactly("docs/b.md");

      write("c.md", "# C\n");
      write("a.md", "# A again\n");
      settle(events);
      events.take();
      assertThat(events.modifiedFiles()).as("a file was created").isNull();
    }
  }

  @Test
  void theServiceAppliesAnInPlaceEditFromTheEventsAsAFullScanReportsIt() throws Exception {
    write("guide/install.md", "# Install\n\n## Steps\n");
    write("a.md", "# A\n\n[steps](guide/install.md#steps)\n");
    LiveCorpus live = live();
    try (EventDetector events = new EventDetector(corpus, scanner::isExcludedDirectory,
        new PollingDetector(live, Clock.systemUTC()))) {
      ScanService service = new ScanService(live, new MemoryStoreForTests(),
          ReadinessRules.fromRules(RuleFiles.packaged()), ScanService.Listener.NONE, Clock.systemUTC(),
          Retention.FOREVER, () -> null, new Debouncer(Duration.ofMillis(50), Duration.ofSeconds(2)), events);
      service.startup();
      write("guide/install.md", "# Install\n\n## Setup\n");
      ScanService.Latest applied = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (applied == null && System.nanoTime() < deadline) {
        Thread.sleep(20);
        applied = service.poll();
      }
      assertThat(applied).as("applied within 20 s").isNotNull();
      ScanReport full = Scans.run(corpus);
      assertThat(applied.report().findings()).isEqualTo(full.findings())
          .anySatisfy(f -> assertThat(f.rule()).isEqualTo("links/missing-anchor"));
      assertThat(applied.report().stats()).isEqualTo(full.stats());
      assertThat(applied.update().changes().changed()).containsExactly("guide/install.md");
    }
  }

  /** Waits until the events seen stay the same for 300 ms. */
  private static void settle(EventDetector events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Object seen = null;
    while (seen == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
      seen = events.look();
    }
    assertThat(seen).as("an event within 10 s").isNotNull();
    Object now;
    while (!(now = events.look()).equals(seen)) {
      seen = now;
      Thread.sleep(300);
    }
    Thread.sleep(300);
    events.look();
  }
}
