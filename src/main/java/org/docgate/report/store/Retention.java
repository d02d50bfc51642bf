package org.docgate.report.store;

import java.time.Duration;

/** How many runs to keep: the newest {@code keepRuns} and/or those younger than {@code keepFor}; null = no limit. */
public record Retention(Integer keepRuns, Duration keepFor) {
  public static final Retention FOREVER = new Retention(null, null);
}
