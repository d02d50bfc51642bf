package org.docgate.report.store;

/** The database failed under a store call (connection lost, disk full...); the message says what was being done. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
