package org.docgate.report.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The corpus lock of embedded H2: one connection kept open from start to close keeps the database file open, and H2
 * refuses the file to any other process meanwhile (one docgate per data directory). Nothing to re-take: an embedded
 * database does not restart under us.
 */
final class FileLock implements CorpusLock {
  private final Connection held;

  FileLock(Connection held) {
    this.held = held;
  }

  @Override
  public void ensureHeld() {}

  @Override
  public void close() {
    try {
      held.close(); // the last connection: H2 closes the file and lets it go
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
