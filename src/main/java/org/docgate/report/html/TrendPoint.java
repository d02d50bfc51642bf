package org.docgate.report.html;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored run on the trend chart.
 *
 * @param readinessScore 0..100, or null when the run was not scored
 * @param metrics the run's ratios in 0..1; a null or absent value is not measured and leaves a gap in its line
 */
public record TrendPoint(long runId, Instant finishedAt, Double readinessScore, Map<String, Double> metrics) {

  public TrendPoint {
    Objects.requireNonNull(finishedAt, "finishedAt");
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
