package org.docgate.report.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntConsumer;
import org.docgate.config.ConfigException;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the report store: embedded H2 under the data directory by default, PostgreSQL when a JDBC URL is given. The
 * open store holds an H2 file locked, so a second docgate on the same data directory gets a clear error. One docgate
 * per PostgreSQL database too: {@link ReportStore#failInterrupted()} at start fails every run still running.
 */
public final class ReportStores {
  static final int POOL_SIZE = 8;

  private ReportStores() {}

  /** {@link #open(String, Path, Clock, Map)} with the system clock and the process environment. */
  public static ReportStore open(String jdbcUrlOrNull, Path dataDir) {
    return open(jdbcUrlOrNull, dataDir, Clock.systemUTC(), System.getenv());
  }

  /**
   * Opens (and migrates) the store.
   *
   * @param jdbcUrlOrNull null for H2 in {@code dataDir}; {@code jdbc:postgresql://host:port/db} (user and password as URL
   *     parameters, or from {@code DOCGATE_DB_USER} / {@code DOCGATE_DB_PASSWORD}); {@code jdbc:h2:...} is accepted too
   * @param clock the time of failures and of retention's age limit
   * @throws ConfigException when the URL is not one we support or the database cannot be reached or migrated
   */
  public static ReportStore open(String jdbcUrlOrNull, Path dataDir, Clock clock, Map<String, String> env) {
    return open(jdbcUrlOrNull, dataDir, clock, env, rows -> {});
  }

  /** As above; {@code afterFindingBatch} hears each batch of findings written inside complete() (crash tests). */
  static ReportStore open(String jdbcUrlOrNull, Path dataDir, Clock clock, Map<String, String> env,
      IntConsumer afterFindingBatch) {
    Vendor vendor;
    String url;
    Properties credentials = new Properties();
    if (jdbcUrlOrNull == null || jdbcUrlOrNull.isBlank()) {
      vendor = Vendor.H2;
      url = h2FileUrl(dataDir);
    } else if (jdbcUrlOrNull.startsWith("jdbc:postgresql:")) {
      vendor = Vendor.POSTGRESQL;
      url = jdbcUrlOrNull;
      if (!url.matches("(?i).*[?&]user=.*") && env.get("DOCGATE_DB_USER") != null) {
        credentials.setProperty("user", env.get("DOCGATE_DB_USER"));
      }
      if (!url.matches("(?i).*[?&]password=.*") && env.get("DOCGATE_DB_PASSWORD") != null) {
        credentials.setProperty("password", env.get("DOCGATE_DB_PASSWORD"));
      }
    } else if (jdbcUrlOrNull.startsWith("jdbc:h2:")) {
      vendor = Vendor.H2;
      url = jdbcUrlOrNull;
    } else {
      throw new ConfigException("unsupported database URL '" + redact(jdbcUrlOrNull)
          + "': expected jdbc:postgresql://host:port/database (or none, for the embedded store in the data directory)");
    }
    if (vendor == Vendor.H2 && credentials.isEmpty()) {
      credentials.setProperty("user", "sa");
      credentials.setProperty("password", "");
    }
    ConnectionPool pool = new ConnectionPool(url, credentials, POOL_SIZE);
    try {
      // connect before Flyway does, so an unreachable or locked database gets a one-line message; the connection
      // stays in the pool, which keeps an H2 file open (and locked against a second docgate) from here on
      pool.release(pool.borrow(), false);
    } catch (SQLException e) {
      pool.close();
      throw new ConfigException("cannot open the report store at " + redact(url) + ": " + firstLine(e));
    }
    try {
      Migrations.migrate(vendor, url, credentials);
    } catch (FlywayException e) {
      pool.close();
      throw new ConfigException("cannot migrate the report store at " + redact(url) + ": " + firstLine(e));
    }
    return new JdbcReportStore(pool, clock, afterFindingBatch);
  }

  static String h2FileUrl(Path dataDir) {
    if (dataDir == null) {
      throw new ConfigException("no data directory for the embedded report store (give one, or a --db URL)");
    }
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException("cannot create the data directory " + dir + ": " + e.getMessage());
    }
    if (!Files.isWritable(dir)) {
      throw new ConfigException("the data directory " + dir + " is not writable");
    }
    // ';' would start an H2 setting in the URL
    if (dir.toString().contains(";")) {
      throw new ConfigException("the data directory " + dir + " contains ';', which an H2 URL cannot hold");
    }
    // WRITE_DELAY=0: a commit is on disk before it returns; H2's default (500 ms) lost whole runs to a SIGKILL
    return "jdbc:h2:file:" + dir.resolve("docgate") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
  }

  /** The URL without a password parameter value, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
