package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private static ScanReport report(Map<String, Double> metrics, Finding... findings) {
    return new ScanReport(ScanReport.SCHEMA, "docs", AT, AT.plusMillis(1500), 4, metrics, Map.of(),
        List.of(findings));
  }

  private static Finding finding(String rule, Severity severity, String path, int line, String target) {
    return new Finding(rule, severity, path, line, 1, "m" + line, target, null, null);
  }

  @Test
  void errorsComeFirstAndLinksToOneMissingFolderShareOneHeader() {
    ScanReport report = report(Map.of(),
        finding("terms/casing", Severity.INFO, "a.md", 1, null),
        finding("links/missing-file", Severity.ERROR, "b.md", 4, "install/"),
        finding("versions/eol", Severity.WARNING, "a.md", 2, null),
        finding("links/missing-file", Severity.ERROR, "a.md", 7, "install"));

    String text = new TextReportWriter().write(report, true, false);
    String withHeaders = new TextReportWriter().write(report, true, true);

    assertThat(text).isEqualTo("""
        a.md:7:1: error links/missing-file: m7
        b.md:4:1: error links/missing-file: m4
        a.md:2:1: warning versions/eol: m2
        a.md:1:1: info terms/casing: m1
        """);
    assertThat(withHeaders).startsWith("""
        2 links to 'install' (missing):
        a.md:7:1: error links/missing-file: m7
        b.md:4:1: error links/missing-file: m4
        a.md:2:1: warning versions/eol: m2
        a.md:1:1: info terms/casing: m1

        docgate: 4 documents in docs, 1.5 s
        """);
  }

  @Test
  void linkValidityIsRoundedHalfUpLikeTheHtmlReport() {
    String text = new TextReportWriter().write(report(Map.of("linkValidity", 0.98845)), false, true);

    assertThat(text).contains("link validity: 98.85% (");
  }
}
