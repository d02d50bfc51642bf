package org.docgate.validate;

import java.util.Map;

/**
 * A ratio metric of the report, {@code ok / total} of two counters, declared by the validator that counts them.
 * Not measured (null) when the total is zero: a validator that checked nothing never reports a silent 100%.
 */
public record Metric(String name, String okCounter, String totalCounter) {

  public Double valueOf(Map<String, Long> counters) {
    Long total = counters.get(totalCounter);
    if (total == null || total == 0) {
      return null;
    }
    return counters.getOrDefault(okCounter, 0L) / (double) total;
  }
}
