package org.docgate.report.readiness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;

/**
 * Scores a report against gates. Pure: metrics and findings in, a {@link Readiness} out; no I/O, no clock.
 *
 * <p>Each passing gate earns its weight; a failing or not-measured gate earns nothing, so a metric nobody measured
 * can never make a corpus look ready. The score is the earned share of all weights, 0..100.
 */
public final class ReadinessScorer {
  static final int TOP = 5;

  private ReadinessScorer() {}

  public static Readiness score(List<Gate> gates, Map<String, Double> metrics, List<Finding> findings) {
    if (gates.isEmpty()) {
      throw new IllegalArgumentException("no readiness gates");
    }
    List<GateResult> results = new ArrayList<>(gates.size());
    double earned = 0;
    double total = 0;
    for (Gate gate : gates) {
      GateResult result = judge(gate, metrics, findings);
      results.add(result);
      total += gate.weight();
      if (result.status() == GateStatus.PASS) {
        earned += gate.weight();
      }
    }
    double score = Math.round(1000 * earned / total) / 10.0;
    return new Readiness(score, results);
  }

  static GateResult judge(Gate gate, Map<String, Double> metrics, List<Finding> findings) {
    return switch (gate.measure()) {
      case Gate.MetricAtLeast m -> {
        Double value = metrics.get(m.metric());
        if (value == null || value.isNaN()) {
          yield new GateResult(gate, null, m.min(), GateStatus.NOT_MEASURED, List.of(), List.of());
        }
        if (value >= m.min()) {
          yield new GateResult(gate, value, m.min(), GateStatus.PASS, List.of(), List.of());
        }
        yield failed(gate, value, m.min(), contributing(findings, gate.contributorRules(), false));
      }
      case Gate.NoErrorsOf n -> {
        List<Finding> errors = contributing(findings, List.of(n.rulePattern()), true);
        if (errors.isEmpty()) {
          yield new GateResult(gate, 0.0, 0, GateStatus.PASS, List.of(), List.of());
        }
        List<Finding> listed = gate.contributorRules().isEmpty()
            ? errors : contributing(findings, gate.contributorRules(), false);
        yield failed(gate, (double) errors.size(), 0, listed);
      }
    };
  }

  private static GateResult failed(Gate gate, double value, double threshold, List<Finding> contributors) {
    return new GateResult(gate, value, threshold, GateStatus.FAIL, top(contributors, Finding::path),
        top(contributors, Finding::rule));
  }

  private static List<Finding> contributing(List<Finding> findings, List<String> patterns, boolean errorsOnly) {
    return findings.stream()
        .filter(f -> !errorsOnly || f.severity() == Severity.ERROR)
        .filter(f -> patterns.stream().anyMatch(p -> Gate.matches(p, f.rule())))
        .toList();
  }

  /** The five names with the most findings; ties in name order, so the output is stable. */
  static List<Contributor> top(List<Finding> findings, Function<Finding, String> key) {
    return findings.stream()
        .collect(Collectors.groupingBy(key, Collectors.counting()))
        .entrySet().stream()
        .map(e -> new Contributor(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Contributor::findings).reversed().thenComparing(Contributor::name))
        .limit(TOP)
        .toList();
  }
}
