package org.docgate.report.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.docgate.report.ScanReport;

/** Reports and findings made up for the store tests. */
final class StoredReports {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  /** The corpus of every run the contract tests store: its id is the folder the runs name. */
  static final CorpusId CORPUS = new CorpusId("/corpus");

  private StoredReports() {}

  static Finding finding(String rule, Severity severity, String path, int line, String message) {
    return new Finding(rule, severity, path, line, 1, message, null, null, null);
  }

  /** A report of these findings (fingerprinted as the scanner does), with one ratio not measured (null). */
  static ScanReport report(List<Finding> findings) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("linkValidity", 0.75);
    metrics.put("versionAlignment", null);
    metrics.put("completeness", 1.0);
    return new ScanReport(ScanReport.SCHEMA, "/corpus", T0, T0.plusSeconds(3), 12, metrics, Map.of(),
        Fingerprints.assign(findings));
  }

  static ScanReport report(Finding... findings) {
    return report(List.of(findings));
  }

  /** {@code count} findings over a few folders, rules and severities. */
  static ScanReport large(int count) {
    List<Finding> findings = new ArrayList<>(count);
    String[] rules = {"links/missing-file", "links/missing-anchor", "terms/docgate.vSphere", "versions/stale"};
    for (int i = 0; i < count; i++) {
      findings.add(new Finding(rules[i % rules.length], Severity.values()[i % 3], "docs/part" + (i % 40) + "/page"
          + (i % 7) + ".md", 1 + i / 280, 1 + i % 80, "problem number " + i, "target-" + i, null, null));
    }
    return report(findings);
  }

  static RunStart start(String trigger, Instant at) {
    return new RunStart(trigger, "/corpus", "0123abcd", at);
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
