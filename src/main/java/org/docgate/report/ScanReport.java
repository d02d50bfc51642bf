package org.docgate.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;

/**
 * The result of one scan: the JSON report contract {@code docgate/report@1}. Fields are only ever added.
 *
 * @param documents Markdown files found (parsed or reported as unreadable)
 * @param metrics ratios in 0..1 (null when not measured), e.g. {@code linkValidity}
 * @param stats nested counters, e.g. {@code links.byKind.inline}
 */
public record ScanReport(
    String schema,
    String corpus,
    Instant startedAt,
    Instant finishedAt,
    int documents,
    Map<String, Double> metrics,
    Map<String, Object> stats,
    List<Finding> findings) {

  public static final String SCHEMA = "docgate/report@1";

  /** The same scan reporting only {@code kept} (a severity floor, named files): metrics and stats stay the scan's. */
  public ScanReport withFindings(List<Finding> kept) {
    return new ScanReport(schema, corpus, startedAt, finishedAt, documents, metrics, stats, kept);
  }

  /** The same scan under another corpus name (a PR's head tree reported as the repository). */
  public ScanReport withCorpus(String name) {
    return new ScanReport(schema, name, startedAt, finishedAt, documents, metrics, stats, findings);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }
}
