package org.docgate.report.readiness;

import java.util.Locale;

/** A gate's outcome. Not measured is its own outcome: it is never counted as passed. */
public enum GateStatus {
  PASS,
  FAIL,
  NOT_MEASURED;

  /** {@code pass}, {@code fail}, {@code not-measured}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
