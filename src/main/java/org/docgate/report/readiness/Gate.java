package org.docgate.report.readiness;

import java.util.List;
import java.util.Objects;

/**
 * One named readiness gate, read from {@code rules/readiness.yaml}.
 *
 * @param weight its share of the score, positive
 * @param contributorRules rule patterns ({@code links/missing-file}, {@code versions/*}) whose findings are listed as
 *     a failing gate's top contributors
 * @param zeroAt where a failing gate's partial credit reaches zero, or null for none (all or nothing): for a metric
 *     gate a ratio below {@code min} (credit runs linearly from 0 there to 1 at {@code min}); for a no-errors gate a
 *     number of errors, at least 1 (credit runs from 1 at no errors to 0 there)
 * @param measuredBy for a no-errors gate, the metric whose value in the report shows that the validator of its
 *     rules ran and judged something (a links-only scan has no {@code endOfLifeFree}, so it did not look for
 *     end-of-life versions; a corpus whose every version mention is in a record has it null: nothing was judged);
 *     null: always measured
 */
public record Gate(String name, Measure measure, double weight, GateSeverity severity, List<String> contributorRules,
    Double zeroAt, String measuredBy) {

  public Gate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(severity, "severity");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("gate " + name + ": weight must be positive: " + weight);
    }
    contributorRules = List.copyOf(contributorRules);
    if (zeroAt != null) {
      switch (measure) {
        case MetricAtLeast m -> {
          if (!(zeroAt >= 0 && zeroAt < m.min())) {
            throw new IllegalArgumentException("gate " + name + ": zeroAt must be at least 0 and below min "
                + m.min() + ": " + zeroAt);
          }
        }
        case NoErrorsOf n -> {
          if (!(zeroAt >= 1) || Double.isInfinite(zeroAt)) {
            throw new IllegalArgumentException("gate " + name + ": zeroAt must be a number of errors, at least 1: "
                + zeroAt);
          }
        }
      }
    }
    if (measuredBy != null && !(measure instanceof NoErrorsOf)) {
      throw new IllegalArgumentException("gate " + name + ": measuredBy belongs to noErrorsOf gates");
    }
  }

  /** A gate earning all or nothing, always measured when its metric is. */
  public Gate(String name, Measure measure, double weight, GateSeverity severity, List<String> contributorRules) {
    this(name, measure, weight, severity, contributorRules, null, null);
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
