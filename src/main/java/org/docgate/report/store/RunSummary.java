package org.docgate.report.store;

import java.time.Instant;
import java.util.Map;

/**
 * One stored run without its findings.
 *
 * @param metrics the report's ratios (null values: not measured)
 * @param findingsBySeverity counts keyed by severity label ({@code error}, {@code warning}, {@code info})
 * @param error why a failed run failed, else null
 */
public record RunSummary(
    long id,
    String trigger,
    String corpus,
    String revision,
    RunStatus status,
    Instant startedAt,
    Instant finishedAt,
    int documents,
    Map<String, Double> metrics,
    Double readinessScore,
    Map<String, Long> findingsBySeverity,
    long findingCount,
    String error) {}
