package org.docgate.fleet;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema per test in the PostgreSQL of {@code DOCGATE_TEST_PG_URL} (bin/start-postgres), like the store
 * tests: skipped without one, a failure under CI=true.
 */
final class TestPostgres implements AutoCloseable {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private final String base;
  private final String schema;

  TestPostgres() throws SQLException {
    base = System.getenv("DOCGATE_TEST_PG_URL");
    if (base == null || base.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("DOCGATE_TEST_PG_URL is unset under CI=true: .ci/run must start PostgreSQL with bin/start-postgres");
      }
      Assumptions.abort("skipped: no PostgreSQL; run  export DOCGATE_TEST_PG_URL=\"$(bin/start-postgres)\"");
    }
    schema = "docgate_fleet" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  String url() {
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      // a connection a test left open inside a transaction would make the drop wait forever: fail instead
      s.execute("SET lock_timeout = '60s'");
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
