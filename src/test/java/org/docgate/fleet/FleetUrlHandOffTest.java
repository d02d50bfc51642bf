package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.docgate.camel.CamelFleet;
import org.docgate.camel.CamelFleetUrls;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.http.Network;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.ReportStores;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;
import org.docgate.validate.weblinks.WebLinkConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL worker that stops (what SIGTERM does: Camel Main's stop, the URL checks not started given up, the consumer
 * committing and leaving the group) hands its hosts to another worker within seconds, not after the session timeout
 * and not after working off everything it had polled: two workers on a real broker, one host each with 30 URLs at
 * 1 in flight and 400 ms between one answer and the next start (12 s of work a host); one stops after a few of its
 * host's URLs. The other stores the rest of that host's URLs, the first sooner than a session timeout after the stop;
 * no URL is requested twice, no host has two requests at once or two starts closer than the interval.
 */
class FleetUrlHandOffTest {
  private static final Duration INTERVAL = Duration.ofMillis(400);
  private static final Duration SESSION = Duration.ofSeconds(10);
  private static final int PER_HOST = 30;

  @TempDir Path tmp;

  @Test
  void aStoppedWorkersHostsAreTakenOverBeforeTheSessionTimeoutWithNoRequestTwice() throws Exception {
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.handoff.corpora." + stamp,
        "docgate-handoff-" + stamp, 1, SESSION);
    CamelFleetUrls.Topics topics = new CamelFleetUrls.Topics("docgate.test.handoff.urls." + stamp,
        "docgate.test.handoff.host-state." + stamp, 2, kafka.group() + "-urls", 100);
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(dir.resolve("links.yaml"), """
        allow: ["127.0.0.0/8"]
        concurrency: {global: 4, perHost: 1}
        interval: %dms
        fragments: {check: false}
        cache: {enabled: false}
        """.formatted(INTERVAL.toMillis()));
    RuleFiles rules = RuleFiles.overlay(dir);
    WebLinkConfig links = WebLinkConfig.fromRules(rules);
    try (HostServers hosts = new HostServers("127.0.4.51", 2, Duration.ofMillis(20));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      CamelFleet.ensureTopics(kafka);
      CamelFleetUrls.ensureTopics(brokers, topics);
      List<CamelFleetUrls.Side> sides = new ArrayList<>();
      List<CamelFleet> workers = new ArrayList<>();
      try {
        for (String id : List.of("wA", "wB")) {
          CamelFleetUrls.Side side = CamelFleetUrls.open(brokers, topics, HotHosts.NONE, fleet.urls(), links,
              Network.system(), Clock.systemUTC(), id);
          sides.add(side);
          CorpusWork work = new CorpusWork(fleet, r -> ReportStores.open(pg.url(), null, new CorpusId(r)),
              new Checkouts(tmp.resolve("work-" + id)), Clock.systemUTC(), id, side.book());
          DocgateConfig config = DocgateConfig.defaults();
          ScanSettings settings = new ScanSettings(config, ValidatorRegistry.builder(config, rules)
              .network(Network.system().withUrlBook(side.book())).build(), Clock.systemUTC());
          CamelFleet worker = CamelFleet.worker(settings, null, kafka, work, id,
              org.docgate.metrics.Metrics.prometheusRegistry(), "127.0.0.1", -1, topics, side.work());
          worker.start();
          workers.add(worker);
        }
        // the two hosts are placed on the two partitions (equal weight: one each); the group gives one to each
        Instant queued = Instant.now();
        List<UrlTask> tasks = new ArrayList<>();
        for (int i = 0; i < PER_HOST; i++) {
          for (int h = 0; h < 2; h++) {
            tasks.add(HotHosts.NONE.task(hosts.base(h) + "/page/" + i, false, queued));
          }
        }
        try (CamelFleetUrls.KafkaUrlQueue queue = new CamelFleetUrls.KafkaUrlQueue(brokers, topics.urls(),
            new HostSlots(fleet.urls().hostSlots(), topics.partitions(), Clock.systemUTC()))) {
          queue.send(tasks);
        }
        FleetUrlWorkerTest.await(() -> checkedBy(pg, "wA") >= 3 && checkedBy(pg, "wB") >= 3,
            "each worker checked a few URLs of its host");
        String hostOfA = hostCheckedBy(pg, "wA");
        assertThat(hostOfA).isNotEqualTo(hostCheckedBy(pg, "wB"));

        long stopped = System.nanoTime();
        workers.get(0).close(); // what SIGTERM runs: give up the checks not started, commit, leave the group
        Duration stop = Duration.ofNanos(System.nanoTime() - stopped);
        FleetUrlWorkerTest.await(() -> takenOver(pg, hostOfA) > 0, "wB stored a result of wA's host");
        Duration handOff = Duration.ofNanos(System.nanoTime() - stopped);
        FleetUrlWorkerTest.await(() -> stored(pg) == 2 * PER_HOST, "every URL stored");

        assertThat(handOff).as("taken over before a session timeout (a leave-group, not a silent worker)")
            .isLessThan(SESSION);
        HostServers.Counts counts = hosts.counts();
        assertThat(counts.distinctUrls()).isEqualTo(2 * PER_HOST);
        assertThat(counts.duplicates()).as("no URL requested twice").isZero();
        assertThat(counts.maxInFlightPerHost()).isEqualTo(1);
        assertThat(counts.minGapPerHost()).as("starts to one host as the server saw them, across the hand-off")
            .isGreaterThanOrEqualTo(INTERVAL);
        System.out.printf("fleet URL hand-off: wA stopped in %d ms, wB's first result of its host %d ms after the"
            + " stop (session timeout %d ms), %d of its URLs taken over%n", stop.toMillis(), handOff.toMillis(),
            SESSION.toMillis(), takenOver(pg, hostOfA));
      } finally {
        for (CamelFleet w : workers) {
          w.close();
        }
        sides.forEach(CamelFleetUrls.Side::close);
      }
    }
  }

  private static long checkedBy(TestPostgres pg, String worker) {
    return query(pg, "SELECT COUNT(*) FROM fleet_urls WHERE checked_by = ?", worker);
  }

  private static long takenOver(TestPostgres pg, String host) {
    return query(pg, "SELECT COUNT(*) FROM fleet_urls WHERE checked_by = 'wB' AND host = ?", host);
  }

  private static long stored(TestPostgres pg) {
    return query(pg, "SELECT COUNT(*) FROM fleet_urls WHERE checked_at IS NOT NULL");
  }

  private static String hostCheckedBy(TestPostgres pg, String worker) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.url());
        PreparedStatement ps = c.prepareStatement("SELECT MIN(host) FROM fleet_urls WHERE checked_by = ?")) {
      ps.setString(1, worker);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static long query(TestPostgres pg, String sql, String... params) {
    try (Connection c = DriverManager.getConnection(pg.url()); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
