package org.docgate.report.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntConsumer;
import org.docgate.config.ConfigException;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the report store: embedded H2 under the data directory by default, PostgreSQL when a JDBC URL is given. A store
 * is opened for one corpus (see {@link CorpusId}): one database may hold the histories of several corpora, and the
 * store sees only its own. It also holds the corpus lock until closed, so a second docgate on the same corpus and
 * database is refused with a clear error: on PostgreSQL an advisory lock, on embedded H2 the database file itself
 * (which H2 opens for one process only).
 */
public final class ReportStores {
  static final int POOL_SIZE = 8;
  /** How long a start waits for the corpus lock: a docgate killed a moment ago may still hold it briefly. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(3);
  /** H2's code for "Database may be already in use" (another process has the file). */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private ReportStores() {}

  /** For one corpus per database ({@link CorpusId#DEFAULT}), with the system clock and the process environment. */
  public static ReportStore open(String jdbcUrlOrNull, Path dataDir) {
    return open(jdbcUrlOrNull, dataDir, CorpusId.DEFAULT);
  }

  /** {@link #open(String, Path, CorpusId, Clock, Map)} with the system clock and the process environment. */
  public static ReportStore open(String jdbcUrlOrNull, Path dataDir, CorpusId corpus) {
    return open(jdbcUrlOrNull, dataDir, corpus, Clock.systemUTC(), System.getenv());
  }

  /**
   * Opens (and migrates) the store of one corpus and takes its lock.
   *
   * @param jdbcUrlOrNull null for H2 in {@code dataDir}; {@code jdbc:postgresql://host:port/db} (user and password as URL
   *     parameters, or from {@code DOCGATE_DB_USER} / {@code DOCGATE_DB_PASSWORD}); {@code jdbc:h2:...} is accepted too
   * @param corpus whose runs this store writes and reads
   * @param clock the time of failures and of retention's age limit
   * @throws ConfigException when the URL is not one we support, the database cannot be reached or migrated, or
   *     another docgate holds the corpus (or the H2 file)
   */
  public static ReportStore open(String jdbcUrlOrNull, Path dataDir, CorpusId corpus, Clock clock,
      Map<String, String> env) {
    return open(jdbcUrlOrNull, dataDir, corpus, clock, env, rows -> {});
  }

  /** As above; {@code afterFindingBatch} hears each batch of findings written inside complete() (crash tests). */
  static ReportStore open(String jdbcUrlOrNull, Path dataDir, CorpusId corpus, Clock clock, Map<String, String> env,
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
      credentials = credentials(url, env);
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
    String instance = instance();
    // connect before Flyway does, so an unreachable or locked database gets a one-line message; on H2 this
    // connection stays open as the lock, which keeps the file open (and refused to a second docgate) from here on
    Connection first;
    try {
      first = DriverManager.getConnection(url, credentials);
    } catch (SQLException e) {
      throw new ConfigException("cannot open the report store at " + redact(url) + ": " + whyNot(e));
    }
    CorpusLock lock = null;
    try {
      try {
        Migrations.migrate(vendor, url, credentials);
      } catch (FlywayException e) {
        throw new ConfigException("cannot migrate the report store at " + redact(url) + ": " + firstLine(e));
      }
      lock = vendor == Vendor.H2 ? new FileLock(first) : advisoryLock(url, credentials, corpus, instance);
      if (vendor != Vendor.H2) {
        closeQuietly(first);
      }
      return new JdbcReportStore(new PooledDatabase(url, credentials, POOL_SIZE), lock, corpus, instance, clock,
          afterFindingBatch);
    } catch (RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      closeQuietly(first);
      throw e;
    }
  }

  /** Takes the PostgreSQL lock of {@code corpus}, waiting up to {@link #LOCK_WAIT} for a holder that is going. */
  private static CorpusLock advisoryLock(String url, Properties credentials, CorpusId corpus, String instance) {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      try {
        return AdvisoryLock.take(url, credentials, corpus, instance);
      } catch (AdvisoryLock.AlreadyLocked e) {
        if (System.nanoTime() >= deadline) {
          throw new ConfigException("another docgate already serves corpus '" + corpus + "' from the report store at "
              + redact(url) + ": " + e.getMessage() + "; stop it first, or give this one its own --corpus-name or"
              + " database (one writer per corpus and database)");
        }
        sleep(Duration.ofMillis(250));
      } catch (SQLException e) {
        throw new ConfigException("cannot lock corpus '" + corpus + "' in the report store at " + redact(url) + ": "
            + firstLine(e));
      }
    }
  }

  /** Which process writes the runs: {@code host:pid}, kept on every run (several docgates may share a database). */
  static String instance() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String id = host + ":" + ProcessHandle.current().pid();
    return id.length() <= 300 ? id : id.substring(id.length() - 300); // the column's size; the pid stays
  }

  private static String whyNot(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return "another docgate (or another program) has this data directory open; one process per data directory:"
            + " stop the other one, or give this one its own --data";
      }
    }
    return firstLine(e);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while waiting for the corpus lock");
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // only a probe
    }
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

  /**
   * A PostgreSQL URL's user and password from {@code DOCGATE_DB_USER} / {@code DOCGATE_DB_PASSWORD}, each unless the
   * URL has it as a parameter (the report store's and the fleet's database alike).
   */
  static Properties credentials(String url, Map<String, String> env) {
    Properties credentials = new Properties();
    if (!url.matches("(?i).*[?&]user=.*") && env.get("DOCGATE_DB_USER") != null) {
      credentials.setProperty("user", env.get("DOCGATE_DB_USER"));
    }
    if (!url.matches("(?i).*[?&]password=.*") && env.get("DOCGATE_DB_PASSWORD") != null) {
      credentials.setProperty("password", env.get("DOCGATE_DB_PASSWORD"));
    }
    return credentials;
  }

  /** The URL without a password parameter value, for messages (and serve's start-up line). */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
