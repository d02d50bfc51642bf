package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docgate.config.ConfigException;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.ReportStores;
import org.docgate.report.store.RunStart;
import org.docgate.report.store.RunStatus;
import org.docgate.report.store.RunSummary;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promise: a PostgreSQL restart between two runs does not fail the next run. The store's pool (HikariCP) checks an
 * idle connection before handing it out, and the corpus lock is taken again on a new session. The test starts its own
 * throwaway cluster ({@code bin/start-postgres}, from port 55570 up), because it stops and starts it; it is skipped
 * without PostgreSQL's server binaries, except under CI=true, where that is a failure.
 */
class DatabaseRestartTest {
  private static final CorpusId CORPUS = new CorpusId("/srv/docs");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path data;
  private Path cluster;

  @AfterEach
  void stopCluster() throws Exception {
    if (cluster != null) {
      run(List.of("bin/start-postgres", "--stop", cluster.toString()), Map.of());
    }
  }

  @Test
  void theRunAfterAPostgresRestartIsStored() throws Exception {
    Path pgBin = pgBin();
    String url = startCluster();
    int port = Integer.parseInt(url.replaceAll(".*://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));

    try (ReportStore store = ReportStores.open(url, data, CORPUS, Clock.systemUTC(), Map.of())) {
      assertThat(storeARun(store).status()).isEqualTo(RunStatus.COMPLETE);

      // every connection the store holds (pooled ones and the lock's) dies with the server
      pgCtl(pgBin, "-m", "fast", "-w", "stop");
      pgCtl(pgBin, "-l", cluster.resolve("server.log").toString(), "-w", "-t", "30", "-o",
          "-c listen_addresses=127.0.0.1 -p " + port + " -k " + cluster + " -c fsync=off", "start");

      assertThat(storeARun(store).status()).as("the second write, after the restart").isEqualTo(RunStatus.COMPLETE);
      assertThat(store.runs(0, 10).total()).isEqualTo(2);
      assertThatThrownBy(() -> ReportStores.open(url, data, CORPUS, Clock.systemUTC(), Map.of()))
          .as("the corpus lock was taken again on the new server").isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("another docgate already serves corpus '/srv/docs'");
    }
  }

  private static RunSummary storeARun(ReportStore store) {
    long id = store.begin(new RunStart("watch", CORPUS.value(), null, T0));
    return store.complete(id, new ScanReport(ScanReport.SCHEMA, CORPUS.value(), T0, T0.plusSeconds(1), 3, Map.of(),
        Map.of(), List.of()), null);
  }

  private String startCluster() throws Exception {
    Result started = run(List.of("bin/start-postgres"), Map.of("DOCGATE_PG_PORT", "55570"));
    assertThat(started.code()).as(started.err()).isZero();
    Matcher m = Pattern.compile("cluster (\\S+) ").matcher(started.err());
    assertThat(m.find()).as(started.err()).isTrue();
    cluster = Path.of(m.group(1));
    return started.out().strip();
  }

  private void pgCtl(Path pgBin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("runuser", "-u", "postgres", "--")); // as bin/start-postgres runs it under root
    }
    command.add(pgBin.resolve("pg_ctl").toString());
    command.addAll(List.of("-D", cluster.resolve("data").toString()));
    command.addAll(List.of(args));
    Result r = run(command, Map.of());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  /** The newest PostgreSQL server binaries, as bin/start-postgres finds them. */
  private static Path pgBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    Path bin = null;
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
            .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll(
                "\\D.*", "0")))).orElse(null);
      }
    }
    if (bin == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("no PostgreSQL server binaries under /usr/lib/postgresql under CI=true (apt-get install postgresql)");
      }
      Assumptions.abort("skipped: no PostgreSQL server binaries (apt-get install postgresql)");
    }
    return bin;
  }

  private record Result(int code, String out, String err) {}

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile("pg-out", ".txt");
    Path err = Files.createTempFile("pg-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail(command + " did not finish in 2 minutes");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
