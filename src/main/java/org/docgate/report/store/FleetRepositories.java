package org.docgate.report.store;

import static org.docgate.report.store.Sql.instant;
import static org.docgate.report.store.Sql.utc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.docgate.config.ConfigException;
import org.flywaydb.core.api.FlywayException;

/**
 * The fleet's table of repositories in the shared PostgreSQL: one row per repository, the newest result. Many workers
 * write it at once; delivery is at-least-once, so every write is an upsert that wins only when its job is newer
 * ({@code ON CONFLICT ... DO UPDATE ... WHERE}), and a redelivered job finds its own row and is not scanned again.
 * Thread-safe.
 */
public final class FleetRepositories implements AutoCloseable {
  private static final String COLUMNS = "repository, source, ref, job_id, submitted_at, status, run_id, worker,"
      + " stored_at, error";

  private final PooledDatabase pool;

  private FleetRepositories(PooledDatabase pool) {
    this.pool = pool;
  }

  /**
   * Opens (and migrates) the shared database. The fleet needs PostgreSQL: its workers are separate processes.
   *
   * @throws ConfigException when the URL is not a PostgreSQL one, or the database cannot be reached or migrated
   */
  public static FleetRepositories open(String jdbcUrl, Map<String, String> env) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new ConfigException("the fleet needs a shared PostgreSQL: give --db jdbc:postgresql://host:port/database");
    }
    Properties credentials = ReportStores.credentials(jdbcUrl, env);
    try (Connection probe = DriverManager.getConnection(jdbcUrl, credentials)) {
      probe.isValid(1);
    } catch (SQLException e) {
      throw new ConfigException("cannot open the fleet database at " + ReportStores.redact(jdbcUrl) + ": "
          + e.getMessage());
    }
    try {
      Migrations.migrate(Vendor.POSTGRESQL, jdbcUrl, credentials);
    } catch (FlywayException e) {
      throw new ConfigException("cannot migrate the fleet database at " + ReportStores.redact(jdbcUrl) + ": "
          + e.getMessage());
    }
    // 8: a URL worker stores each result as its check ends, from many virtual threads
    return new FleetRepositories(new PooledDatabase(jdbcUrl, credentials, 8));
  }

  /** The fleet's external URLs, on the same database and connections. */
  public FleetUrls urls() {
    return new FleetUrls(pool);
  }

  /** Whether {@code jobId}'s result is already the stored one of {@code repository} (a redelivered job). */
  public boolean stored(String repository, String jobId) {
    return pool.read("read the fleet's repositories", c -> Sql.count(c,
        "SELECT COUNT(*) FROM fleet_repositories WHERE repository = ? AND job_id = ?", repository, jobId) > 0);
  }

  /**
   * Stores {@code result} unless the repository already holds a newer job's (by submission time, then job id).
   * Returns whether the row was written; writing the same job twice writes it twice, with the same content.
   */
  public boolean record(FleetResult result) {
    return pool.inTransaction("store the fleet result of " + result.repository(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_repositories (" + COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (repository) DO UPDATE SET source = EXCLUDED.source, ref = EXCLUDED.ref,"
          + " job_id = EXCLUDED.job_id, submitted_at = EXCLUDED.submitted_at, status = EXCLUDED.status,"
          + " run_id = EXCLUDED.run_id, worker = EXCLUDED.worker, stored_at = EXCLUDED.stored_at,"
          + " error = EXCLUDED.error"
          + " WHERE (EXCLUDED.submitted_at, EXCLUDED.job_id)"
          + " >= (fleet_repositories.submitted_at, fleet_repositories.job_id)")) {
        ps.setString(1, result.repository());
        ps.setString(2, result.source());
        ps.setString(3, result.ref());
        ps.setString(4, result.jobId());
        ps.setObject(5, utc(result.submittedAt()));
        ps.setString(6, result.status().name());
        ps.setObject(7, result.runId());
        ps.setString(8, result.worker());
        ps.setObject(9, utc(result.storedAt()));
        ps.setString(10, result.error());
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** Every repository of the fleet, by name. */
  public List<FleetResult> all() {
    return pool.read("read the fleet's repositories", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
          + " FROM fleet_repositories ORDER BY repository");
          ResultSet rs = ps.executeQuery()) {
        List<FleetResult> rows = new ArrayList<>();
        while (rs.next()) {
          long runId = rs.getLong(7);
          boolean noRun = rs.wasNull();
          rows.add(new FleetResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              instant(rs, 5), RunStatus.valueOf(rs.getString(6)), noRun ? null : runId, rs.getString(8),
              instant(rs, 9), rs.getString(10)));
        }
        return rows;
      }
    });
  }

  @Override
  public void close() {
    pool.close();
  }
}
