package org.docgate.report;

import java.util.List;

/**
 * Findings with one root cause, in triage order: a missing file or folder several links point to, or one missing
 * anchor (a renamed heading). A finding with a cause of its own is a group of one with no cause.
 *
 * @param cause what the findings share, e.g. {@code 12 links to 'docs/install' (missing)}; null for a group of one
 */
public record FindingGroup(String cause, List<org.docgate.finding.Finding> findings) {
  public FindingGroup {
    findings = List.copyOf(findings);
  }
}
