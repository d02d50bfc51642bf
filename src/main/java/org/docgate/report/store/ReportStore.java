package org.docgate.report.store;

import java.util.Optional;
import org.docgate.finding.Finding;
import org.docgate.report.ScanReport;

/**
 * Every run of one corpus and its findings, kept across restarts. One implementation over JDBC (H2 embedded by default,
 * PostgreSQL when a JDBC URL is given). Thread-safe. Runs are written atomically: a run is {@link RunStatus#COMPLETE}
 * only once all its findings are stored, in the same transaction. The database may hold other corpora's runs too
 * ({@link CorpusId}); every method here sees only this store's corpus, and a run id of another corpus is unknown.
 */
public interface ReportStore extends AutoCloseable {

  /** Records a new run as {@link RunStatus#RUNNING} and returns its id. */
  long begin(RunStart start);

  /** Stores the report's findings and metrics and marks the run complete, in one transaction. */
  RunSummary complete(long runId, ScanReport report, Double readinessScore);

  /** Marks a running run failed with a reason (the scan threw). */
  void fail(long runId, String reason);

  /**
   * Marks every run of this corpus still {@link RunStatus#RUNNING} as failed ("interrupted"); called once at start,
   * when the store holds the corpus lock, so no other live docgate can own such a run.
   */
  int failInterrupted();

  /** Runs, newest first. {@code page} is 0-based. */
  Page<RunSummary> runs(int page, int size);

  Optional<RunSummary> run(long runId);

  /** The newest complete run. */
  Optional<RunSummary> latestComplete();

  /** The newest complete run before {@code runId}, for deltas. */
  Optional<RunSummary> previousComplete(long runId);

  /** Findings of one run matching the query, ordered by path, line, column, rule. {@code page} is 0-based. */
  Page<Finding> findings(long runId, FindingQuery query, int page, int size);

  /** New, fixed and unchanged findings of {@code runId} against {@code baseRunId}, by fingerprint. */
  RunDiff diff(long runId, long baseRunId);

  /** Deletes runs (and their findings) beyond the retention; never the newest complete run. Returns runs deleted. */
  int retain(Retention retention);

  @Override
  void close();
}
