package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.docgate.camel.CamelFleet;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGTERM while a worker is in the middle of a scan longer than camel-kafka's default consumer shutdown timeout
 * (30 s): the scan finishes, its result is stored complete and its offset committed before the worker exits. The
 * scan is made long by the test's copy of the fleet route (a delay before the result is stored), so the packaged
 * route's consumer options are what is under test: Camel's graceful shutdown waits for the exchange in flight (up to
 * the worker's shutdown timeout, the longest scan) before it stops the consumer, so Kubernetes'
 * {@code terminationGracePeriodSeconds} above the longest scan is what a clean hand-off needs.
 */
class FleetLongScanStopTest {
  private static final long SCAN_MS = 40_000;

  @TempDir Path tmp;

  @Test
  void aSigtermDuringAScanLongerThanThirtySecondsFinishesStoresAndCommitsIt() throws Exception {
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.longscan." + stamp,
        "docgate-longscan-" + stamp, 1, Duration.ofSeconds(6));
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("README.md"), "# Slow\n\n[gone](missing.md)\n");
    FleetJob job = FleetJob.submit("slow", corpus.toString(), null, Instant.now());
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      CamelFleet.ensureTopics(kafka);
      Process worker = worker(kafka, pg.url(), slowRoutes());
      try {
        CamelFleet.submit(kafka, List.of(job));
        awaitLog("slow scan started", worker);

        Instant stopped = Instant.now();
        worker.destroy(); // SIGTERM in the middle of the scan
        assertThat(worker.waitFor(3, TimeUnit.MINUTES)).as("the worker stops after its scan").isTrue();
        Duration stop = Duration.between(stopped, Instant.now());

        List<FleetResult> all = fleet.all();
        assertThat(all).as(log()).hasSize(1);
        assertThat(all.get(0).jobId()).isEqualTo(job.jobId());
        assertThat(all.get(0).status()).as("%s%s", all.get(0).error(), log()).isEqualTo(RunStatus.COMPLETE);
        assertThat(committed(kafka)).as("the offset committed before the worker left").isEqualTo(1);
        assertThat(stop).as("the worker waited for its scan").isGreaterThan(Duration.ofSeconds(30));
        System.out.printf("fleet long scan: SIGTERM during a %d ms scan -> stored complete, committed, exit %d ms"
            + " after the SIGTERM%n", SCAN_MS, stop.toMillis());
      } finally {
        worker.destroyForcibly();
      }
    }
  }

  /** The packaged routes, with a long delay (and a line that says it began) before the fleet route stores. */
  private Path slowRoutes() throws IOException {
    Path routes = Files.createDirectories(tmp.resolve("routes").resolve("fleet"));
    for (String name : List.of("errors.camel.yaml", "scan.camel.yaml")) {
      Files.copy(Path.of("routes", name), routes.getParent().resolve(name));
    }
    String fleet = Files.readString(Path.of("routes/fleet/corpora.camel.yaml"));
    String store = "                        - bean:\n                            ref: corpusWork\n"
        + "                            method: \"stored(";
    assertThat(fleet).contains(store);
    String slow = fleet.replace(store, "                        - log:\n"
        + "                            message: \"slow scan started\"\n"
        + "                            loggingLevel: WARN\n"
        + "                        - delay:\n"
        + "                            constant: " + SCAN_MS + "\n" + store);
    Files.writeString(routes.resolve("corpora.camel.yaml"), slow);
    return routes.getParent();
  }

  private Process worker(CamelFleet.Kafka kafka, String db, Path routes) throws IOException {
    return WorkerProcess.start(kafka, db, "w1", tmp.resolve("work"), tmp.resolve("worker.log"), "--routes",
        routes.toString());
  }

  private static long committed(CamelFleet.Kafka kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.brokers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(kafka.group())
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
  }

  private void awaitLog(String line, Process worker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(tmp.resolve("worker.log")) || !Files.readString(tmp.resolve("worker.log")).contains(line)) {
      if (System.nanoTime() > deadline || !worker.isAlive()) {
        throw new AssertionError("no '" + line + "' in the worker's log" + log());
      }
      Thread.sleep(200);
    }
  }

  private String log() {
    try {
      List<String> lines = Files.readAllLines(tmp.resolve("worker.log"));
      return "\n--- worker (last lines)\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
          lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
