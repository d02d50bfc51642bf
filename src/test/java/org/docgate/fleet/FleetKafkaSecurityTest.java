package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --kafka-config} against a broker that requires SASL (SASL_PLAINTEXT, PLAIN, bin/start-kafka with
 * DOCGATE_KAFKA_SASL_USERS): the password only in the environment ({@code ${env:...}} through Kafka's
 * EnvVarConfigProvider). With it, {@code fleet worker} (corpora and URL routes, URL queue, host-state table),
 * {@code fleet submit} and {@code fleet schedule} all talk to the broker: the corpus result and its URL's check are
 * stored. With a wrong password, submit and worker fail at once with Kafka's authentication error. No log line shows
 * a password. Every wait has a deadline; every process is killed at the end.
 */
class FleetKafkaSecurityTest {
  private static final String RIGHT = "right-" + Long.toHexString(System.nanoTime());
  private static final String WRONG = "wrong-" + Long.toHexString(System.nanoTime());
  private static final Duration COMMAND = Duration.ofSeconds(120);

  @TempDir Path tmp;

  private final List<Process> started = new ArrayList<>();

  @Test
  void everyFleetCommandAuthenticatesWithTheConfigFileAndAWrongPasswordFailsFastAndClearly() throws Exception {
    Path config = Files.writeString(tmp.resolve("kafka.properties"), """
        security.protocol=SASL_PLAINTEXT
        sasl.mechanism=PLAIN
        config.providers=env
        config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
            username="docgate" password="${env:DOCGATE_TEST_KAFKA_PASSWORD}";
        """);
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("links.yaml"), """
        allow: ["127.0.0.0/8"]
        fragments: {check: false}
        cache: {enabled: false}
        """);
    try (OwnKafka broker = OwnKafka.start(29500, Map.of("DOCGATE_KAFKA_SASL_USERS", "docgate:" + RIGHT));
        HostServers hosts = new HostServers("127.0.9.1", 1, Duration.ofMillis(1));
        TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      Path corpus = Files.createDirectories(tmp.resolve("corpus"));
      Files.writeString(corpus.resolve("README.md"), "# Docs\n\nSee [the page](" + hosts.base(0) + "/page/1).\n");
      long stamp = System.nanoTime();
      List<String> kafka = List.of("--brokers", broker.saslBootstrap(), "--kafka-config", config.toString(),
          "--topic", "docgate.sec.corpora." + stamp, "--group", "docgate-sec-" + stamp, "--partitions", "2",
          "--session-timeout", "6000");
      List<String> urls = List.of("--urls-topic", "docgate.sec.urls." + stamp, "--host-state-topic",
          "docgate.sec.host-state." + stamp, "--url-partitions", "2");
      try {
        Path workerLog = tmp.resolve("worker.log");
        Process worker = docgate(RIGHT, workerLog, concat(List.of("fleet", "worker"), kafka, urls, List.of("--db",
            pg.url(), "--worker-id", "w1", "--work-dir", tmp.resolve("work").toString(), "--rules", rules.toString(),
            "--metrics-port", "-1")));
        awaitLine(worker, workerLog, "consuming");

        Path submitLog = tmp.resolve("submit.log");
        assertThat(exit(docgate(RIGHT, submitLog, concat(List.of("fleet", "submit"), kafka, List.of("--repository",
            "secured", corpus.toString()))))).as(read(submitLog)).isZero();
        await(() -> fleet.all().stream().anyMatch(r -> r.repository().equals("secured")
            && r.status() == RunStatus.COMPLETE), "the corpus result stored", workerLog);
        await(() -> fleet.urls().counts(Instant.now()).get("urls") == 1
            && fleet.urls().counts(Instant.now()).get("pending") == 0, "its URL checked by the URL route", workerLog);
        assertThat(hosts.counts().requests()).as("the link was checked through the URL topic").isEqualTo(1);

        Path scheduleLog = tmp.resolve("schedule.log");
        assertThat(exit(docgate(RIGHT, scheduleLog, concat(List.of("fleet", "schedule", "--once"), kafka, urls,
            List.of("--db", pg.url()))))).as(read(scheduleLog)).isZero();
        // the repository is submitted again when its URL's result came in after its scan (a race: either is right)
        assertThat(read(scheduleLog)).containsPattern("scheduled 0 URLs, [01] repositories to scan again");
        if (read(scheduleLog).contains(", 1 repositories")) {
          FleetResult first = fleet.all().getFirst();
          await(() -> !fleet.all().getFirst().jobId().equals(first.jobId()), "the rescan schedule submitted",
              workerLog);
        }

        Path wrongSubmit = tmp.resolve("wrong-submit.log");
        long t0 = System.nanoTime();
        assertThat(exit(docgate(WRONG, wrongSubmit, concat(List.of("fleet", "submit"), kafka, List.of(
            corpus.toString()))))).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("failed at once, not after the 2 min broker wait")
            .isLessThan(Duration.ofSeconds(60));
        assertThat(read(wrongSubmit)).contains("docgate: error: cannot create the topic docgate.sec.corpora."
            + stamp + " at " + broker.saslBootstrap() + ": Authentication failed: Invalid username or password");

        Path wrongWorker = tmp.resolve("wrong-worker.log");
        assertThat(exit(docgate(WRONG, wrongWorker, concat(List.of("fleet", "worker"), kafka, urls, List.of("--db",
            pg.url(), "--worker-id", "w2", "--metrics-port", "-1", "--rules", rules.toString()))))).isEqualTo(2);
        assertThat(read(wrongWorker)).contains("Authentication failed: Invalid username or password");

        assertThat(read(workerLog)).contains("sasl.jaas.config=[hidden]");
        for (Path log : List.of(workerLog, submitLog, scheduleLog, wrongSubmit, wrongWorker)) {
          assertThat(read(log)).as(log.getFileName() + " shows no password").doesNotContain(RIGHT, WRONG);
        }
      } finally {
        for (Process p : started) {
          p.destroyForcibly();
          p.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  /** docgate in its own JVM on this build's classes, the Kafka password in its environment only. */
  private Process docgate(String password, Path log, List<String> args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "org.docgate.cli.DocgateCommand"));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("DOCGATE_TEST_KAFKA_PASSWORD", password);
    Process p = pb.start();
    started.add(p);
    return p;
  }

  private static int exit(Process p) throws InterruptedException {
    if (!p.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("a docgate command did not end within " + COMMAND.toSeconds() + " s");
    }
    return p.exitValue();
  }

  private static void awaitLine(Process p, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + COMMAND.toNanos();
    while (!read(log).contains(text)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the worker did not start: " + read(log));
      }
      Thread.sleep(200);
    }
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private static void await(Check condition, String what, Path log) throws Exception {
    long deadline = System.nanoTime() + COMMAND.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what + "\n" + read(log));
      }
      Thread.sleep(200);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
