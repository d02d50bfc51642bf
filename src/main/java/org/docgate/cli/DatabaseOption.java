package org.docgate.cli;

import picocli.CommandLine.Option;

/** {@code --db JDBC_URL}, a mixin of the commands that store in PostgreSQL: {@code serve} and the fleet's. */
final class DatabaseOption {
  @Option(names = "--db", paramLabel = "JDBC_URL", description = "The PostgreSQL of the report store, e.g. "
      + "jdbc:postgresql://db:5432/docgate (user/password: URL parameters or DOCGATE_DB_USER/DOCGATE_DB_PASSWORD; "
      + "default: $DOCGATE_DB_URL). serve without it keeps an embedded store; the fleet's workers share it.")
  String db;

  /** {@code --db}, else {@code $DOCGATE_DB_URL}; null when neither is given. */
  String url() {
    return db != null ? db : System.getenv("DOCGATE_DB_URL");
  }
}
