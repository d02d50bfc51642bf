package org.docgate.pr;

import java.util.List;
import java.util.Set;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;

/**
 * What a change did to the corpus.
 *
 * @param baseCommit full commit id of the base
 * @param headCommit full commit id of the head
 * @param changes every changed file (not only Markdown)
 * @param touched changed Markdown documents plus the documents linking into changed files, in either revision
 * @param before readiness of the base tree
 * @param after readiness of the head tree
 * @param head the head scan, for formats that report findings as such (SARIF)
 * @param touchedOnly only the touched documents were validated: readiness describes them, not the whole corpus
 */
public record PrResult(
    String baseCommit,
    String headCommit,
    List<Change> changes,
    Set<String> touched,
    PrFindings findings,
    Readiness before,
    Readiness after,
    ScanReport head,
    boolean touchedOnly) {

  public PrResult {
    changes = List.copyOf(changes);
    touched = Set.copyOf(touched);
  }

  /** The head findings of touched files. */
  public List<org.docgate.finding.Finding> headFindingsOfTouchedFiles() {
    return head.findings().stream().filter(f -> touched.contains(f.path())).toList();
  }
}
