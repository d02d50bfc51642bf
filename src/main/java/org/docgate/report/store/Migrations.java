package org.docgate.report.store;

import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database to the store's schema with Flyway; each vendor has its own migration folder. */
final class Migrations {
  private Migrations() {}

  /** Applies the pending migrations and returns how many ran (0 when the schema is current). */
  static int migrate(Vendor vendor, String url, Properties credentials) {
    MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
        .locations(vendor.migrations())
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return result.migrationsExecuted;
  }
}
