package org.docgate.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.config.DocgateConfig;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.http.Network;
import org.docgate.report.ScanReport;
import org.docgate.report.readiness.Gate;
import org.docgate.report.readiness.GateSeverity;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.scan.ValidatorRegistry;

/** Small hand-made reports for the metrics tests. */
final class Reports {
  static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant FINISHED = Instant.parse("2026-03-01T10:00:02.500Z");

  /** Two gates: link validity at least 0.9 (blocking), no version errors (advisory). */
  static final List<Gate> GATES = List.of(
      new Gate("links", new Gate.MetricAtLeast("linkValidity", 0.9), 3, GateSeverity.BLOCKING, List.of()),
      new Gate("snippets", new Gate.MetricAtLeast("snippetRunnable", 0.8), 1, GateSeverity.ADVISORY, List.of()),
      new Gate("versions", new Gate.NoErrorsOf("versions/*"), 1, GateSeverity.ADVISORY, List.of()));

  private Reports() {}

  /** {@code rule severity path} lines, one finding each. */
  static ScanReport report(int documents, Map<String, Double> metrics, Map<String, Object> stats, String... findings) {
    List<Finding> list = new ArrayList<>();
    for (String f : findings) {
      String[] p = f.split(" ");
      list.add(new Finding(p[0], Severity.parse(p[1]), p[2], 1, 1, "m", null, null, null));
    }
    return new ScanReport(ScanReport.SCHEMA, "/corpus/docs", STARTED, FINISHED, documents, metrics, stats, list);
  }

  static Map<String, Double> metrics(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Double) pairs[i + 1]);
    }
    return m;
  }

  /** The packaged validators, offline: the rules and ratios docgate declares. */
  static ValidatorRegistry validators() {
    return ValidatorRegistry.builder(DocgateConfig.defaults(), RuleFiles.packaged()).build();
  }

  static Readiness readiness(ScanReport report) {
    return ReadinessScorer.score(GATES, report.metrics(), report.findings());
  }
}
