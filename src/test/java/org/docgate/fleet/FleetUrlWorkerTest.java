package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.docgate.camel.CamelFleet;
import org.docgate.camel.CamelFleetUrls;
import org.docgate.camel.CamelPipeline;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FindingQuery;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.ReportStores;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.weblinks.WebLinkConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External URLs as fleet work, end to end on a real broker, PostgreSQL and loopback hosts: three corpora linking 90
 * URLs (some shared between corpora, some 404) over 6 hosts. The corpus scans check nothing inline; each distinct
 * URL is requested exactly once, by the owner of its host, within the host's limits (1 in flight, 500 ms between
 * starts, as the server sees them); the results are stored, the offsets committed; then schedule submits the repositories again, and their
 * findings equal a one-shot {@code docgate scan} of each corpus against the same hosts.
 */
class FleetUrlWorkerTest {
  private static final Duration INTERVAL = Duration.ofMillis(500);
  /**
   * Slack for what the waits add up to only. The server's arrival stamps are taken in this JVM on the worker's clock,
   * and a host's interval runs from the end of one request to the start of the next, so the server sees at least the
   * interval between two starts (before, counting from the worker's starts, a loaded machine let it see 315 ms).
   */
  private static final Duration JITTER = Duration.ofMillis(250);

  @TempDir Path tmp;

  private Path rules() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(dir.resolve("links.yaml"), """
        allow: ["127.0.0.0/8"]
        concurrency: {global: 8, perHost: 1}
        interval: 500ms
        fragments: {check: false}
        cache: {enabled: false}
        """);
    return dir;
  }

  private static ScanSettings settings(RuleFiles rules, Network network) {
    DocgateConfig config = DocgateConfig.defaults();
    return new ScanSettings(config, ValidatorRegistry.builder(config, rules).network(network).build(),
        Clock.systemUTC());
  }

  /** Corpus c links 30 URLs: 10 shared by every corpus, 20 its own, every 7th one gone. */
  private Path corpus(int c, HostServers hosts) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("corpus-" + c));
    StringBuilder md = new StringBuilder("# Corpus " + c + "\n\n");
    for (int i = 0; i < 30; i++) {
      String path = (i % 7 == 3 ? "/gone/" : "/page/") + (i < 10 ? "shared-" + i : "c" + c + "-" + i);
      md.append("- [link ").append(i).append("](").append(hosts.base(i % hosts.hosts())).append(path).append(")\n");
    }
    Files.writeString(dir.resolve("README.md"), md.toString());
    Files.writeString(dir.resolve("guide.md"), "# Guide\n\nSee [the shared page](" + hosts.base(0)
        + "/page/shared-0) and [missing](nowhere.md).\n");
    return dir;
  }

  @Test
  void eachUrlIsCheckedOnceByItsHostsOwnerWithinItsLimitsAndTheRescanEqualsAOneShotScan() throws Exception {
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.corpora." + stamp, "docgate-test-" + stamp,
        3, Duration.ofSeconds(6));
    CamelFleetUrls.Topics topics = new CamelFleetUrls.Topics("docgate.test.urls." + stamp,
        "docgate.test.host-state." + stamp, 6, kafka.group() + "-urls", 100);
    RuleFiles rules = RuleFiles.overlay(rules());
    WebLinkConfig links = WebLinkConfig.fromRules(rules);
    try (HostServers hosts = new HostServers("127.0.3.1", 6, Duration.ofMillis(20));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        CamelFleetUrls.Side side = CamelFleetUrls.open(brokers, topics, HotHosts.NONE, fleet.urls(), links,
            Network.system(), Clock.systemUTC(), "w1")) {
      List<Path> corpora = List.of(corpus(1, hosts), corpus(2, hosts), corpus(3, hosts));
      CorpusWork work = new CorpusWork(fleet, r -> ReportStores.open(pg.url(), null, new CorpusId(r)),
          new Checkouts(tmp.resolve("work")), Clock.systemUTC(), "w1", side.book());
      CamelFleet.ensureTopics(kafka);
      try (CamelFleet worker = CamelFleet.worker(settings(rules, Network.system().withUrlBook(side.book())), null,
          kafka, work, "w1", org.docgate.metrics.Metrics.prometheusRegistry(), "127.0.0.1", -1, topics,
          side.work())) {
        worker.start();
        Instant now = Instant.now();
        List<FleetJob> jobs = new ArrayList<>();
        for (int c = 0; c < corpora.size(); c++) {
          jobs.add(FleetJob.submit("repo-" + (c + 1), corpora.get(c).toString(), null, now));
        }
        CamelFleet.submit(kafka, jobs);
        int distinct = 10 + 3 * 20;
        await(() -> fleet.all().size() == 3, "3 repositories stored");
        await(() -> fleet.urls().counts(Instant.now()).get("pending") == 0
            && fleet.urls().counts(Instant.now()).get("urls") == distinct, "every URL checked");
        // a result is in the table a moment before the worker counts it: wait for the count, not a fixed time
        await(() -> side.work().count(UrlWork.Outcome.CHECKED) == distinct, "every check counted");

        HostServers.Counts counts = hosts.counts();
        assertThat(counts.distinctUrls()).as("every distinct URL requested").isEqualTo(distinct);
        assertThat(counts.duplicates()).as("none twice, though 10 are linked from 3 corpora").isZero();
        assertThat(counts.maxInFlightPerHost()).isEqualTo(1);
        assertThat(side.work().minStartGap()).as("starts to one host, on the worker's clock")
            .isGreaterThanOrEqualTo(INTERVAL);
        assertThat(counts.minGapPerHost()).as("starts to one host, as the server saw them")
            .isGreaterThanOrEqualTo(INTERVAL);
        assertThat(side.work().count(UrlWork.Outcome.CHECKED)).isEqualTo(distinct);
        // each check's wait for its host's slot is measured, by outcome: ~12 URLs per host at 1 in flight and 500 ms
        // between starts, queued together, so they waited seconds in all
        HostWaits waits = side.work().hostWaits();
        assertThat(waits.checks("ok")).isEqualTo(60);
        assertThat(waits.checks("broken")).isEqualTo(10);
        assertThat(waits.waited("ok").plus(waits.waited("broken"))).isGreaterThanOrEqualTo(INTERVAL.minus(JITTER));
        assertThat(side.work().hostsWaiting()).as("none waits once every URL is checked").isZero();
        assertThat(fleet.urls().counts(Instant.now())).containsEntry("outcome.ok", 60L)
            .containsEntry("outcome.broken", 10L);

        // the first scans ran before any result was in: schedule submits them again, their findings catch up
        List<FleetJob> again = Collections.synchronizedList(new ArrayList<>());
        try (CamelFleetUrls.KafkaUrlQueue queue = new CamelFleetUrls.KafkaUrlQueue(brokers, topics.urls(),
            new HostSlots(fleet.urls().hostSlots(), topics.partitions(), java.time.Clock.systemUTC()))) {
          UrlScheduler.Cycle cycle = new UrlScheduler(fleet.urls(), fleet, queue, j -> {
            again.addAll(j);
            try {
              CamelFleet.submit(kafka, j);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }, HotHosts.NONE, Clock.systemUTC(), Duration.ofMinutes(30), 100, "s1").once();
          assertThat(cycle.urls()).as("nothing due: every result is fresh").isZero();
          assertThat(cycle.repositories()).containsExactly("repo-1", "repo-2", "repo-3");
        }
        for (FleetJob j : again) {
          await(() -> fleet.stored(j.repository(), j.jobId()), j.repository() + " rescanned");
        }
        assertThat(hosts.counts().requests()).as("the rescans requested nothing").isEqualTo(distinct);

        Map<String, FleetResult> byName = new HashMap<>();
        fleet.all().forEach(r -> byName.put(r.repository(), r));
        try (CamelPipeline oneShot = CamelPipeline.start(settings(rules, Network.system()), null)) {
          for (int c = 0; c < corpora.size(); c++) {
            ScanReport expected = oneShot.scan(new ScanRequest(corpora.get(c), Instant.now()));
            assertThat(expected.findings()).filteredOn(f -> f.rule().startsWith("links/external")).hasSize(4);
            FleetResult r = byName.get("repo-" + (c + 1));
            try (ReportStore store = ReportStores.open(pg.url(), null, new CorpusId(r.repository()))) {
              List<Finding> stored = store.findings(r.runId(), FindingQuery.ALL, 0, 1000).items();
              assertThat(stored).map(Finding::fingerprint).containsExactlyInAnyOrderElementsOf(
                  expected.findings().stream().map(Finding::fingerprint).toList());
            }
          }
        }
        Set<String> checkedBy = new LinkedHashSet<>();
        hosts.seen().forEach(s -> checkedBy.add(s.method()));
        assertThat(checkedBy).containsExactly("HEAD");
      }
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(200);
    }
  }
}
