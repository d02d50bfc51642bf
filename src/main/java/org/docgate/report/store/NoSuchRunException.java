package org.docgate.report.store;

/** A run id the store does not have: the API answers 404. */
public class NoSuchRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuchRunException(long runId) {
    super("no run " + runId);
  }
}
