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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.docgate.camel.CamelFleet;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes ({@code docgate fleet worker}) on one broker and one PostgreSQL: a worker killed with
 * SIGKILL mid-run loses no result (its partitions go to the others after the session timeout, they scan what it had
 * not committed), at most the one job it had stored but not yet committed is scanned twice; a worker stopped with
 * SIGTERM finishes and commits its scan and leaves, and nothing is scanned twice.
 */
class FleetFailoverTest {
  private static final int CORPORA = 18;
  private static final int LATE_CORPORA = 6;
  private static final Duration SESSION = Duration.ofSeconds(6);

  @TempDir Path tmp;

  @Test
  void aKilledWorkerLosesNoResultAndAStoppedOneHandsOffCleanly() throws Exception {
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.failover." + stamp,
        "docgate-failover-" + stamp, 6, SESSION);
    List<FleetJob> jobs = new ArrayList<>();
    for (int i = 0; i < CORPORA + LATE_CORPORA; i++) {
      jobs.add(FleetJob.submit("repo-" + i, corpus("repo-" + i, 120).toString(), null, Instant.now()));
    }
    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      CamelFleet.ensureTopics(kafka);
      List<Process> workers = new ArrayList<>();
      try {
        for (int w = 1; w <= 3; w++) {
          workers.add(worker(kafka, pg.url(), "w" + w));
        }
        CamelFleet.submit(kafka, jobs.subList(0, CORPORA));
        await(() -> storedBy(fleet, "w1") >= 1 && fleet.all().size() < CORPORA, Duration.ofMinutes(3),
            "w1 stored a result while work remains", workers);

        Instant killed = Instant.now();
        workers.get(0).destroyForcibly(); // SIGKILL: no commit, no leave-group
        assertThat(workers.get(0).waitFor(20, TimeUnit.SECONDS)).isTrue();
        await(() -> fleet.all().size() == CORPORA, Duration.ofMinutes(4), "every corpus stored after the kill",
            workers);
        Duration afterKill = Duration.between(killed, Instant.now());
        long runsAfterKill = runs(pg.url());
        assertThat(runsAfterKill).as("jobs scanned twice after a kill -9: at most the one stored but not committed")
            .isBetween((long) CORPORA, CORPORA + 1L);

        Instant stopped = Instant.now();
        workers.get(1).destroy(); // SIGTERM: finish the scan in flight, commit it, leave the group
        assertThat(workers.get(1).waitFor(60, TimeUnit.SECONDS)).as("w2 stops on SIGTERM").isTrue();
        Duration stop = Duration.between(stopped, Instant.now());
        CamelFleet.submit(kafka, jobs.subList(CORPORA, CORPORA + LATE_CORPORA));
        await(() -> fleet.all().size() == CORPORA + LATE_CORPORA, Duration.ofMinutes(3),
            "the late corpora stored by the last worker", workers);
        Duration handOff = Duration.between(stopped, Instant.now());

        assertThat(runs(pg.url())).as("a SIGTERM scans nothing twice").isEqualTo(runsAfterKill + LATE_CORPORA);
        List<FleetResult> all = fleet.all();
        assertThat(all).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETE));
        Set<String> jobIds = new HashSet<>();
        all.forEach(r -> jobIds.add(r.jobId()));
        assertThat(jobIds).containsExactlyInAnyOrderElementsOf(jobs.stream().map(FleetJob::jobId).toList());
        assertThat(all.stream().filter(r -> r.repository().startsWith("repo-") && jobs.subList(CORPORA,
            CORPORA + LATE_CORPORA).stream().anyMatch(j -> j.jobId().equals(r.jobId()))))
            .allSatisfy(r -> assertThat(r.worker()).isEqualTo("w3"));
        System.out.printf("fleet fail-over: kill -9 -> all %d stored in %d ms (session timeout %d ms), %d runs;"
            + " SIGTERM -> exit in %d ms, %d late corpora stored by w3 %d ms after it%n", CORPORA,
            afterKill.toMillis(), SESSION.toMillis(), runsAfterKill, stop.toMillis(), LATE_CORPORA,
            handOff.toMillis());
      } finally {
        for (Process p : workers) {
          p.destroyForcibly();
        }
      }
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

  private Process worker(CamelFleet.Kafka kafka, String db, String id) throws IOException {
    return WorkerProcess.start(kafka, db, id, tmp.resolve("work-" + id), tmp.resolve(id + ".log"));
  }

  private static long storedBy(FleetRepositories fleet, String worker) {
    return fleet.all().stream().filter(r -> r.worker().equals(worker)).count();
  }

  private static long runs(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs WHERE status = 'COMPLETE'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void await(BooleanSupplier condition, Duration timeout, String what, List<Process> workers)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        StringBuilder logs = new StringBuilder();
        for (int w = 1; w <= workers.size(); w++) {
          Path log = tmp.resolve("w" + w + ".log");
          if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log);
            logs.append("\n--- w").append(w).append(" (last lines)\n")
                .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
          }
        }
        throw new AssertionError("timed out waiting for: " + what + logs);
      }
      Thread.sleep(250);
    }
  }
}
