package org.docgate.report.readiness;

import java.util.List;

/**
 * One gate, judged.
 *
 * @param value the metric (0..1) or, for a no-errors gate, the number of error-level findings; null when not measured
 * @param threshold the minimum metric, or for a no-errors gate the maximum count (0)
 * @param topFiles up to five files with the most contributing findings (empty unless the gate fails)
 * @param topRules up to five rules with the most contributing findings (empty unless the gate fails)
 * @param credit the share of its weight the gate earns, 0..1: 1 when it passes, the partial credit of its
 *     {@code zeroAt} rule when it fails, 0 when not measured (and then left out of the score altogether)
 */
public record GateResult(Gate gate, Double value, double threshold, GateStatus status, List<Contributor> topFiles,
    List<Contributor> topRules, double credit) {

  public GateResult {
    topFiles = List.copyOf(topFiles);
    topRules = List.copyOf(topRules);
  }

  /** The points this gate adds to the score's numerator: credit times weight. */
  public double earned() {
    return credit * gate.weight();
  }

  public boolean blocks() {
    return status == GateStatus.FAIL && gate.severity() == GateSeverity.BLOCKING;
  }
}
