package org.docgate.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.finding.Finding;

/**
 * Findings plus counters (dotted names such as {@code links.internal.ok}) that add up across documents into the
 * report's {@code stats} and {@code metrics}.
 */
public record ValidationResult(List<Finding> findings, Map<String, Long> counters) {
  public ValidationResult {
    findings = List.copyOf(findings);
    counters = Map.copyOf(counters);
  }

  public static final ValidationResult EMPTY = new ValidationResult(List.of(), Map.of());

  /** Adds two results: findings concatenated, counters summed. */
  public ValidationResult plus(ValidationResult other) {
    List<Finding> f = new ArrayList<>(findings);
    f.addAll(other.findings);
    Map<String, Long> c = new TreeMap<>(counters);
    other.counters.forEach((k, v) -> c.merge(k, v, Long::sum));
    return new ValidationResult(f, c);
  }
}
