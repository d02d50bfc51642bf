package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.docgate.camel.CamelFleet;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process ({@code docgate fleet worker}) outlives its broker: the broker is stopped cleanly, later killed
 * with SIGKILL in the middle of a scan, and each time started again on the same ports and log dir; jobs submitted
 * before, during (a submit that starts while the broker is down) and after each restart are all stored, each scanned
 * exactly once, each produced exactly once, and the worker never exits.
 */
class FleetBrokerRestartTest {
  private static final Duration SESSION = Duration.ofSeconds(6);

  @TempDir Path tmp;
  private final List<FleetJob> jobs = new ArrayList<>();

  @Test
  void aWorkerSurvivesACleanBrokerStopAndAKillAndEveryJobIsStoredOnce() throws Exception {
    try (OwnKafka broker = OwnKafka.start(29400);
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      CamelFleet.Kafka kafka = new CamelFleet.Kafka(broker.bootstrap(), "docgate.test.restart", "docgate-restart", 3,
          SESSION);
      CamelFleet.ensureTopics(kafka);
      Process worker = worker(kafka, pg.url());
      try {
        submit(kafka, "before", 3, 5);
        awaitStored(fleet, worker, broker, "the jobs submitted before any restart");

        // a clean stop (controlled shutdown), and a submit that starts while the broker is down
        Instant down = Instant.now();
        broker.stop();
        Thread.sleep(3_000); // the worker polls, commits and heartbeats into a dead broker meanwhile
        assertThat(worker.isAlive()).as("the worker is alive while the broker is down").isTrue();
        CompletableFuture<Void> whileDown = CompletableFuture.runAsync(() -> submit(kafka, "during", 2, 5));
        // down for longer than submit once waited for a broker (30 s; now as long as its producer waits: 2 min)
        Thread.sleep(35_000);
        Instant restarting = Instant.now();
        broker.restart();
        Duration restartStop = Duration.between(restarting, Instant.now());
        whileDown.get(3, TimeUnit.MINUTES);
        submit(kafka, "after-stop", 3, 5);
        awaitStored(fleet, worker, broker, "the jobs submitted during and after the clean stop");
        Duration afterStop = Duration.between(down, Instant.now());

        // SIGKILL in the middle of the work: a scan in flight, its result stored or not, its offset not committed
        int stored = fleet.all().size();
        submit(kafka, "killed", 6, 150);
        await(() -> fleet.all().size() > stored && fleet.all().size() < jobs.size(), worker, broker,
            "a scan of the batch stored while others remain");
        Instant killed = Instant.now();
        broker.kill();
        Thread.sleep(3_000);
        assertThat(worker.isAlive()).as("the worker is alive after a kill -9 of the broker").isTrue();
        restarting = Instant.now();
        broker.restart();
        Duration restartKill = Duration.between(restarting, Instant.now());
        submit(kafka, "after-kill", 3, 5);
        awaitStored(fleet, worker, broker, "every job after the broker's kill -9 and restart");
        Duration afterKill = Duration.between(killed, Instant.now());

        assertThat(worker.isAlive()).as("the worker never exited").isTrue();
        List<FleetResult> all = fleet.all();
        assertThat(all).allSatisfy(r -> assertThat(r.status()).as(r.repository()).isEqualTo(RunStatus.COMPLETE));
        assertThat(all).map(FleetResult::jobId)
            .containsExactlyInAnyOrderElementsOf(jobs.stream().map(FleetJob::jobId).toList());
        assertThat(completeRuns(pg.url())).as("every job scanned exactly once").isEqualTo(jobs.size());
        assertThat(messages(kafka)).as("every job produced exactly once (idempotent producer)")
            .isEqualTo(jobs.size());
        System.out.printf("fleet broker restart: %d jobs stored once; clean stop -> broker back in %d ms, all stored"
            + " %d ms after the stop; kill -9 mid-scan -> broker back in %d ms, all stored %d ms after the kill%n",
            jobs.size(), restartStop.toMillis(), afterStop.toMillis(), restartKill.toMillis(), afterKill.toMillis());
      } finally {
        worker.destroyForcibly();
      }
    }
  }

  private void submit(CamelFleet.Kafka kafka, String batch, int count, int files) {
    List<FleetJob> more = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        String name = batch + "-" + i;
        more.add(FleetJob.submit(name, corpus(name, files).toString(), null, Instant.now()));
      }
      synchronized (jobs) {
        jobs.addAll(more);
      }
      CamelFleet.submit(kafka, more);
    } catch (Exception e) {
      throw new IllegalStateException("submit of " + batch + " failed: " + e.getMessage(), e);
    }
  }

  private Path corpus(String name, int files) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("corpora").resolve(name));
    for (int i = 0; i < files; i++) {
      Files.writeString(dir.resolve("page-" + i + ".md"), "# Page " + i + "\n\n## Details\n\nSee [next](page-"
          + (i + 1) + ".md#details), [the start](page-0.md) and [gone](missing-" + i + ".md).\n");
    }
    return dir;
  }

  private Process worker(CamelFleet.Kafka kafka, String db) throws IOException {
    return WorkerProcess.start(kafka, db, "w1", tmp.resolve("work"), tmp.resolve("worker.log"));
  }

  private static long completeRuns(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs WHERE status = 'COMPLETE'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Records in the corpora topic: the end offsets summed over its partitions. */
  private static long messages(CamelFleet.Kafka kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.brokers()))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < kafka.partitions(); p++) {
        latest.put(new TopicPartition(kafka.corporaTopic(), p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(o -> o.offset()).sum();
    }
  }

  private void awaitStored(FleetRepositories fleet, Process worker, OwnKafka broker, String what) throws Exception {
    await(() -> fleet.all().size() == jobs.size(), worker, broker, what);
  }

  private void await(BooleanSupplier condition, Process worker, OwnKafka broker, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline || !worker.isAlive()) {
        throw new AssertionError("timed out waiting for: " + what + (worker.isAlive() ? "" : " (the worker exited)")
            + tail("worker", tmp.resolve("worker.log")) + tail("broker", broker.dir().resolve("server.log")));
      }
      Thread.sleep(250);
    }
  }

  private static String tail(String name, Path log) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log);
    return "\n--- " + name + " (last lines)\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60),
        lines.size()));
  }
}
