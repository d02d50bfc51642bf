package org.docgate.report.readiness;

import java.util.List;

/**
 * The readiness of one report.
 *
 * @param score 0..100, one decimal: the weights of the passing gates over the weights of all gates
 */
public record Readiness(double score, List<GateResult> gates) {

  public Readiness {
    gates = List.copyOf(gates);
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
