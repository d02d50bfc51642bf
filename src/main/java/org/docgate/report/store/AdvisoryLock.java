package org.docgate.report.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Properties;

/**
 * The corpus lock on PostgreSQL: a session advisory lock ({@code pg_try_advisory_lock}) on a hash of the schema and
 * the corpus id, held on a connection of its own (not a pooled one, which the pool may retire and so drop the lock).
 * The database releases it when that connection ends, also when docgate is killed.
 */
final class AdvisoryLock implements CorpusLock {
  private final String url;
  private final Properties properties;
  private final CorpusId corpus;
  private Connection connection;
  private long key;

  private AdvisoryLock(String url, Properties properties, CorpusId corpus) {
    this.url = url;
    this.properties = properties;
    this.corpus = corpus;
  }

  /**
   * Takes the lock or says who holds it.
   *
   * @throws AlreadyLocked when another session holds it
   * @throws SQLException when the database cannot be reached
   */
  static AdvisoryLock take(String url, Properties credentials, CorpusId corpus, String instance)
      throws SQLException {
    Properties p = new Properties();
    p.putAll(credentials);
    // shown in pg_stat_activity, so the refusal (and an operator) can tell which docgate holds the lock
    p.setProperty("ApplicationName", truncate("docgate " + instance, 63));
    p.setProperty("tcpKeepAlive", "true"); // a vanished host's session ends, and its lock with it
    AdvisoryLock lock = new AdvisoryLock(url, p, corpus);
    lock.acquire();
    return lock;
  }

  @Override
  public synchronized void ensureHeld() {
    try {
      if (connection != null && connection.isValid(5)) {
        return;
      }
      closeConnection();
      acquire();
    } catch (AlreadyLocked e) {
      throw new StoreException("lost the lock of corpus '" + corpus + "' while the database was away, and "
          + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StoreException("cannot take the lock of corpus '" + corpus + "' again: " + e.getMessage(), e);
    }
  }

  private void acquire() throws SQLException {
    Connection c = DriverManager.getConnection(url, properties);
    try {
      key = key(schema(c), corpus);
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        ps.setLong(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new AlreadyLocked(holder(c, key));
          }
        }
      }
      connection = c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** 64 bits of SHA-256 over schema and corpus id: one history (schema), one corpus, one lock. */
  static long key(String schema, CorpusId corpus) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("docgate corpus lock\0" + schema + "\0"
          + corpus.value()).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String schema(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_schema()"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      String s = rs.getString(1);
      return s == null ? "" : s;
    }
  }

  /** Who holds the lock, as far as this user may see: backend pid, application name and since when. */
  private static String holder(Connection c, long key) throws SQLException {
    // a bigint advisory key shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1
    try (PreparedStatement ps = c.prepareStatement("SELECT l.pid, a.application_name, a.client_addr, a.backend_start"
        + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
        + " AND l.granted AND l.objsubid = 1 AND l.classid::text::bigint = ? AND l.objid::text::bigint = ?"
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      ps.setLong(1, key >>> 32);
      ps.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "another session holds it (it may just have ended: try again)";
        }
        StringBuilder who = new StringBuilder("PostgreSQL backend ").append(rs.getInt(1));
        String app = rs.getString(2);
        if (app != null && !app.isBlank()) {
          who.append(" ('").append(app).append("'");
          String addr = rs.getString(3);
          who.append(addr == null ? "" : " from " + addr);
          OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
          who.append(since == null ? "" : ", connected " + since).append(')');
        }
        return who + " holds it";
      }
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private void closeConnection() {
    if (connection == null) {
      return;
    }
    try {
      connection.close(); // ends the session: PostgreSQL releases its advisory locks
    } catch (SQLException ignored) {
      // a connection that is already gone holds no lock either
    } finally {
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    closeConnection();
  }

  /** Another session holds the lock; the message says which, as far as PostgreSQL shows it. */
  static final class AlreadyLocked extends SQLException {
    private static final long serialVersionUID = 1L;

    AlreadyLocked(String holder) {
      super(holder);
    }
  }
}
