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
 * <p>Score = 100 × Σ credit × weight ÷ Σ weight, both sums over the <em>measured</em> gates only. A gate that was not
 * measured (its metric is null or absent; for a no-errors gate, its {@code measuredBy} metric is absent because that
 * validator did not run, or null because it judged nothing) is shown as such and left out of both sums, so a links-only scan is scored on what it
 * looked at instead of counting everything else as zero. A passing gate's credit is 1; a failing gate's is 0, or
 * with {@code zeroAt} a straight line: for a metric gate (value − zeroAt) ÷ (min − zeroAt), for a no-errors gate
 * (zeroAt − errors) ÷ zeroAt, clamped to 0..1. Pass and fail, and so what blocks, depend on the threshold alone.
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
      if (result.status() != GateStatus.NOT_MEASURED) {
        total += gate.weight();
        earned += result.earned();
      }
    }
    double score = total == 0 ? 0 : Math.round(1000 * earned / total) / 10.0;
    return new Readiness(score, results);
  }

  static GateResult judge(Gate gate, Map<String, Double> metrics, List<Finding> findings) {
    return switch (gate.measure()) {
      case Gate.MetricAtLeast m -> {
        Double value = metrics.get(m.metric());
        if (value == null || value.isNaN()) {
          yield notMeasured(gate, m.min());
        }
        if (value >= m.min()) {
          yield passed(gate, value, m.min());
        }
        yield failed(gate, value, m.min(), contributing(findings, gate.contributorRules(), false));
      }
      case Gate.NoErrorsOf n -> {
        if (gate.measuredBy() != null && metrics.get(gate.measuredBy()) == null) {
          yield notMeasured(gate, 0);
        }
        List<Finding> errors = contributing(findings, List.of(n.rulePattern()), true);
        if (errors.isEmpty()) {
          yield passed(gate, 0.0, 0);
        }
        List<Finding> listed = gate.contributorRules().isEmpty()
            ? errors : contributing(findings, gate.contributorRules(), false);
        yield failed(gate, (double) errors.size(), 0, listed);
      }
    };
  }

  /**
   * The share of its weight a failing gate still earns: 0 without {@code zeroAt}, else linear from 0 at
   * {@code zeroAt} to 1 at the threshold, clamped.
   */
  static double partialCredit(Gate gate, double value) {
    if (gate.zeroAt() == null) {
      return 0;
    }
    double zeroAt = gate.zeroAt();
    double credit = switch (gate.measure()) {
      case Gate.MetricAtLeast m -> (value - zeroAt) / (m.min() - zeroAt);
      case Gate.NoErrorsOf n -> (zeroAt - value) / zeroAt;
    };
    return Math.max(0, Math.min(1, credit));
  }

  private static GateResult notMeasured(Gate gate, double threshold) {
    return new GateResult(gate, null, threshold, GateStatus.NOT_MEASURED, List.of(), List.of(), 0);
  }

  private static GateResult passed(Gate gate, double value, double threshold) {
    return new GateResult(gate, value, threshold, GateStatus.PASS, List.of(), List.of(), 1);
  }

  private static GateResult failed(Gate gate, double value, double threshold, List<Finding> contributors) {
    return new GateResult(gate, value, threshold, GateStatus.FAIL, top(contributors, Finding::path),
        top(contributors, Finding::rule), partialCredit(gate, value));
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
