package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;

/** A report narrowed for what is shown keeps what the scan measured. */
class ScanReportTest {
  private final Finding error = new Finding("links/missing-file", Severity.ERROR, "a.md", 3, 1, "gone", "x.md", null,
      null);
  private final Finding info = new Finding("links/missing-file", Severity.INFO, "b.md", 4, 2, "old", "y.md", null,
      null);
  private final ScanReport scan = new ScanReport(ScanReport.SCHEMA, "/corpus", Instant.EPOCH,
      Instant.EPOCH.plusSeconds(2), 7, Map.of("linkValidity", 0.5), Map.of("links", Map.of("total", 9)),
      List.of(error, info));

  @Test
  void withFindingsKeepsTheScansMetricsStatsAndTimes() {
    assertThat(scan.withFindings(List.of(error)))
        .isEqualTo(new ScanReport(scan.schema(), scan.corpus(), scan.startedAt(), scan.finishedAt(), 7,
            scan.metrics(), scan.stats(), List.of(error)));
  }

  @Test
  void withCorpusChangesOnlyTheName() {
    assertThat(scan.withCorpus("/repo"))
        .isEqualTo(new ScanReport(scan.schema(), "/repo", scan.startedAt(), scan.finishedAt(), 7, scan.metrics(),
            scan.stats(), scan.findings()));
  }
}
