package org.docgate.report.readiness;

import java.util.List;
import java.util.Objects;

/**
 * One named readiness gate, read from {@code rules/readiness.yaml}.
 *
 * @param weight its share of the score, positive
 * @param contributorRules rule patterns ({@code links/missing-file}, {@code versions/*}) whose findings are listed as
 *     a failing gate's top contributors
 */
public record Gate(String name, Measure measure, double weight, GateSeverity severity, List<String> contributorRules) {

  public Gate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(severity, "severity");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("gate " + name + ": weight must be positive: " + weight);
    }
    contributorRules = List.copyOf(contributorRules);
  }

  /** What a gate measures: a closed set. */
  public sealed interface Measure permits MetricAtLeast, NoErrorsOf {}

  /** Passes when the report's metric is at least {@code min}; not measured when the metric is null or absent. */
  public record MetricAtLeast(String metric, double min) implements Measure {
    public MetricAtLeast {
      Objects.requireNonNull(metric, "metric");
      if (!(min >= 0 && min <= 1)) {
        throw new IllegalArgumentException("min must be in 0..1: " + min);
      }
    }
  }

  /** Passes when no error-level finding matches the rule pattern. */
  public record NoErrorsOf(String rulePattern) implements Measure {
    public NoErrorsOf {
      Objects.requireNonNull(rulePattern, "rulePattern");
    }
  }

  /** {@code versions/*} matches every rule of the family; anything else matches one rule id exactly. */
  static boolean matches(String pattern, String ruleId) {
    return pattern.endsWith("*")
        ? ruleId.startsWith(pattern.substring(0, pattern.length() - 1))
        : ruleId.equals(pattern);
  }
}
