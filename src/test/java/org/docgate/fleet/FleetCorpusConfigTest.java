package org.docgate.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.docgate.camel.CamelFleet;
import org.docgate.cli.DocgateCommand;
import org.docgate.finding.Finding;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FindingQuery;
import org.docgate.report.store.FleetRepositories;
import org.docgate.report.store.FleetResult;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.ReportStores;
import org.docgate.report.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet worker ({@code docgate fleet worker}, no {@code --config}) honours each submitted corpus's own
 * {@code .docgate.yaml} as {@code docgate scan} of the same folder does: a corpus that turns a rule off stores no
 * finding of it, one without a config keeps the worker's, and a corpus whose config is wrong is a failed job naming
 * the file, not a scan with the wrong rules.
 */
class FleetCorpusConfigTest {
  private static final String PAGE = "# Start\n\nSee [gone](missing.md) and [no anchor](#nowhere).\n";

  @TempDir Path tmp;

  @Test
  void aCorpusThatTurnsARuleOffStoresNoFindingOfItAsAScanOfItsFolder() throws Exception {
    String brokers = TestKafka.bootstrap();
    long stamp = System.nanoTime();
    CamelFleet.Kafka kafka = new CamelFleet.Kafka(brokers, "docgate.test.config." + stamp, "docgate-config-" + stamp,
        2, Duration.ofSeconds(6));
    Path quiet = corpus("quiet", "rules:\n  links/missing-file: off\n");
    Path plain = corpus("plain", null);
    Path wrong = corpus("wrong", "rules:\n  links/missing-fil: off\n");
    Map<String, Path> folders = Map.of("quiet", quiet, "plain", plain, "wrong", wrong);
    List<FleetJob> jobs = new ArrayList<>();
    folders.forEach((name, dir) -> jobs.add(FleetJob.submit(name, dir.toString(), null, Instant.now())));

    try (TestPostgres pg = new TestPostgres();
        FleetRepositories fleet = FleetRepositories.open(pg.url(), Map.of())) {
      CamelFleet.ensureTopics(kafka);
      Process worker = worker(kafka, pg.url());
      try {
        CamelFleet.submit(kafka, jobs);
        await(() -> fleet.all().size() == jobs.size(), worker);
      } finally {
        worker.destroyForcibly();
      }
      Map<String, FleetResult> byName = new HashMap<>();
      fleet.all().forEach(r -> byName.put(r.repository(), r));

      assertThat(byName.get("wrong").status()).isEqualTo(RunStatus.FAILED);
      assertThat(byName.get("wrong").error()).contains(".docgate.yaml").contains("links/missing-fil");
      Map<String, List<String>> rules = new HashMap<>();
      for (String name : List.of("quiet", "plain")) {
        FleetResult r = byName.get(name);
        assertThat(r.status()).as(name + ": " + r.error()).isEqualTo(RunStatus.COMPLETE);
        List<Finding> stored;
        try (ReportStore store = ReportStores.open(pg.url(), null, new CorpusId(name))) {
          stored = store.findings(r.runId(), FindingQuery.ALL, 0, 1000).items();
        }
        assertThat(stored).map(Finding::fingerprint).as(name)
            .containsExactlyInAnyOrderElementsOf(scanFingerprints(folders.get(name)));
        rules.put(name, stored.stream().map(Finding::rule).toList());
      }
      assertThat(rules.get("plain")).contains("links/missing-file", "links/missing-anchor");
      assertThat(rules.get("quiet")).contains("links/missing-anchor").doesNotContain("links/missing-file");
    }
  }

  private Path corpus(String name, String config) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("README.md"), PAGE);
    if (config != null) {
      Files.writeString(dir.resolve(".docgate.yaml"), config);
    }
    return dir;
  }

  /** The fingerprints of a one-shot {@code docgate scan} of the folder, from the same working directory. */
  private static List<String> scanFingerprints(Path folder) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = DocgateCommand.execute(new String[] {"scan", folder.toString(), "--format", "json", "--offline"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as("0 or 1 (findings): %s", err).isBetween(0, 1);
    List<String> fingerprints = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(out.toString()).path("findings")) {
      fingerprints.add(f.path("fingerprint").asText());
    }
    assertThat(fingerprints).isNotEmpty();
    return fingerprints;
  }

  private Process worker(CamelFleet.Kafka kafka, String db) throws IOException {
    return WorkerProcess.start(kafka, db, "w1", tmp.resolve("work"), tmp.resolve("worker.log"));
  }

  private void await(java.util.function.BooleanSupplier condition, Process worker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline || !worker.isAlive()) {
        List<String> lines = Files.readAllLines(tmp.resolve("worker.log"));
        throw new AssertionError("timed out waiting for every job stored\n" + String.join("\n",
            lines.subList(Math.max(0, lines.size() - 40), lines.size())));
      }
      Thread.sleep(250);
    }
  }
}
