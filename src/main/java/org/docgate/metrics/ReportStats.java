package org.docgate.metrics;

import java.util.Map;
import java.util.TreeMap;

/** Reads the report's nested counters ({@code weblinks.links.outcome.ok = 3} as maps in maps). */
final class ReportStats {
  private ReportStats() {}

  /** The numeric leaves directly under the path, by key; empty when the path is absent. */
  static Map<String, Long> counters(Map<String, Object> stats, String... path) {
    Object node = stats;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return Map.of();
      }
      node = map.get(key);
    }
    Map<String, Long> out = new TreeMap<>();
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v instanceof Number n) {
          out.put(String.valueOf(k), n.longValue());
        }
      });
    }
    return out;
  }
}
