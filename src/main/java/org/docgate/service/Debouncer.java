package org.docgate.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when pending corpus changes have settled: after they stayed the same for a quiet period (a
 * {@code git checkout} of 500 files is one re-validation, not 500), or at the latest after a maximum wait (a file
 * rewritten every second still gets checked). Pure: the caller passes the time.
 */
public final class Debouncer {
  private final Duration quiet;
  private final Duration maxWait;
  private Object last;
  private Instant firstSeen;
  private Instant lastChange;

  public Debouncer(Duration quiet, Duration maxWait) {
    this.quiet = quiet;
    this.maxWait = maxWait;
  }

  /**
   * @param pending what the pending changes look like now (equal objects: nothing new), or null when there are none
   * @return true when the changes should be applied now; the debouncer then starts over
   */
  public boolean settled(Object pending, Instant now) {
    if (pending == null) {
      reset();
      return false;
    }
    if (!Objects.equals(pending, last)) {
      last = pending;
      lastChange = now;
      if (firstSeen == null) {
        firstSeen = now;
      }
    }
    boolean due = !now.isBefore(lastChange.plus(quiet)) || !now.isBefore(firstSeen.plus(maxWait));
    if (due) {
      reset();
    }
    return due;
  }

  public void reset() {
    last = null;
    firstSeen = null;
    lastChange = null;
  }
}
