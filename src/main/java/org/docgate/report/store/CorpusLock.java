package org.docgate.report.store;

/**
 * One writer per corpus and history: held by the store from open to close, so a second docgate on the same corpus and
 * database is refused at start, before it could mark the first one's running run failed.
 */
interface CorpusLock extends AutoCloseable {

  /** Before each run: re-takes the lock if its connection was lost (a database restart drops session locks). */
  void ensureHeld();

  @Override
  void close();
}
