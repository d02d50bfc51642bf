package org.docgate.report.readiness;

import java.util.List;

/**
 * One gate, judged.
 *
 * @param value the metric (0..1) or, for a no-errors gate, the number of error-level findings; null when not measured
 * @param threshold the minimum metric, or for a no-errors gate the maximum count (0)
 * @param topFiles up to five files with the most contributing findings (empty unless the gate fails)
 * @param topRules up to five rules with the most contributing findings (empty unless the gate fails)
 */
public record GateResult(Gate gate, Double value, double threshold, GateStatus status, List<Contributor> topFiles,
    List<Contributor> topRules) {

  public GateResult {
    topFiles = List.copyOf(topFiles);
    topRules = List.copyOf(topRules);
  }

  public boolean blocks() {
    return status == GateStatus.FAIL && gate.severity() == GateSeverity.BLOCKING;
  }
}
