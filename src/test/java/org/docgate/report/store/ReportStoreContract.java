package org.docgate.report.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.docgate.report.store.StoredReports.T0;
import static org.docgate.report.store.StoredReports.finding;
import static org.docgate.report.store.StoredReports.report;
import static org.docgate.report.store.StoredReports.start;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.docgate.SharedFiles;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every ReportStore must do, run against each database (H2 embedded, PostgreSQL). */
abstract class ReportStoreContract {
  private static ScanReport sharedCorpusScan;

  final StoredReports.MovableClock clock = new StoredReports.MovableClock(T0.plus(Duration.ofDays(1)));
  private final List<ReportStore> opened = new ArrayList<>();

  /** The JDBC URL of this test's fresh database, or null for H2 in {@link #dataDir()}. */
  abstract String url();

  abstract Path dataDir();

  abstract Vendor vendor();

  /** The URL Flyway and a child JVM use to reach the same database. */
  String resolvedUrl() {
    return url() != null ? url() : ReportStores.h2FileUrl(dataDir());
  }

  ReportStore open() {
    ReportStore store = ReportStores.open(url(), dataDir(), StoredReports.CORPUS, clock, Map.of());
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(ReportStore::close);
  }

  static final Finding BROKEN_LINK = finding("links/missing-file", Severity.ERROR, "guide/install.md", 3, "no file");
  static final Finding STALE = finding("versions/stale", Severity.WARNING, "guide/install.md", 9, "7.0 is stale");
  static final Finding TERM = finding("terms/docgate.vSphere", Severity.INFO, "api/ref.md", 1, "say vSphere");
  static final Finding ANCHOR = finding("links/missing-anchor", Severity.ERROR, "guide/sub/a.md", 2, "no #x");
  static final Finding ODD_FOLDER = finding("links/missing-file", Severity.WARNING, "a_b/c.md", 1, "odd folder");
  static final Finding LOOKALIKE = finding("links/missing-file", Severity.WARNING, "axb/c.md", 1, "lookalike");

  @Test
  void aCompletedRunReadsBackItsFindingsAndMetrics() {
    ReportStore store = open();
    ScanReport report = report(BROKEN_LINK, STALE, TERM, ANCHOR);
    long id = store.begin(start("cli", T0));

    RunSummary running = store.run(id).orElseThrow();
    assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(running.findingCount()).isZero();
    assertThat(running.finishedAt()).isNull();

    RunSummary done = store.complete(id, report, 0.82);
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(done.trigger()).isEqualTo("cli");
    assertThat(done.corpus()).isEqualTo("/corpus");
    assertThat(done.revision()).isEqualTo("0123abcd");
    assertThat(done.startedAt()).isEqualTo(T0);
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(done.documents()).isEqualTo(12);
    assertThat(done.readinessScore()).isEqualTo(0.82);
    assertThat(done.findingCount()).isEqualTo(4);
    assertThat(done.findingsBySeverity()).containsExactly(
        Map.entry("error", 2L), Map.entry("warning", 1L), Map.entry("info", 1L));
    assertThat(done.metrics()).isEqualTo(report.metrics()).containsEntry("versionAlignment", null);
    assertThat(done.metrics().keySet()).containsExactly("linkValidity", "versionAlignment", "completeness");
    assertThat(done.error()).isNull();
    assertThat(store.findings(id, FindingQuery.ALL, 0, 100).items()).isEqualTo(report.findings());
    assertThat(store.run(id)).contains(done);
  }

  @Test
  void findingsWithoutFingerprintsGetThemWhenStored() {
    ReportStore store = open();
    ScanReport bare = new ScanReport(ScanReport.SCHEMA, "/corpus", T0, T0, 1, Map.of(), Map.of(),
        List.of(STALE, BROKEN_LINK));
    long id = store.begin(start("cli", T0));
    store.complete(id, bare, null);
    assertThat(store.findings(id, FindingQuery.ALL, 0, 10).items())
        .isEqualTo(Fingerprints.assign(List.of(STALE, BROKEN_LINK)))
        .allSatisfy(f -> assertThat(f.fingerprint()).isNotNull());
    assertThat(store.run(id).orElseThrow().readinessScore()).isNull();
  }

  @Test
  void pagesComeInPathLineColumnRuleOrderWithTheTotalCount() {
    ReportStore store = open();
    ScanReport report = StoredReports.large(25);
    long id = store.complete(store.begin(start("cli", T0)), report, null).id();

    List<Finding> all = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      Page<Finding> p = store.findings(id, FindingQuery.ALL, page, 10);
      assertThat(p.total()).isEqualTo(25);
      assertThat(p.page()).isEqualTo(page);
      assertThat(p.size()).isEqualTo(10);
      assertThat(p.items()).hasSize(page < 2 ? 10 : 5);
      all.addAll(p.items());
    }
    assertThat(all).isEqualTo(report.findings()).isSortedAccordingTo(Fingerprints.ORDER);
    assertThat(store.findings(id, FindingQuery.ALL, 3, 10).items()).isEmpty();
    assertThatThrownBy(() -> store.findings(id, FindingQuery.ALL, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFilterNarrowsTheFindings() {
    ReportStore store = open();
    long id = store.complete(store.begin(start("cli", T0)),
        report(BROKEN_LINK, STALE, TERM, ANCHOR, ODD_FOLDER, LOOKALIKE), null).id();

    assertThat(query(store, id, new FindingQuery("links/missing-file", null, null, null)))
        .containsExactly("a_b/c.md:1", "axb/c.md:1", "guide/install.md:3");
    assertThat(query(store, id, new FindingQuery(null, Severity.ERROR, null, null)))
        .containsExactly("guide/install.md:3", "guide/sub/a.md:2");
    assertThat(query(store, id, new FindingQuery(null, null, "guide/install.md", null)))
        .containsExactly("guide/install.md:3", "guide/install.md:9");
    assertThat(query(store, id, new FindingQuery(null, null, "guide/", null)))
        .containsExactly("guide/install.md:3", "guide/install.md:9", "guide/sub/a.md:2");
    assertThat(query(store, id, new FindingQuery(null, null, "guide", null))).as("no slash: an exact path").isEmpty();
    assertThat(query(store, id, new FindingQuery(null, null, "a_b/", null))).as("_ is no wildcard")
        .containsExactly("a_b/c.md:1");
    assertThat(query(store, id, new FindingQuery(null, null, "%/", null))).as("% is no wildcard").isEmpty();
    assertThat(query(store, id, new FindingQuery(null, null, null, "links")))
        .containsExactly("a_b/c.md:1", "axb/c.md:1", "guide/install.md:3", "guide/sub/a.md:2");
    assertThat(query(store, id, new FindingQuery(null, null, null, "terms"))).containsExactly("api/ref.md:1");
    assertThat(query(store, id, new FindingQuery("links/missing-file", Severity.WARNING, "a_b/", "links")))
        .containsExactly("a_b/c.md:1");
    assertThat(store.findings(id, new FindingQuery(null, null, null, "links"), 1, 3).total()).isEqualTo(4);
  }

  private static List<String> query(ReportStore store, long id, FindingQuery q) {
    return store.findings(id, q, 0, 100).items().stream().map(f -> f.path() + ":" + f.line()).toList();
  }

  @Test
  void diffMatchesFindingsByFingerprint() {
    ReportStore store = open();
    long base = store.complete(store.begin(start("cli", T0)), report(BROKEN_LINK, STALE), null).id();
    // STALE moved two lines down: same fingerprint, so unchanged
    Finding moved = finding("versions/stale", Severity.WARNING, "guide/install.md", 11, "7.0 is stale");
    long next = store.complete(store.begin(start("watch", T0.plusSeconds(5))), report(moved, TERM), null).id();

    RunDiff diff = store.diff(next, base);
    assertThat(diff.runId()).isEqualTo(next);
    assertThat(diff.baseRunId()).isEqualTo(base);
    assertThat(diff.added()).extracting(Finding::rule).containsExactly("terms/docgate.vSphere");
    assertThat(diff.fixed()).extracting(Finding::rule).containsExactly("links/missing-file");
    assertThat(diff.unchanged()).extracting(Finding::line).containsExactly(11);

    assertThat(store.diff(next, next).added()).isEmpty();
    assertThatThrownBy(() -> store.diff(next, 999_999)).isInstanceOf(NoSuchRunException.class)
        .hasMessage("no run 999999");
    assertThatThrownBy(() -> store.diff(999_999, base)).isInstanceOf(NoSuchRunException.class);
    assertThatThrownBy(() -> store.findings(999_999, FindingQuery.ALL, 0, 10))
        .isInstanceOf(NoSuchRunException.class);
    assertThatThrownBy(() -> store.complete(999_999, report(), null)).isInstanceOf(NoSuchRunException.class);
    assertThat(store.run(999_999)).isEmpty();
  }

  @Test
  void runsListNewestFirstAndFindTheCompleteOnes() {
    ReportStore store = open();
    long a = store.complete(store.begin(start("start", T0)), report(STALE), null).id();
    long b = store.begin(start("watch", T0.plusSeconds(1)));
    store.fail(b, "parser blew up");
    long c = store.complete(store.begin(start("watch", T0.plusSeconds(2))), report(TERM), null).id();
    long d = store.begin(start("api", T0.plusSeconds(3)));

    Page<RunSummary> first = store.runs(0, 3);
    assertThat(first.total()).isEqualTo(4);
    assertThat(first.items()).extracting(RunSummary::id).containsExactly(d, c, b);
    assertThat(store.runs(1, 3).items()).extracting(RunSummary::id).containsExactly(a);
    assertThat(store.latestComplete()).map(RunSummary::id).contains(c);
    assertThat(store.previousComplete(c)).map(RunSummary::id).contains(a);
    assertThat(store.previousComplete(d)).map(RunSummary::id).contains(c);
    assertThat(store.previousComplete(a)).isEmpty();
  }

  @Test
  void anEmptyStoreHasNoRuns() {
    ReportStore store = open();
    assertThat(store.runs(0, 10)).isEqualTo(new Page<>(List.of(), 0, 10, 0));
    assertThat(store.latestComplete()).isEmpty();
    assertThat(store.failInterrupted()).isZero();
    assertThat(store.retain(new Retention(0, Duration.ZERO))).isZero();
  }

  @Test
  void failRecordsTheReasonAndLeavesFinishedRunsAlone() {
    ReportStore store = open();
    long id = store.begin(start("cli", T0));
    store.fail(id, "corpus vanished");
    RunSummary failed = store.run(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).isEqualTo("corpus vanished");
    assertThat(failed.finishedAt()).isEqualTo(clock.instant());

    long done = store.complete(store.begin(start("cli", T0)), report(STALE), null).id();
    store.fail(done, "too late");
    assertThat(store.run(done).orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
    assertThatThrownBy(() -> store.complete(id, report(STALE), null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed, not running");
    assertThatThrownBy(() -> store.fail(999_999, "x")).isInstanceOf(NoSuchRunException.class);
  }

  @Test
  void failInterruptedMarksOnlyRunningRunsFailed() {
    ReportStore store = open();
    long done = store.complete(store.begin(start("start", T0)), report(STALE), null).id();
    long left1 = store.begin(start("watch", T0));
    long left2 = store.begin(start("watch", T0));

    assertThat(store.failInterrupted()).isEqualTo(2);
    assertThat(store.run(left1).orElseThrow().error()).isEqualTo("interrupted");
    assertThat(store.run(left2).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    assertThat(store.run(done).orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(store.failInterrupted()).isZero();
  }

  @Test
  void retentionKeepsTheNewestRunsButNeverTheNewestCompleteOne() {
    ReportStore store = open();
    long complete = store.complete(store.begin(start("start", T0)), report(STALE, TERM), null).id();
    long older = store.complete(store.begin(start("start", T0)), report(STALE), null).id();
    store.fail(store.begin(start("watch", T0)), "x");
    store.fail(store.begin(start("watch", T0)), "y");
    store.fail(store.begin(start("watch", T0)), "z");
    long running = store.begin(start("watch", T0));

    assertThat(store.retain(Retention.FOREVER)).isZero();
    // keep 2: the running one and the newest failed one; the newest complete one stays too
    assertThat(store.retain(new Retention(2, null))).isEqualTo(3);
    assertThat(store.runs(0, 10).items()).extracting(RunSummary::status)
        .containsExactly(RunStatus.RUNNING, RunStatus.FAILED, RunStatus.COMPLETE);
    assertThat(store.latestComplete()).map(RunSummary::id).contains(older);
    assertThat(store.run(complete)).isEmpty();
    assertThatThrownBy(() -> store.findings(complete, FindingQuery.ALL, 0, 10))
        .isInstanceOf(NoSuchRunException.class);
    assertThat(store.findings(older, FindingQuery.ALL, 0, 10).total()).isEqualTo(1);

    assertThat(store.retain(new Retention(0, null))).isEqualTo(1);
    assertThat(store.runs(0, 10).items()).extracting(RunSummary::id).containsExactly(running, older);
  }

  @Test
  void retentionByAgeDeletesOldRunsOnly() {
    ReportStore store = open();
    long old = store.complete(store.begin(start("start", T0)), report(STALE), null).id();
    long oldFailed = store.begin(start("watch", T0.plusSeconds(10)));
    store.fail(oldFailed, "x");
    long recent = store.complete(store.begin(start("watch", clock.instant().minus(Duration.ofHours(1)))),
        report(TERM), null).id();

    assertThat(store.retain(new Retention(null, Duration.ofDays(30)))).isZero();
    assertThat(store.retain(new Retention(null, Duration.ofHours(2)))).isEqualTo(2);
    assertThat(store.runs(0, 10).items()).extracting(RunSummary::id).containsExactly(recent);
    assertThat(store.run(old)).isEmpty();

    clock.advance(Duration.ofDays(400)); // even when everything is old, the newest complete run stays
    assertThat(store.retain(new Retention(10, Duration.ofDays(1)))).isZero();
    assertThat(store.latestComplete()).map(RunSummary::id).contains(recent);
  }

  @Test
  void aReopenedStoreStillHoldsItsRuns() {
    ReportStore first = open();
    long id = first.complete(first.begin(start("start", T0)), report(BROKEN_LINK, STALE), 0.5).id();
    long running = first.begin(start("watch", T0));
    RunSummary stored = first.run(id).orElseThrow();
    first.close();

    ReportStore again = open();
    assertThat(again.run(id)).contains(stored);
    assertThat(again.findings(id, FindingQuery.ALL, 0, 10).items())
        .isEqualTo(report(BROKEN_LINK, STALE).findings());
    assertThat(again.failInterrupted()).isEqualTo(1);
    assertThat(again.run(running).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void migratingAnUpToDateDatabaseDoesNothing() {
    open().close(); // migrated here
    Properties none = new Properties();
    if (vendor() == Vendor.H2) {
      none.setProperty("user", "sa");
      none.setProperty("password", "");
    }
    assertThat(Migrations.migrate(vendor(), resolvedUrl(), none)).isZero();
    assertThat(Migrations.migrate(vendor(), resolvedUrl(), none)).isZero();
    ReportStore store = open();
    assertThat(store.runs(0, 1).total()).isZero();
  }

  @Test
  void aRunStoresOnlyTheDocumentsWhoseFindingsChangedAndReadsBackWhole() throws Exception {
    ReportStore store = open();
    ScanReport first = StoredReports.large(200);
    long a = store.complete(store.begin(start("start", T0)), first, null).id();
    List<Finding> edited = new ArrayList<>();
    for (Finding f : first.findings()) {
      boolean inEdited = f.path().equals("docs/part3/page3.md");
      edited.add(new Finding(f.rule(), f.severity(), f.path(), f.line() + (inEdited ? 2 : 0), f.column(),
          inEdited ? f.message() + " (edited)" : f.message(), f.target(), f.suggestion(), null));
    }
    ScanReport second = report(edited);
    long b = store.complete(store.begin(start("watch", T0)), second, null).id();
    long c = store.complete(store.begin(start("watch", T0)), second, null).id();

    assertThat(store.findings(a, FindingQuery.ALL, 0, 1000).items()).isEqualTo(first.findings());
    assertThat(store.findings(b, FindingQuery.ALL, 0, 1000).items()).isEqualTo(second.findings());
    assertThat(store.findings(c, FindingQuery.ALL, 0, 1000).items()).isEqualTo(second.findings());
    assertThat(store.findings(b, new FindingQuery(null, null, "docs/part3/", null), 0, 1000).items())
        .isEqualTo(second.findings().stream().filter(f -> f.path().startsWith("docs/part3/")).toList());
    assertThat(store.diff(b, a).added()).extracting(Finding::path).containsOnly("docs/part3/page3.md");
    long editedCount = first.findings().stream().filter(f -> f.path().equals("docs/part3/page3.md")).count();
    long documents = first.findings().stream().map(Finding::path).distinct().count();
    store.close();

    // run a wrote every finding; b only the edited document's; c, equal to b, none
    assertThat(rows("SELECT COUNT(*) FROM set_findings")).isEqualTo(200 + editedCount);
    assertThat(rows("SELECT COUNT(*) FROM finding_sets")).isEqualTo(documents + 1);
    assertThat(rows("SELECT COUNT(*) FROM run_sets")).isEqualTo(3 * documents);
  }

  @Test
  void retentionDeletesTheSetsNoKeptRunNames() throws Exception {
    ReportStore store = open();
    long a = store.complete(store.begin(start("start", T0)), report(STALE, TERM), null).id();
    long b = store.complete(store.begin(start("watch", T0)), report(STALE, ANCHOR), null).id();

    assertThat(store.retain(new Retention(1, null))).isEqualTo(1);
    assertThat(store.run(a)).isEmpty();
    assertThat(store.findings(b, FindingQuery.ALL, 0, 10).items()).isEqualTo(report(STALE, ANCHOR).findings());
    long c = store.complete(store.begin(start("watch", T0)), report(STALE, ANCHOR), null).id();
    assertThat(store.findings(c, FindingQuery.ALL, 0, 10).items()).isEqualTo(report(STALE, ANCHOR).findings());
    store.close();

    // api/ref.md's set went with run a; guide/install.md's stays, b and c name it
    assertThat(rows("SELECT COUNT(*) FROM finding_sets")).isEqualTo(2);
    assertThat(rows("SELECT COUNT(*) FROM set_findings")).isEqualTo(2);
  }

  @Test
  void aRunWhoseSharedSetsWereDeletedMeanwhileIsStoredWhole() {
    ReportStore store = open();
    long x = store.begin(start("watch", T0));
    long y = store.begin(start("watch", T0));
    store.complete(y, report(STALE), null);
    store.complete(x, report(STALE, TERM), null); // shares install.md's set with y, writes api/ref.md's
    // y is the newest complete run, so x goes, and with it the api/ref.md set the store would share next
    assertThat(store.retain(new Retention(0, null))).isEqualTo(1);

    long z = store.complete(store.begin(start("watch", T0)), report(STALE, TERM), null).id();
    assertThat(store.findings(z, FindingQuery.ALL, 0, 10).items()).isEqualTo(report(STALE, TERM).findings());
    assertThat(store.diff(z, y).added()).extracting(Finding::path).containsExactly("api/ref.md");
  }

  @Test
  void findingsStoredBeforeTheSetsMigrationReadBackInOrder() throws Exception {
    Properties credentials = credentials();
    org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(resolvedUrl(), credentials.getProperty("user"), credentials.getProperty("password"))
        .locations(vendor().migrations()).target("5").load().migrate();
    List<Finding> old = report(BROKEN_LINK, STALE, TERM, ANCHOR).findings();
    try (java.sql.Connection c = connect()) {
      try (java.sql.Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO runs (id, trigger, corpus, status, started_at, corpus_id) VALUES"
            + " (41, 'start', '/corpus', 'COMPLETE', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', '/corpus')");
      }
      try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO findings (run_id, seq, rule, validator,"
          + " severity, path, line, col, message, target, suggestion, fingerprint)"
          + " VALUES (41, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < old.size(); i++) {
          Finding f = old.get(i);
          ps.setInt(1, i);
          ps.setString(2, f.rule());
          ps.setString(3, JdbcReportStore.validatorOf(f.rule()));
          ps.setString(4, f.severity().label());
          ps.setString(5, f.path());
          ps.setInt(6, f.line());
          ps.setInt(7, f.column());
          ps.setString(8, f.message());
          ps.setString(9, f.target());
          ps.setString(10, f.suggestion());
          ps.setString(11, f.fingerprint());
          ps.executeUpdate();
        }
      }
    }
    ReportStore store = open(); // migrates to the sets
    assertThat(store.findings(41, FindingQuery.ALL, 0, 10).items()).isEqualTo(old);
    assertThat(store.findings(41, FindingQuery.ALL, 1, 2).items()).isEqualTo(old.subList(2, 4));
    assertThat(store.findings(41, new FindingQuery(null, null, "guide/", null), 0, 10).total()).isEqualTo(3);
  }

  private Properties credentials() {
    Properties credentials = new Properties();
    if (vendor() == Vendor.H2) {
      credentials.setProperty("user", "sa");
      credentials.setProperty("password", "");
    }
    return credentials;
  }

  private java.sql.Connection connect() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(resolvedUrl(), credentials());
  }

  /** A count read straight from the database (the stores are closed). */
  private long rows(String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = connect(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void readersSeeARunEitherWithoutFindingsOrWhole() throws Exception {
    ReportStore store = open();
    long base = store.complete(store.begin(start("start", T0)), report(STALE, TERM), null).id();
    int size = 5_000;
    ScanReport big = StoredReports.large(size);
    long id = store.begin(start("watch", T0));

    int readers = 50;
    ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch ready = new CountDownLatch(readers);
    Set<Long> totalsSeen = ConcurrentHashMap.newKeySet();
    List<Future<Integer>> reads = new ArrayList<>();
    try {
      for (int r = 0; r < readers; r++) {
        reads.add(pool.submit(() -> {
          ready.countDown();
          int n = 0;
          do {
            totalsSeen.add(store.findings(id, FindingQuery.ALL, 0, 50).total());
            assertThat(store.findings(base, FindingQuery.ALL, 0, 50).total()).isEqualTo(2);
            assertThat(store.runs(0, 5).total()).isEqualTo(2);
            n++;
          } while (writing.get());
          return n;
        }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      long t = System.nanoTime();
      RunSummary done = store.complete(id, big, null);
      long ms = (System.nanoTime() - t) / 1_000_000;
      writing.set(false);
      int total = 0;
      for (Future<Integer> f : reads) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      System.out.printf("store timing: %s stored %d findings in %d ms with %d readers (%d reads)%n",
          vendor(), size, ms, readers, total);
      assertThat(done.findingCount()).isEqualTo(size);
      assertThat(totalsSeen).isSubsetOf(0L, (long) size);
      assertThat(store.findings(id, FindingQuery.ALL, 0, 1).total()).isEqualTo(size);
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
  }

  @Test
  void aRunKilledWhileCompletingIsNeverCompleteAndIsFailedOnNextStart() throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreCrashChild.class.getName(),
        url() == null ? "-" : url(), dataDir().toString(), "10000");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("mid-complete")) {
          child.destroyForcibly();
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lines).as("child output").anyMatch(l -> l.startsWith("mid-complete"))
        .noneMatch(l -> l.startsWith("finished"));
    long completed = idAfter(lines, "complete ");
    long killed = idAfter(lines, "begun ");

    ReportStore store = open();
    assertThat(store.run(killed).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(store.findings(killed, FindingQuery.ALL, 0, 10).total()).as("no half-written findings").isZero();
    assertThat(store.latestComplete()).map(RunSummary::id).contains(completed);
    assertThat(store.findings(completed, FindingQuery.ALL, 0, 10).total()).isEqualTo(100);

    assertThat(store.failInterrupted()).isEqualTo(1);
    RunSummary failed = store.run(killed).orElseThrow();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).isEqualTo("interrupted");
    long next = store.complete(store.begin(start("start", T0)), report(STALE), null).id();
    assertThat(store.latestComplete()).map(RunSummary::id).contains(next);
  }

  private static long idAfter(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> Long.parseLong(l.substring(prefix.length())))
        .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' line in " + lines));
  }

  @Test
  void storesTheSharedCorpusScan() {
    ScanReport scan = sharedCorpusScan();
    ReportStore store = open();
    long id = store.begin(start("start", T0));
    long t = System.nanoTime();
    RunSummary done = store.complete(id, scan, 0.7);
    long ms = (System.nanoTime() - t) / 1_000_000;
    System.out.printf("store timing: %s stored the shared corpus's %d findings in %d ms%n",
        vendor(), scan.findings().size(), ms);
    assertThat(done.findingCount()).isEqualTo(scan.findings().size());
    assertThat(store.findings(id, FindingQuery.ALL, 0, 10_000).items()).isEqualTo(scan.findings());
    assertThat(done.metrics()).isEqualTo(scan.metrics());
  }

  private static synchronized ScanReport sharedCorpusScan() {
    if (sharedCorpusScan == null) {
      sharedCorpusScan = Scans.run(SharedFiles.referenceCorpus());
    }
    return sharedCorpusScan;
  }
}
