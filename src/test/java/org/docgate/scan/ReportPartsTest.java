package org.docgate.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.docgate.finding.Finding;
import org.docgate.finding.Fingerprints;
import org.docgate.finding.Severity;
import org.docgate.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * The service's report after an edit: the kept documents' findings and counters are taken from the previous report's
 * parts, the edited document's replace its old ones, and the report is the one a single pass over every result
 * makes (issue 21.3: every kept result was summed and every finding sorted and fingerprinted again per edit).
 */
class ReportPartsTest {
  private static Finding finding(String path, int line, String message) {
    return new Finding("links/missing-file", Severity.ERROR, path, line, 1, message, "x.md", null, null);
  }

  private static DocumentResult result(String path, Map<String, Long> counters, Finding... findings) {
    return new DocumentResult(path, Map.of("document", new ValidationResult(List.of(findings), counters)));
  }

  /** What the assembler made before parts were kept: every finding fingerprinted, every counter summed. */
  private static List<Finding> onePass(List<Finding> intake, List<DocumentResult> results, List<Finding> corpus) {
    List<Finding> all = new ArrayList<>(intake);
    results.forEach(r -> r.byGroup().values().forEach(v -> all.addAll(v.findings())));
    all.addAll(corpus);
    return Fingerprints.assign(all);
  }

  private static Map<String, Long> summed(List<DocumentResult> results) {
    Map<String, Long> out = new TreeMap<>();
    results.forEach(r -> r.byGroup().values().forEach(v -> v.counters().forEach((k, n) -> out.merge(k, n, Long::sum))));
    return out;
  }

  private final DocumentResult guide = result("guide.md", Map.of("links.checked", 2L, "links.broken", 1L),
      finding("guide.md", 3, "no such file"), finding("guide.md", 3, "no such file"));
  private final DocumentResult ops = result("ops.md", Map.of("links.checked", 1L, "links.broken", 1L),
      finding("ops.md", 7, "no such file"));

  @Test
  void anEditFingerprintsOnlyTheEditedDocumentsFindingsAgain() {
    ReportParts before = ReportParts.NONE.next(List.of(), List.of(guide, ops), List.of());
    DocumentResult edited = result("ops.md", Map.of("links.checked", 1L, "links.broken", 0L));
    ReportParts after = before.next(List.of(), List.of(guide, edited), List.of());

    assertThat(after.findings()).isEqualTo(onePass(List.of(), List.of(guide, edited), List.of()));
    assertThat(after.counters()).isEqualTo(summed(List.of(guide, edited)))
        .containsEntry("links.broken", 1L).containsEntry("links.checked", 3L);
    // the kept document's findings are the previous report's objects: not sorted and fingerprinted again
    assertThat(after.findings().get(0)).isSameAs(before.findings().get(0));
    assertThat(after.findings().get(1)).isSameAs(before.findings().get(1));
  }

  @Test
  void aCounterStaysAtZeroWhileAResultNamesItAndGoesWithTheLastOne() {
    DocumentResult zero = result("a.md", Map.of("terms.uses", 0L));
    ReportParts one = ReportParts.NONE.next(List.of(), List.of(zero, guide), List.of());
    assertThat(one.counters()).containsEntry("terms.uses", 0L);

    ReportParts removed = one.next(List.of(), List.of(guide), List.of());
    assertThat(removed.counters()).doesNotContainKey("terms.uses").isEqualTo(summed(List.of(guide)));
  }

  @Test
  void intakeAndCorpusWideFindingsOnADocumentsPathKeepTheOnePassOrderAndOrdinals() {
    List<Finding> intake = List.of(finding("guide.md", 3, "no such file"));
    List<Finding> corpus = List.of(finding("guide.md", 1, "corpus-wide"), finding("other.txt", 1, "not a document"));
    ReportParts before = ReportParts.NONE.next(List.of(), List.of(guide, ops), List.of());
    ReportParts after = before.next(intake, List.of(guide, ops), corpus);

    assertThat(after.findings()).isEqualTo(onePass(intake, List.of(guide, ops), corpus));
    assertThat(after.findings()).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    // a corpus-wide finding that stays the same (another list, equal) keeps the path's findings
    ReportParts again = after.next(List.copyOf(intake), List.of(guide, ops), new ArrayList<>(corpus));
    assertThat(again.findings().get(0)).isSameAs(after.findings().get(0));
  }
}
