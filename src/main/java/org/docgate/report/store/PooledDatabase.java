package org.docgate.report.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The store's connections, pooled by HikariCP. A connection is checked ({@link Connection#isValid}) before it is
 * handed out when it sat idle, and one that saw a connection-class error is evicted, so a database restart between two
 * runs costs a reconnect, not a failed run. Callers never see the pool: they give work to {@link #read} or
 * {@link #inTransaction}.
 */
final class PooledDatabase implements AutoCloseable {
  /** How long a call waits for a free or new connection (a database restarting takes a few seconds). */
  static final Duration WAIT = Duration.ofSeconds(30);

  static {
    // HikariCP skips the validity check for a connection used in the last 500 ms (HikariPool reads this property when
    // a pool is made): a database restarted within that window handed out a dead connection and the next run failed
    // (DatabaseRestartTest, in the full suite). The store takes a connection a few times per run, so checking every
    // time costs nothing that matters. An operator's own setting wins.
    if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) {
      System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
    }
  }

  private final HikariDataSource pool;

  PooledDatabase(String url, Properties credentials, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("docgate-store");
    config.setJdbcUrl(url);
    credentials.stringPropertyNames().forEach(k -> config.addDataSourceProperty(k, credentials.getProperty(k)));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(WAIT.toMillis());
    // idle connections are tested every minute too, so a dead one is usually replaced before anyone asks for it
    config.setKeepaliveTime(Duration.ofMinutes(1).toMillis());
    config.setAutoCommit(true);
    // the caller connected once already and reports failures itself; the pool starts empty rather than failing
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
  }

  /** Runs {@code work} in auto-commit mode; an SQL error becomes a StoreException naming {@code what}. */
  <T> T read(String what, Sql.Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(String what, Sql.Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false); // HikariCP restores auto-commit when the connection goes back
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // a broken connection: HikariCP evicts it; the transaction dies with it
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
