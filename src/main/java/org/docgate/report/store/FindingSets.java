package org.docgate.report.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.docgate.finding.Finding;

/**
 * Writes a run's findings as one set per document ({@code finding_sets}, {@code set_findings}) and the run's list of
 * sets ({@code run_sets}). A set is written once and shared by every later run whose findings for that document are
 * equal: an edit re-validates a few documents and its run writes their new sets plus one row per document, not every
 * finding of the corpus again (k8s-enhancements: ~3,000 findings per run). Which sets can be shared is remembered from
 * the last run this store completed; those sets stay as long as that run does (retention never removes the newest
 * complete run, and a set a run names cannot be deleted). Not thread-safe: the store completes one run at a time.
 */
final class FindingSets {
  /** A stored set: its id and the findings it holds (in run order). */
  private record Stored(long id, List<Finding> findings) {}

  /** The sets of the last run completed through this object, by document path; empty until one is. */
  private Map<String, Stored> last = Map.of();

  /** What {@link #write} wrote and what the next run may share once the transaction commits. */
  record Written(int findingRows, int newSets, Map<String, Stored> sets) {}

  /**
   * Writes the sets of run {@code runId} inside the caller's transaction.
   *
   * @param findings the run's findings in run order (path first, so each document's findings are consecutive)
   * @param afterBatch hears the finding rows written so far (crash tests)
   */
  Written write(Connection c, long runId, List<Finding> findings, int batchSize, IntConsumer afterBatch)
      throws SQLException {
    Map<String, Stored> sets = new HashMap<>();
    List<long[]> runSets = new ArrayList<>(); // ordinal, set id
    int rows = 0;
    int created = 0;
    try (PreparedStatement newSet = c.prepareStatement("INSERT INTO finding_sets (path) VALUES (?)",
        Statement.RETURN_GENERATED_KEYS);
        PreparedStatement row = c.prepareStatement("INSERT INTO set_findings (set_id, seq, rule, validator, severity,"
            + " path, line, col, message, target, suggestion, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (int start = 0; start < findings.size(); ) {
        String path = findings.get(start).path();
        int end = start + 1;
        while (end < findings.size() && findings.get(end).path().equals(path)) {
          end++;
        }
        List<Finding> document = List.copyOf(findings.subList(start, end));
        Stored kept = last.get(path);
        if (kept == null || !kept.findings().equals(document)) {
          kept = new Stored(insertSet(newSet, path), document);
          created++;
          for (int i = 0; i < document.size(); i++) {
            bind(row, kept.id(), i, document.get(i));
            row.addBatch();
            rows++;
            if (++pending == batchSize) {
              row.executeBatch();
              pending = 0;
              afterBatch.accept(rows);
            }
          }
        }
        sets.put(path, kept);
        runSets.add(new long[] {start, kept.id()});
        start = end;
      }
      if (pending > 0) {
        row.executeBatch();
        afterBatch.accept(rows);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_sets (run_id, ordinal, set_id) VALUES (?, ?, ?)")) {
      int pending = 0;
      for (long[] s : runSets) {
        ps.setLong(1, runId);
        ps.setInt(2, (int) s[0]);
        ps.setLong(3, s[1]);
        ps.addBatch();
        if (++pending == batchSize) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    return new Written(rows, created, sets);
  }

  /** The written run's sets become the ones the next run may share (call once its transaction committed). */
  void committed(Written written) {
    last = written.sets();
  }

  /** True when the next run may share sets of the last one. */
  boolean sharing() {
    return !last.isEmpty();
  }

  /** Shares nothing with the next run: a write failed, or sets may have gone without this store knowing. */
  void forget() {
    last = Map.of();
  }

  /**
   * Deletes the sets in {@code candidates} that no run names any more (after runs were deleted). Returns how many.
   * Most of a deleted run's sets are shared with the runs after it, so the few unnamed ones are found first (one query
   * per 500 candidates) and only they are deleted.
   */
  static int deleteUnreferenced(Connection c, List<Long> candidates) throws SQLException {
    List<Long> unnamed = new ArrayList<>();
    for (int from = 0; from < candidates.size(); from += 500) {
      List<Long> chunk = candidates.subList(from, Math.min(candidates.size(), from + 500));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps = Sql.prepare(c, "SELECT id FROM finding_sets WHERE id IN (" + marks + ") AND NOT"
          + " EXISTS (SELECT 1 FROM run_sets WHERE run_sets.set_id = finding_sets.id)", chunk.toArray());
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          unnamed.add(rs.getLong(1));
        }
      }
    }
    try (PreparedStatement rows = c.prepareStatement("DELETE FROM set_findings WHERE set_id = ?");
        PreparedStatement sets = c.prepareStatement("DELETE FROM finding_sets WHERE id = ?")) {
      for (long id : unnamed) {
        rows.setLong(1, id);
        rows.addBatch();
        sets.setLong(1, id);
        sets.addBatch();
      }
      if (!unnamed.isEmpty()) {
        rows.executeBatch();
        sets.executeBatch();
      }
    }
    return unnamed.size();
  }

  private static long insertSet(PreparedStatement newSet, String path) throws SQLException {
    newSet.setString(1, path);
    newSet.executeUpdate();
    try (ResultSet keys = newSet.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static void bind(PreparedStatement ps, long setId, int seq, Finding f) throws SQLException {
    ps.setLong(1, setId);
    ps.setInt(2, seq);
    ps.setString(3, f.rule());
    ps.setString(4, JdbcReportStore.validatorOf(f.rule()));
    ps.setString(5, f.severity().label());
    ps.setString(6, f.path());
    ps.setInt(7, f.line());
    ps.setInt(8, f.column());
    ps.setString(9, f.message());
    ps.setString(10, f.target());
    ps.setString(11, f.suggestion());
    ps.setString(12, f.fingerprint());
  }
}
