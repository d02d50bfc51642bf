package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.docgate.config.ConfigException;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.docgate.report.store.CorpusId;
import org.docgate.report.store.FindingQuery;
import org.docgate.report.store.NoSuchRunException;
import org.docgate.report.store.ReportStore;
import org.docgate.report.store.ReportStores;
import org.docgate.report.store.Retention;
import org.docgate.report.store.RunStart;
import org.docgate.report.store.RunStatus;
import org.docgate.report.store.RunSummary;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Promise: several docgates may share one database, each on its own corpus, without touching each other's history;
 * a second docgate on the same corpus and database is refused at start with a message that says who holds it. Runs on
 * embedded H2 and on PostgreSQL ({@code DOCGATE_TEST_PG_URL}, one fresh schema per test; required under CI=true).
 */
class SharedDatabaseTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final CorpusId DOCS = new CorpusId("/srv/docs");
  private static final CorpusId HANDBOOK = new CorpusId("/srv/handbook");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Finding BROKEN = new Finding("links/missing-file", Severity.ERROR, "a.md", 3, 1, "no b.md",
      "b.md", null, null);
  private static final Finding STALE = new Finding("versions/stale", Severity.WARNING, "a.md", 9, 1, "7.0 is stale",
      null, null, null);

  enum Database { H2, POSTGRESQL }

  @TempDir Path data;
  private final List<ReportStore> opened = new ArrayList<>();
  private String pgSchema;

  @AfterEach
  void closeAndDrop() throws SQLException {
    opened.forEach(ReportStore::close);
    if (pgSchema != null) {
      try (Connection c = DriverManager.getConnection(pgBaseUrl()); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aDiffNeverUsesAnotherCorpussRunAsItsBase(Database db) throws SQLException {
    String url = url(db);
    ReportStore docs = open(url, DOCS);
    ReportStore handbook = open(url, HANDBOOK);
    long docs1 = complete(docs, BROKEN, STALE);
    long handbook1 = complete(handbook, STALE);
    long docs2 = complete(docs, STALE);

    assertThat(docs.previousComplete(docs2)).map(RunSummary::id).as("not the handbook's newer run").contains(docs1);
    assertThat(docs.diff(docs2, docs1).fixed()).extracting(Finding::rule).containsExactly("links/missing-file");
    assertThatThrownBy(() -> docs.diff(docs2, handbook1)).isInstanceOf(NoSuchRunException.class);
    assertThat(docs.run(handbook1)).isEmpty();
    assertThatThrownBy(() -> docs.findings(handbook1, FindingQuery.ALL, 0, 10))
        .isInstanceOf(NoSuchRunException.class);
    assertThat(docs.runs(0, 10).items()).extracting(RunSummary::id).containsExactly(docs2, docs1);
    assertThat(docs.latestComplete()).map(RunSummary::id).contains(docs2);
    assertThat(handbook.runs(0, 10).items()).extracting(RunSummary::id).containsExactly(handbook1);
    assertThat(handbook.latestComplete()).map(RunSummary::id).contains(handbook1);
    assertThat(handbook.previousComplete(docs2)).map(RunSummary::id).contains(handbook1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aSecondServiceStartingOnAnotherCorpusNeverFailsTheFirstOnesRunningRun(Database db) throws SQLException {
    String url = url(db);
    ReportStore docs = open(url, DOCS);
    long running = docs.begin(start(DOCS));

    ReportStore handbook = open(url, HANDBOOK);
    assertThat(handbook.failInterrupted()).isZero();
    assertThat(docs.run(running)).map(RunSummary::status).contains(RunStatus.RUNNING);
    assertThat(docs.complete(running, report(BROKEN), null).status()).isEqualTo(RunStatus.COMPLETE);
    assertThatThrownBy(() -> handbook.fail(running, "not mine")).isInstanceOf(NoSuchRunException.class);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void retentionCountsAndDeletesOnlyItsOwnCorpussRuns(Database db) throws SQLException {
    String url = url(db);
    ReportStore docs = open(url, DOCS);
    ReportStore handbook = open(url, HANDBOOK);
    complete(docs, BROKEN);
    complete(docs, STALE);
    long handbook1 = complete(handbook, STALE);
    long docs3 = complete(docs, STALE);

    assertThat(handbook.retain(new Retention(0, null))).as("its newest complete run stays; docs' are not its own")
        .isZero();
    assertThat(docs.runs(0, 10).total()).isEqualTo(3);
    assertThat(docs.retain(new Retention(1, null))).isEqualTo(2);
    assertThat(docs.runs(0, 10).items()).extracting(RunSummary::id).containsExactly(docs3);
    assertThat(handbook.run(handbook1)).isPresent();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void everyRunCarriesItsCorpusAndTheProcessThatWroteIt(Database db) throws SQLException {
    String url = url(db);
    long id = complete(open(url, DOCS), BROKEN);
    String jdbc = url != null ? url : "jdbc:h2:file:" + data.resolve("docgate") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
    try (Connection c = DriverManager.getConnection(jdbc, db == Database.H2 ? "sa" : null, "");
        PreparedStatement ps = c.prepareStatement("SELECT corpus_id, instance FROM runs WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(DOCS.value());
        assertThat(rs.getString(2)).endsWith(":" + ProcessHandle.current().pid());
      }
    }
  }

  @Test
  void aSecondDocgateOnTheSameCorpusAndPostgresIsRefusedAndSaysWhoHoldsIt() throws Exception {
    String url = url(Database.POSTGRESQL);
    ReportStore first = open(url, DOCS);
    long running = first.begin(start(DOCS));

    assertThatThrownBy(() -> open(url, DOCS)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("another docgate already serves corpus '/srv/docs' from the report store at ")
        .hasMessageContaining("PostgreSQL backend ")
        .hasMessageContaining("'docgate " + InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid() + "'")
        .hasMessageEndingWith("stop it first, or give this one its own --corpus-name or database (one writer per"
            + " corpus and database)")
        .hasMessageNotContaining("\n");
    assertThat(first.run(running)).map(RunSummary::status).as("the refused start failed nothing")
        .contains(RunStatus.RUNNING);
    assertThat(open(url, HANDBOOK).runs(0, 1).total()).as("another corpus is welcome").isZero();

    first.close();
    ReportStore second = open(url, DOCS);
    assertThat(second.failInterrupted()).as("now the first is gone, its run was interrupted").isEqualTo(1);
  }

  @Test
  void aSecondDocgateOnTheSameH2DataDirectoryIsRefusedWithAClearMessage() throws Exception {
    open(null, DOCS).close(); // created and migrated
    Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), HoldStore.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    try {
      assertThat(new String(other.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("open\n");
      assertThatThrownBy(() -> open(null, HANDBOOK)).isInstanceOf(ConfigException.class)
          .hasMessageContaining("another docgate (or another program) has this data directory open; one process per"
              + " data directory: stop the other one, or give this one its own --data")
          .hasMessageNotContaining("\n");
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  /** Child process: holds the H2 store of {@code args[0]} open until killed. */
  public static final class HoldStore {
    private HoldStore() {}

    public static void main(String[] args) throws Exception {
      ReportStore store = ReportStores.open(null, Path.of(args[0]), DOCS);
      System.out.print("open\n");
      System.out.flush();
      Thread.sleep(120_000);
      store.close();
    }
  }

  // ---- helpers

  private ReportStore open(String url, CorpusId corpus) {
    ReportStore store = ReportStores.open(url, data, corpus, Clock.systemUTC(), Map.of());
    opened.add(store);
    return store;
  }

  /** Null for embedded H2 in {@link #data}; for PostgreSQL, a fresh schema of DOCGATE_TEST_PG_URL's database. */
  private String url(Database db) throws SQLException {
    if (db == Database.H2) {
      return null;
    }
    String base = pgBaseUrl();
    if (pgSchema == null) {
      pgSchema = "docgate_shared" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
      try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + pgSchema);
      }
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
  }

  static String pgBaseUrl() {
    String base = System.getenv("DOCGATE_TEST_PG_URL");
    if (base == null || base.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("DOCGATE_TEST_PG_URL is unset under CI=true: .ci/run must start PostgreSQL with bin/start-postgres");
      }
      Assumptions.abort("skipped: no PostgreSQL; run  export DOCGATE_TEST_PG_URL=\"$(bin/start-postgres)\"");
    }
    return base;
  }

  private static long complete(ReportStore store, Finding... findings) {
    long id = store.begin(new RunStart("watch", "corpus", null, T0));
    return store.complete(id, report(findings), null).id();
  }

  private static RunStart start(CorpusId corpus) {
    return new RunStart("start", corpus.value(), null, T0);
  }

  private static ScanReport report(Finding... findings) {
    return new ScanReport(ScanReport.SCHEMA, "corpus", T0, T0.plusSeconds(1), 1, Map.of(), Map.of(),
        Fingerprints.assign(List.of(findings)));
  }
}
