package org.docgate.report.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few JDBC connections shared by the store's callers: at most {@code size} in use at once, the others wait. A
 * connection that saw an error is closed rather than reused. Small on purpose: the store needs no more than this.
 */
final class ConnectionPool implements AutoCloseable {
  private static final long WAIT_SECONDS = 60;

  private final String url;
  private final Properties properties;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final List<Connection> all = new ArrayList<>();
  private boolean closed;

  ConnectionPool(String url, Properties properties, int size) {
    this.url = url;
    this.properties = properties;
    this.permits = new Semaphore(size, true);
  }

  /** A connection in auto-commit mode; give it back with {@link #release}. */
  Connection borrow() throws SQLException {
    try {
      if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new SQLException("no database connection free after " + WAIT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection", e);
    }
    try {
      synchronized (this) {
        if (closed) {
          throw new SQLException("the report store is closed");
        }
        Connection c = idle.pollFirst();
        if (c != null) {
          return c;
        }
      }
      Connection fresh = DriverManager.getConnection(url, properties);
      synchronized (this) {
        all.add(fresh);
      }
      return fresh;
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a connection; {@code broken} ones (or any after close) are closed instead. */
  void release(Connection c, boolean broken) {
    try {
      boolean keep;
      synchronized (this) {
        keep = !closed && !broken;
        if (keep) {
          idle.addFirst(c);
        } else {
          all.remove(c);
        }
      }
      if (!keep) {
        closeQuietly(c);
      }
    } finally {
      permits.release();
    }
  }

  /** Runs {@code work} in auto-commit mode; an SQL error becomes a StoreException naming {@code what}. */
  <T> T read(String what, Sql.Work<T> work) {
    Connection c = borrowFor(what);
    boolean broken = false;
    try {
      return work.run(c);
    } catch (SQLException e) {
      broken = true;
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    } finally {
      release(c, broken);
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(String what, Sql.Work<T> work) {
    Connection c = borrowFor(what);
    boolean broken = false;
    try {
      c.setAutoCommit(false);
      T result = work.run(c);
      c.commit();
      c.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      broken = true; // dropped; closing it rolls back
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      broken = !rollback(c);
      throw e;
    } finally {
      release(c, broken);
    }
  }

  private Connection borrowFor(String what) {
    try {
      return borrow();
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private static boolean rollback(Connection c) {
    try {
      c.rollback();
      c.setAutoCommit(true);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    List<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(all);
      all.clear();
      idle.clear();
    }
    toClose.forEach(ConnectionPool::closeQuietly);
  }

  private static void closeQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException ignored) {
      // closing anyway
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing more to do with a connection we are dropping
    }
  }
}
