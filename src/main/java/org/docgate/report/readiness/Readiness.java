package org.docgate.report.readiness;

import java.util.List;

/**
 * The readiness of one report.
 *
 * @param score 0..100, one decimal: the points earned by the measured gates over their weights (see
 *     {@link ReadinessScorer}); 0 when no gate was measured
 */
public record Readiness(double score, List<GateResult> gates) {

  public Readiness {
    gates = List.copyOf(gates);
  }

  /** True when at least one gate was measured (otherwise the score says nothing). */
  public boolean measured() {
    return gates.stream().anyMatch(g -> g.status() != GateStatus.NOT_MEASURED);
  }

  /** True when a blocking gate fails (a not-measured gate does not block; it earns no score). */
  public boolean blocked() {
    return gates.stream().anyMatch(GateResult::blocks);
  }

  /** Ready: nothing blocks and the score reaches {@code minScore}. */
  public boolean ready(double minScore) {
    return !blocked() && score >= minScore;
  }
}
