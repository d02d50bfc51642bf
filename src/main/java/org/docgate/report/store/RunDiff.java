package org.docgate.report.store;

import java.util.List;
import org.docgate.finding.Finding;

/** Findings of a run against a base run, matched by fingerprint. */
public record RunDiff(long runId, long baseRunId, List<Finding> added, List<Finding> fixed, List<Finding> unchanged) {
  public RunDiff {
    added = List.copyOf(added);
    fixed = List.copyOf(fixed);
    unchanged = List.copyOf(unchanged);
  }
}
