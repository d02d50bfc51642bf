package org.docgate.report.store;

/** A run id that the store does not hold (never stored, or deleted by retention); the API answers 404. */
public final class NoSuchRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long runId;

  public NoSuchRunException(long runId) {
    super("no run " + runId);
    this.runId = runId;
  }

  public long runId() {
    return runId;
  }
}
