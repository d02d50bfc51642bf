package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * The compacted host-state topic on a real broker: a host answers worker A with 429 and {@code Retry-After: 15}; A
 * writes the pause to the topic and leaves the group; worker B, a fresh process state, takes the host over and does
 * not request it before the 15 s are up (without the topic it would ask within the ~5 s of its start-up).
 */
class FleetHostStateTest {
  @TempDir Path tmp;

  @Test
  void aRetryAfterSurvivesAWorkerHandOff() throws Exception {
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.corpora." + stamp, "docgate-test-" + stamp,
        1, Duration.ofSeconds(6));
    CamelFleetUrls.Topics topics = new CamelFleetUrls.Topics("docgate.test.urls." + stamp,
        "docgate.test.host-state." + stamp, 1, kafka.group() + "-urls", 10);
    Path rulesDir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rulesDir.resolve("links.yaml"), """
        allow: ["127.0.0.0/8"]
        concurrency: {global: 4, perHost: 1}
        retries: {max: 0, maxRetryAfter: 60s}
        fragments: {check: false}
        cache: {enabled: false}
        """);
    RuleFiles rules = RuleFiles.overlay(rulesDir);
    WebLinkConfig links = WebLinkConfig.fromRules(rules);
    try (HostServers hosts = new HostServers("127.0.4.1", 1, Duration.ofMillis(10));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of());
        CamelFleetUrls.KafkaUrlQueue queue = new CamelFleetUrls.KafkaUrlQueue(brokers, topics.urls(),
            new HostSlots(fleet.urls().hostSlots(), topics.partitions(), java.time.Clock.systemUTC()))) {
      CamelFleet.ensureTopics(kafka);
      String slow = hosts.base(0) + "/slow-down";
      UrlTask first = HotHosts.NONE.task(slow, false, Instant.now());
      try (CamelFleetUrls.Side a = CamelFleetUrls.open(brokers, topics, HotHosts.NONE, fleet.urls(), links,
          Network.system(), Clock.systemUTC(), "wA");
          CamelFleet workerA = worker(a, "wA", kafka, topics, rules, pg, fleet)) {
        workerA.start();
        queue.send(java.util.List.of(first));
        FleetUrlWorkerTest.await(() -> fleet.urls().checkedSince(slow, first.queuedAt()), "A checked " + slow);
      }
      long rateLimitedAt = hosts.seen().getFirst().startNanos();

      String after = hosts.base(0) + "/page/after-hand-off";
      try (CamelFleetUrls.Side b = CamelFleetUrls.open(brokers, topics, HotHosts.NONE, fleet.urls(), links,
          Network.system(), Clock.systemUTC(), "wB");
          CamelFleet workerB = worker(b, "wB", kafka, topics, rules, pg, fleet)) {
        workerB.start();
        UrlTask next = HotHosts.NONE.task(after, false, Instant.now());
        queue.send(java.util.List.of(next));
        FleetUrlWorkerTest.await(() -> fleet.urls().checkedSince(after, next.queuedAt()), "B checked " + after);
        // B counts its check just after storing it
        FleetUrlWorkerTest.await(() -> b.work().count(UrlWork.Outcome.CHECKED) >= 1, "B counted its check");
        assertThat(b.work().count(UrlWork.Outcome.CHECKED)).isEqualTo(1);
      }
      assertThat(hosts.seen()).hasSize(2);
      Duration waited = Duration.ofNanos(hosts.seen().get(1).startNanos() - rateLimitedAt);
      assertThat(waited).as("B kept A's Retry-After pause").isGreaterThanOrEqualTo(
          Duration.ofSeconds(Long.parseLong(HostServers.RETRY_AFTER_SECONDS)).minusMillis(500));
      assertThat(fleet.urls().counts(Instant.now())).containsEntry("outcome.rate-limited", 1L)
          .containsEntry("outcome.ok", 1L);

      // the topic holds the host's state, written by A (its owner when the 429 came)
      Properties p = new Properties();
      p.put("bootstrap.servers", brokers);
      p.put("auto.offset.reset", "earliest");
      p.put("enable.auto.commit", "false");
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
          new StringDeserializer())) {
        c.assign(c.partitionsFor(topics.hostState()).stream()
            .map(i -> new TopicPartition(topics.hostState(), i.partition())).toList());
        java.util.List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (records.isEmpty() && System.nanoTime() < deadline) {
          c.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        assertThat(records).first().satisfies(r -> {
          assertThat(r.key()).isEqualTo("127.0.4.1");
          assertThat(r.value()).contains("\"by\":\"wA\"").contains("pausedUntil");
        });
      }
    }
  }

  private static CamelFleet worker(CamelFleetUrls.Side side, String id, CamelFleet.Kafka kafka,
      CamelFleetUrls.Topics topics, RuleFiles rules, TestPostgres pg, FleetRepositories fleet) throws Exception {
    DocgateConfig config = DocgateConfig.defaults();
    ScanSettings settings = new ScanSettings(config, ValidatorRegistry.builder(config, rules)
        .network(Network.system().withUrlBook(side.book())).build(), Clock.systemUTC());
    CorpusWork work = new CorpusWork(fleet, r -> ReportStores.open(pg.url(), null, new CorpusId(r)),
        new Checkouts(Files.createTempDirectory("fleet-host-state")), Clock.systemUTC(), id, side.book());
    return CamelFleet.worker(settings, null, kafka, work, id, org.docgate.metrics.Metrics.prometheusRegistry(), "127.0.0.1", -1,
        topics, side.work());
  }
}
