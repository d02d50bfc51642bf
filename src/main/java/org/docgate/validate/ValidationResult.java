package org.docgate.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.finding.Finding;

/**
 * Findings plus counters (dotted names such as {@code links.internal.ok}) that add up across documents into the
 * report's {@code stats} and {@code metrics}, plus the tallies that say which counters each finding's item added
 * (taken back out when the finding is suppressed; see {@link Tally}).
 */
public record ValidationResult(List<Finding> findings, Map<String, Long> counters, List<Tally> tallies) {
  public ValidationResult {
    findings = List.copyOf(findings);
    counters = Map.copyOf(counters);
    tallies = List.copyOf(tallies);
  }

  /** A result whose findings added no counters that a suppression would have to take back. */
  public ValidationResult(List<Finding> findings, Map<String, Long> counters) {
    this(findings, counters, List.of());
  }

  public static final ValidationResult EMPTY = new ValidationResult(List.of(), Map.of());

  /** Adds two results: findings and tallies concatenated, counters summed. */
  public ValidationResult plus(ValidationResult other) {
    List<Finding> f = new ArrayList<>(findings);
    f.addAll(other.findings);
    Map<String, Long> c = new TreeMap<>(counters);
    other.counters.forEach((k, v) -> c.merge(k, v, Long::sum));
    List<Tally> t = new ArrayList<>(tallies);
    t.addAll(other.tallies);
    return new ValidationResult(f, c, t);
  }
}
