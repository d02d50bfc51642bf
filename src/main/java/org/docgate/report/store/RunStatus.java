package org.docgate.report.store;

/** A run's life: running, then complete or failed (a scan that threw, or one interrupted by a crash). */
public enum RunStatus {
  RUNNING,
  COMPLETE,
  FAILED
}
