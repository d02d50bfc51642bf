package org.docgate.report.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a real PostgreSQL: {@code DOCGATE_TEST_PG_URL} (from {@code bin/start-postgres}), one fresh
 * schema per test. Skipped when the variable is unset, except under CI=true, where that is a failure.
 */
class PostgresReportStoreTest extends ReportStoreContract {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static String baseUrl;

  @TempDir Path dataDir;
  private String schema;

  @BeforeAll
  static void needsPostgres() {
    baseUrl = System.getenv("DOCGATE_TEST_PG_URL");
    if (baseUrl == null || baseUrl.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("DOCGATE_TEST_PG_URL is unset under CI=true: .ci/run must start PostgreSQL with bin/start-postgres");
      }
      Assumptions.abort("skipped: no PostgreSQL; run  export DOCGATE_TEST_PG_URL=\"$(bin/start-postgres)\"");
    }
  }

  @BeforeEach
  void freshSchema() throws SQLException {
    schema = "docgate_t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    closeStores();
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void credentialsComeFromTheEnvironmentWhenTheUrlHasNone() {
    String bare = url().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("([?&])password=[^&]*&?", "$1");
    assertThat(bare).doesNotContain("user=");
    try (ReportStore store = ReportStores.open(bare, dataDir, StoredReports.CORPUS, clock,
        Map.of("DOCGATE_DB_USER", user()))) {
      assertThat(store.runs(0, 1).total()).isZero();
    }
    assertThatThrownBy(() -> ReportStores.open(bare, dataDir, StoredReports.CORPUS, clock,
        Map.of("DOCGATE_DB_USER", "docgate_nobody", "DOCGATE_DB_PASSWORD", "pw")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("docgate_nobody").hasMessageNotContaining("\n");
  }

  /** The user of DOCGATE_TEST_PG_URL (bin/start-postgres: postgres). */
  private static String user() {
    Matcher m = Pattern.compile("[?&]user=([^&]*)").matcher(baseUrl);
    return m.find() ? m.group(1) : System.getProperty("user.name");
  }

  @Override
  String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  Path dataDir() {
    return dataDir;
  }

  @Override
  Vendor vendor() {
    return Vendor.POSTGRESQL;
  }
}
