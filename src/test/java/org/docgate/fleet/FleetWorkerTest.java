package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.docgate.camel.CamelFleet;
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
import org.docgate.report.store.RunStatus;
import org.docgate.scan.ScanRequest;
import org.docgate.scan.ScanSettings;
import org.docgate.scan.ValidatorRegistry;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker on a real Kafka broker and PostgreSQL: the jobs submitted are scanned by the one pipeline, stored per
 * repository, and their offsets committed; a redelivered job is not scanned twice; a message that is not a job does
 * not block its partition; a corpus that is not there is a failed result, not a stuck partition.
 */
class FleetWorkerTest {
  @TempDir Path tmp;

  private static ScanSettings settings() {
    DocgateConfig config = DocgateConfig.defaults();
    return new ScanSettings(config, ValidatorRegistry.builder(config, RuleFiles.packaged()).build(), Clock.systemUTC());
  }

  private Path corpus(String name, String brokenTarget) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("README.md"), "# " + name + "\n\nSee [the guide](guide.md#install) and [gone]("
        + brokenTarget + ").\n");
    Files.writeString(dir.resolve("guide.md"), "# Guide\n\n## Install\n\nBack to [start](README.md#nowhere).\n");
    return dir;
  }

  @Test
  void submittedCorporaAreScannedByThePipelineStoredPerRepositoryAndCommitted() throws Exception {
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.corpora." + stamp, "docgate-test-" + stamp,
        3, Duration.ofSeconds(6));
    Path a = corpus("alpha", "missing.md");
    Path b = corpus("beta", "nope/other.md");
    Path c = corpus("gamma", "gamma-missing.md");
    Path repo = corpus("delta-src", "delta-missing.md");
    String branch;
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("docs").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
          .setSign(false).call();
      branch = git.getRepository().getBranch();
    }
    Instant now = Instant.now();
    FleetJob alpha = FleetJob.submit("alpha", a.toString(), null, now);
    List<FleetJob> jobs = List.of(alpha, FleetJob.submit("beta", b.toString(), null, now),
        FleetJob.submit("gamma", c.toString(), null, now),
        FleetJob.submit("delta", repo.toUri().toString(), branch, now),
        FleetJob.submit("lost", tmp.resolve("not-there").toString(), null, now));

    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      CorpusWork work = new CorpusWork(fleet, r -> ReportStores.open(pg.url(), null, new CorpusId(r)),
          new Checkouts(tmp.resolve("work")), Clock.systemUTC(), "w1");
      CamelFleet.ensureTopics(kafka);
      try (CamelFleet worker = CamelFleet.worker(settings(), null, kafka, work, "w1",
          org.docgate.metrics.Metrics.prometheusRegistry(), freePort())) {
        worker.start();
        CamelFleet.submit(kafka, jobs);
        await(() -> fleet.all().size() == 5, "5 repositories stored");

        Map<String, FleetResult> byName = new java.util.HashMap<>();
        fleet.all().forEach(r -> byName.put(r.repository(), r));
        assertThat(byName.get("lost").status()).isEqualTo(RunStatus.FAILED);
        assertThat(byName.get("lost").error()).contains("not found");
        assertThat(byName.get("delta").status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(Files.list(tmp.resolve("work")).toList()).as("checkouts removed after storing").isEmpty();

        // the same findings as a one-shot scan of each corpus (the delta checkout has delta-src's files)
        try (CamelPipeline oneShot = CamelPipeline.start(settings(), null)) {
          for (var e : Map.of("alpha", a, "beta", b, "gamma", c, "delta", repo).entrySet()) {
            FleetResult r = byName.get(e.getKey());
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(r.worker()).isEqualTo("w1");
            ScanReport expected = oneShot.scan(new ScanRequest(e.getValue(), Instant.now()));
            assertThat(expected.findings()).isNotEmpty();
            try (ReportStore store = ReportStores.open(pg.url(), null, new CorpusId(e.getKey()))) {
              assertThat(store.findings(r.runId(), FindingQuery.ALL, 0, 1000).items()).map(Finding::fingerprint)
                  .containsExactlyInAnyOrderElementsOf(expected.findings().stream().map(Finding::fingerprint)
                      .toList());
            }
          }
        }

        // a redelivered job (same job id) is recognised, not scanned again; a poison message on the same
        // partition is skipped, and the job behind it still runs
        try (KafkaProducer<String, String> raw = producer(brokers)) {
          raw.send(new ProducerRecord<>(kafka.corporaTopic(), "alpha", alpha.toJson())).get();
          raw.send(new ProducerRecord<>(kafka.corporaTopic(), "alpha", "{not a job")).get();
        }
        FleetJob alphaAgain = FleetJob.submit("alpha", a.toString(), null, now.plusSeconds(1));
        CamelFleet.submit(kafka, List.of(alphaAgain));
        await(() -> fleet.stored("alpha", alphaAgain.jobId()), "the newer alpha job stored");
        assertThat(work.count(CorpusWork.Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(work.count(CorpusWork.Outcome.POISON)).isEqualTo(1);
        assertThat(work.count(CorpusWork.Outcome.STORED)).isEqualTo(5);
        try (ReportStore store = ReportStores.open(pg.url(), null, new CorpusId("alpha"))) {
          assertThat(store.runs(0, 10).total()).as("alpha scanned once per job").isEqualTo(2);
        }
        await(() -> committed(kafka) == 8, "all 8 messages committed");

        String metrics = metrics(worker.metricsPort());
        assertThat(metrics).contains("docgate_fleet_jobs_total{outcome=\"stored\"} 5.0")
            .contains("docgate_fleet_jobs_total{outcome=\"failed\"} 1.0")
            .contains("docgate_fleet_jobs_total{outcome=\"duplicate\"} 1.0")
            .contains("docgate_fleet_jobs_total{outcome=\"poison\"} 1.0")
            .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"w1\"[^}]*} [0-9.]+");
      }
    }
  }

  static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String metrics(int port) throws Exception {
    return LocalHttp.get(port, "/metrics");
  }

  private static KafkaProducer<String, String> producer(String brokers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", brokers);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** The group's committed offsets summed over the topic's partitions; asserts none is past the end. */
  private static long committed(CamelFleet.Kafka kafka) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.brokers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(kafka.group())
          .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int p = 0; p < kafka.partitions(); p++) {
        latest.put(new TopicPartition(kafka.corporaTopic(), p), OffsetSpec.latest());
      }
      var ends = admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS);
      long total = 0;
      for (var e : offsets.entrySet()) {
        assertThat(e.getValue().offset()).isLessThanOrEqualTo(ends.get(e.getKey()).offset());
        total += e.getValue().offset();
      }
      return total;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(200);
    }
  }
}
