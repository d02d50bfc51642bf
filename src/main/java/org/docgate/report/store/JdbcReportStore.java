package org.docgate.report.store;

import static org.docgate.report.store.Sql.count;
import static org.docgate.report.store.Sql.instant;
import static org.docgate.report.store.Sql.prepare;
import static org.docgate.report.store.Sql.setDouble;
import static org.docgate.report.store.Sql.utc;
import static org.docgate.report.store.StoredRows.FINDING_COLUMNS;
import static org.docgate.report.store.StoredRows.RUN_COLUMNS;
import static org.docgate.report.store.StoredRows.readFindings;
import static org.docgate.report.store.StoredRows.readRuns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;

/**
 * The report store over JDBC, the same SQL on H2 and PostgreSQL. Each call borrows a pooled connection; writes that
 * touch several rows run in one transaction, so readers see a run either without findings (running) or complete.
 * The store is one corpus's view of a database that may hold several: every run it writes carries its corpus id and
 * instance, and every query, diff, retention and recovery sees only runs of that corpus id (another corpus's run is
 * "no such run").
 */
final class JdbcReportStore implements ReportStore {
  static final int BATCH_SIZE = 500;
  static final String INTERRUPTED = "interrupted";
  /** A run's findings: its sets' rows ({@link FindingSets}); filters add conditions on the finding's columns. */
  private static final String RUN_FINDINGS =
      " FROM run_sets JOIN set_findings ON set_findings.set_id = run_sets.set_id WHERE run_sets.run_id = ?";
  /** Path, line, column, rule order: the sets in the run's order, each set's findings in its own. */
  private static final String IN_RUN_ORDER = " ORDER BY run_sets.ordinal, set_findings.seq";

  private final PooledDatabase pool;
  private final CorpusLock lock;
  private final String corpusId;
  private final String instance;
  private final Clock clock;
  private final IntConsumer afterFindingBatch;
  private final FindingSets sets = new FindingSets();

  /**
   * @param lock held from here until {@link #close()}, re-taken before a run if the database dropped it
   * @param instance which docgate process writes the runs ({@code host:pid}), kept on each run
   * @param afterFindingBatch hears the findings written so far inside complete()'s open transaction (crash tests)
   */
  JdbcReportStore(PooledDatabase pool, CorpusLock lock, CorpusId corpus, String instance, Clock clock,
      IntConsumer afterFindingBatch) {
    this.pool = pool;
    this.lock = lock;
    this.corpusId = corpus.value();
    this.instance = instance;
    this.clock = clock;
    this.afterFindingBatch = afterFindingBatch;
  }

  @Override
  public long begin(RunStart start) {
    require(start != null && start.trigger() != null && start.corpus() != null, "a run needs a trigger and a corpus");
    require(start.trigger().length() <= 64, "trigger longer than 64 characters");
    require(start.revision() == null || start.revision().length() <= 128, "revision longer than 128 characters");
    Instant startedAt = start.startedAt() != null ? start.startedAt() : clock.instant();
    lock.ensureHeld();
    return pool.inTransaction("begin a run", c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (trigger, corpus, revision, status, started_at,"
          + " corpus_id, instance) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, start.trigger());
        ps.setString(2, start.corpus());
        ps.setString(3, start.revision());
        ps.setString(4, RunStatus.RUNNING.name());
        ps.setObject(5, utc(startedAt));
        ps.setString(6, corpusId);
        ps.setString(7, instance);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    });
  }

  @Override
  public RunSummary complete(long runId, ScanReport report, Double readinessScore) {
    require(report != null, "no report to store");
    List<Finding> findings = ordered(report.findings());
    FindingSets.Written written;
    try {
      written = writeComplete(runId, report, findings, readinessScore);
    } catch (StoreException e) {
      if (!sets.sharing()) {
        throw e;
      }
      // A set shared from the last run may be gone (another docgate took the corpus over while this one had lost
      // the lock): write every set anew once. Errors unrelated to sharing fail the same way again.
      sets.forget();
      written = writeComplete(runId, report, findings, readinessScore);
    }
    sets.committed(written);
    return run(runId).orElseThrow(() -> new NoSuchRunException(runId));
  }

  private FindingSets.Written writeComplete(long runId, ScanReport report, List<Finding> findings,
      Double readinessScore) {
    return pool.inTransaction("store run " + runId, c -> {
      RunStatus status = lockStatus(c, runId, corpusId);
      if (status != RunStatus.RUNNING) {
        throw new IllegalStateException("run " + runId + " is " + status.name().toLowerCase(Locale.ROOT)
            + ", not running: it cannot be completed");
      }
      FindingSets.Written written = sets.write(c, runId, findings, BATCH_SIZE, afterFindingBatch);
      insertMetrics(c, runId, report.metrics());
      long[] counts = new long[Severity.values().length];
      findings.forEach(f -> counts[f.severity().ordinal()]++);
      try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, finished_at = ?, documents = ?,"
          + " readiness = ?, error = NULL, error_count = ?, warning_count = ?, info_count = ? WHERE id = ?")) {
        ps.setString(1, RunStatus.COMPLETE.name());
        ps.setObject(2, utc(report.finishedAt() != null ? report.finishedAt() : clock.instant()));
        ps.setInt(3, report.documents());
        setDouble(ps, 4, readinessScore);
        ps.setLong(5, counts[Severity.ERROR.ordinal()]);
        ps.setLong(6, counts[Severity.WARNING.ordinal()]);
        ps.setLong(7, counts[Severity.INFO.ordinal()]);
        ps.setLong(8, runId);
        ps.executeUpdate();
      }
      return written;
    });
  }

  @Override
  public void fail(long runId, String reason) {
    String why = reason == null || reason.isBlank() ? "failed" : reason;
    pool.inTransaction("mark run " + runId + " failed", c -> {
      RunStatus status = lockStatus(c, runId, corpusId);
      if (status == RunStatus.RUNNING) {
        markFailed(c, runId, why);
      }
      return null; // a run already complete or failed keeps its outcome
    });
  }

  @Override
  public int failInterrupted() {
    // only this corpus's: a run of another corpus in the same database belongs to a docgate that may be running
    return pool.inTransaction("mark interrupted runs failed", c -> markFailed(c, null, INTERRUPTED));
  }

  @Override
  public Page<RunSummary> runs(int page, int size) {
    checkPage(page, size);
    return pool.read("list runs", c -> {
      long total = count(c, "SELECT COUNT(*) FROM runs WHERE corpus_id = ?", corpusId);
      List<RunSummary> items = readRuns(c, "SELECT " + RUN_COLUMNS
          + " FROM runs WHERE corpus_id = ? ORDER BY id DESC LIMIT ? OFFSET ?", corpusId, size, (long) page * size);
      return new Page<>(items, page, size, total);
    });
  }

  @Override
  public Optional<RunSummary> run(long runId) {
    return pool.read("read run " + runId, c -> first(readRuns(c,
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ? AND corpus_id = ?", runId, corpusId)));
  }

  @Override
  public Optional<RunSummary> latestComplete() {
    return pool.read("read the latest complete run", c -> first(readRuns(c,
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE corpus_id = ? AND status = ? ORDER BY id DESC LIMIT 1",
        corpusId, RunStatus.COMPLETE.name())));
  }

  @Override
  public Optional<RunSummary> previousComplete(long runId) {
    return pool.read("read the run before " + runId, c -> first(readRuns(c,
        "SELECT " + RUN_COLUMNS + " FROM runs WHERE corpus_id = ? AND status = ? AND id < ? ORDER BY id DESC LIMIT 1",
        corpusId, RunStatus.COMPLETE.name(), runId)));
  }

  @Override
  public Page<Finding> findings(long runId, FindingQuery query, int page, int size) {
    checkPage(page, size);
    FindingQuery q = query == null ? FindingQuery.ALL : query;
    StringBuilder where = new StringBuilder(RUN_FINDINGS);
    List<Object> params = new ArrayList<>();
    params.add(runId);
    if (q.rule() != null) {
      where.append(" AND rule = ?");
      params.add(q.rule());
    }
    if (q.severity() != null) {
      where.append(" AND severity = ?");
      params.add(q.severity().label());
    }
    if (q.path() != null) {
      if (q.path().endsWith("/")) {
        where.append(" AND path LIKE ? ESCAPE '!'");
        params.add(q.path().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      } else {
        where.append(" AND path = ?");
        params.add(q.path());
      }
    }
    if (q.validator() != null) {
      where.append(" AND validator = ?");
      params.add(q.validator());
    }
    return pool.read("read findings of run " + runId, c -> {
      requireRun(c, runId, corpusId);
      long total = count(c, "SELECT COUNT(*)" + where, params.toArray());
      List<Object> paged = new ArrayList<>(params);
      paged.add(size);
      paged.add((long) page * size);
      List<Finding> items = readFindings(c, "SELECT " + FINDING_COLUMNS + where + IN_RUN_ORDER + " LIMIT ? OFFSET ?",
          paged.toArray());
      return new Page<>(items, page, size, total);
    });
  }

  @Override
  public RunDiff diff(long runId, long baseRunId) {
    return pool.read("compare run " + runId + " with " + baseRunId, c -> {
      // both of this corpus: a diff against another corpus's run would call every finding new or fixed
      requireRun(c, runId, corpusId);
      requireRun(c, baseRunId, corpusId);
      String sql = "SELECT " + FINDING_COLUMNS + RUN_FINDINGS + IN_RUN_ORDER;
      List<Finding> now = readFindings(c, sql, runId);
      List<Finding> base = readFindings(c, sql, baseRunId);
      Set<String> basePrints = fingerprints(base);
      Set<String> nowPrints = fingerprints(now);
      List<Finding> added = new ArrayList<>();
      List<Finding> unchanged = new ArrayList<>();
      for (Finding f : now) {
        (basePrints.contains(f.fingerprint()) ? unchanged : added).add(f);
      }
      List<Finding> fixed = base.stream().filter(f -> !nowPrints.contains(f.fingerprint())).toList();
      return new RunDiff(runId, baseRunId, added, fixed, unchanged);
    });
  }

  /**
   * A run goes when it is beyond the newest {@code keepRuns} or older than {@code keepFor} (each limit that is set
   * applies). Running runs and the newest complete run always stay.
   */
  @Override
  public int retain(Retention retention) {
    require(retention != null, "no retention given");
    require(retention.keepRuns() == null || retention.keepRuns() >= 0, "keepRuns must be 0 or more");
    require(retention.keepFor() == null || !retention.keepFor().isNegative(), "keepFor must not be negative");
    Instant cutoff = retention.keepFor() == null ? null : clock.instant().minus(retention.keepFor());
    return pool.inTransaction("apply retention", c -> {
      List<Long> doomed = new ArrayList<>();
      boolean newestCompleteSeen = false;
      try (PreparedStatement ps = prepare(c,
          "SELECT id, status, started_at FROM runs WHERE corpus_id = ? ORDER BY id DESC", corpusId);
          ResultSet rs = ps.executeQuery()) {
        for (int i = 0; rs.next(); i++) {
          RunStatus status = RunStatus.valueOf(rs.getString(2));
          boolean newestComplete = status == RunStatus.COMPLETE && !newestCompleteSeen;
          newestCompleteSeen |= status == RunStatus.COMPLETE;
          if (status == RunStatus.RUNNING || newestComplete) {
            continue;
          }
          boolean beyondCount = retention.keepRuns() != null && i >= retention.keepRuns();
          boolean tooOld = cutoff != null && instant(rs, 3).isBefore(cutoff);
          if (beyondCount || tooOld) {
            doomed.add(rs.getLong(1));
          }
        }
      }
      List<Long> orphanable = new ArrayList<>(setsOf(c, doomed));
      for (String table : List.of("run_sets", "run_metrics")) {
        deleteByRun(c, "DELETE FROM " + table + " WHERE run_id = ?", doomed);
      }
      deleteByRun(c, "DELETE FROM runs WHERE id = ?", doomed);
      FindingSets.deleteUnreferenced(c, orphanable); // sets a kept run still names stay
      return doomed.size();
    });
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      lock.close();
    }
  }

  // ---- writing

  private static List<Finding> ordered(List<Finding> findings) {
    boolean unprinted = findings.stream().anyMatch(f -> f.fingerprint() == null);
    if (unprinted) {
      return Fingerprints.assign(findings); // sorted too
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Fingerprints.ORDER);
    return sorted;
  }

  private static void insertMetrics(Connection c, long runId, Map<String, Double> metrics) throws SQLException {
    if (metrics == null || metrics.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO run_metrics (run_id, ordinal, name, metric_value) VALUES (?, ?, ?, ?)")) {
      int ordinal = 0;
      for (Map.Entry<String, Double> m : metrics.entrySet()) {
        ps.setLong(1, runId);
        ps.setInt(2, ordinal++);
        ps.setString(3, m.getKey());
        setDouble(ps, 4, m.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Marks this corpus's running runs failed: the one given, or all when {@code runId} is null. */
  private int markFailed(Connection c, Long runId, String reason) throws SQLException {
    String sql = "UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE status = ? AND corpus_id = ?"
        + (runId == null ? "" : " AND id = ?");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, RunStatus.FAILED.name());
      ps.setString(2, reason);
      ps.setObject(3, utc(clock.instant()));
      ps.setString(4, RunStatus.RUNNING.name());
      ps.setString(5, corpusId);
      if (runId != null) {
        ps.setLong(6, runId);
      }
      return ps.executeUpdate();
    }
  }

  private static RunStatus lockStatus(Connection c, long runId, String corpusId) throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT status FROM runs WHERE id = ? AND corpus_id = ? FOR UPDATE",
        runId, corpusId)) {
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchRunException(runId);
        }
        return RunStatus.valueOf(rs.getString(1));
      }
    }
  }

  private static void deleteByRun(Connection c, String sql, List<Long> runIds) throws SQLException {
    if (runIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (long id : runIds) {
        ps.setLong(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The sets the given runs name (each once). */
  private static Set<Long> setsOf(Connection c, List<Long> runIds) throws SQLException {
    Set<Long> out = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT set_id FROM run_sets WHERE run_id = ?")) {
      for (long id : runIds) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getLong(1));
          }
        }
      }
    }
    return out;
  }

  private static void requireRun(Connection c, long runId, String corpusId) throws SQLException {
    if (count(c, "SELECT COUNT(*) FROM runs WHERE id = ? AND corpus_id = ?", runId, corpusId) == 0) {
      throw new NoSuchRunException(runId);
    }
  }

  private static Set<String> fingerprints(List<Finding> findings) {
    Set<String> out = new HashSet<>();
    findings.forEach(f -> out.add(f.fingerprint()));
    return out;
  }

  /** The rule family: {@code links} of {@code links/missing-anchor}; a rule without a slash is its own family. */
  static String validatorOf(String rule) {
    int slash = rule.indexOf('/');
    return slash < 0 ? rule : rule.substring(0, slash);
  }

  private static <T> Optional<T> first(List<T> items) {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void checkPage(int page, int size) {
    require(page >= 0, "page must be 0 or more");
    require(size >= 1 && size <= 10_000, "page size must be 1 to 10000");
  }
}
