package org.docgate.report.store;

import static org.docgate.report.store.Sql.getDouble;
import static org.docgate.report.store.Sql.instant;
import static org.docgate.report.store.Sql.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;

/** Reads stored runs and findings back into the store's records; queries must select the columns named here. */
final class StoredRows {
  static final String RUN_COLUMNS = "id, trigger, corpus, revision, status, started_at, finished_at, documents,"
      + " readiness, error, error_count, warning_count, info_count";
  static final String FINDING_COLUMNS = "rule, severity, path, line, col, message, target, suggestion, fingerprint";

  private StoredRows() {}

  static List<RunSummary> readRuns(Connection c, String sql, Object... params) throws SQLException {
    record Row(long id, String trigger, String corpus, String revision, RunStatus status, Instant startedAt,
        Instant finishedAt, int documents, Double readiness, String error, long errors, long warnings, long infos) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            RunStatus.valueOf(rs.getString(5)), instant(rs, 6), instant(rs, 7), rs.getInt(8), getDouble(rs, 9),
            rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
      }
    }
    Map<Long, Map<String, Double>> metrics = readMetrics(c, rows.stream().map(Row::id).toList());
    List<RunSummary> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Map<String, Long> bySeverity = new LinkedHashMap<>();
      bySeverity.put(Severity.ERROR.label(), r.errors());
      bySeverity.put(Severity.WARNING.label(), r.warnings());
      bySeverity.put(Severity.INFO.label(), r.infos());
      out.add(new RunSummary(r.id(), r.trigger(), r.corpus(), r.revision(), r.status(), r.startedAt(),
          r.finishedAt(), r.documents(), metrics.getOrDefault(r.id(), Map.of()), r.readiness(),
          Collections.unmodifiableMap(bySeverity), r.errors() + r.warnings() + r.infos(), r.error()));
    }
    return out;
  }

  /** Each run's ratios in the order the report gave them; a null value is a ratio not measured. */
  static Map<Long, Map<String, Double>> readMetrics(Connection c, List<Long> runIds) throws SQLException {
    Map<Long, Map<String, Double>> byRun = new HashMap<>();
    if (runIds.isEmpty()) {
      return byRun;
    }
    String marks = String.join(", ", Collections.nCopies(runIds.size(), "?"));
    try (PreparedStatement ps = prepare(c, "SELECT run_id, name, metric_value FROM run_metrics WHERE run_id IN ("
        + marks + ") ORDER BY run_id, ordinal", runIds.toArray());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byRun.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>()).put(rs.getString(2), getDouble(rs, 3));
      }
    }
    byRun.replaceAll((id, m) -> Collections.unmodifiableMap(m));
    return byRun;
  }

  static List<Finding> readFindings(Connection c, String sql, Object... params) throws SQLException {
    List<Finding> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Finding(rs.getString(1), Severity.parse(rs.getString(2)), rs.getString(3), rs.getInt(4),
            rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
      }
    }
    return out;
  }
}
