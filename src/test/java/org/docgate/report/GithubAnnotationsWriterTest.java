package org.docgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.docgate.cli.DocgateCommand;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.junit.jupiter.api.Test;

class GithubAnnotationsWriterTest {
  static ScanReport report(Finding... findings) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new ScanReport(ScanReport.SCHEMA, "docs", t, t, 1, Map.of(), Map.of(), List.of(findings));
  }

  static Finding finding(Severity severity, String path, String message) {
    return new Finding("links/missing-file", severity, path, 3, 7, message, null, null, "fp1");
  }

  @Test
  void eachSeverityBecomesItsWorkflowCommandWithPositionAndRule() {
    String out = new GithubAnnotationsWriter("docs/").write(report(finding(Severity.ERROR, "a.md", "no file"),
        finding(Severity.WARNING, "b.md", "stale"), finding(Severity.INFO, "c.md", "note")));

    assertThat(out).isEqualTo("""
        ::error file=docs/a.md,line=3,col=7,title=links/missing-file::no file
        ::warning file=docs/b.md,line=3,col=7,title=links/missing-file::stale
        ::notice file=docs/c.md,line=3,col=7,title=links/missing-file::note
        """);
  }

  @Test
  void aMessageWithANewlineCannotForgeASecondCommand() {
    String out = new GithubAnnotationsWriter("").write(report(
        finding(Severity.INFO, "a.md", "link text\n::error::forged\r\nand 100%")));

    assertThat(out.lines()).hasSize(1);
    assertThat(out.lines().filter(l -> l.startsWith("::error"))).isEmpty();
    assertThat(out).isEqualTo("::notice file=a.md,line=3,col=7,title=links/missing-file::link text%0A::error::forged"
        + "%0D%0Aand 100%25\n");
  }

  @Test
  void pathPropertiesEscapeCommaColonAndPercent() {
    String out = new GithubAnnotationsWriter("").write(report(finding(Severity.ERROR, "a,b:c%d\n.md", "m")));

    assertThat(out).startsWith("::error file=a%2Cb%3Ac%25d%0A.md,line=3,");
  }

  @Test
  void scanPrintsOneAnnotationPerFindingOfTheFixtureCorpus() {
    StringWriter out = new StringWriter();
    DocgateCommand.execute(new String[] {"scan", JUnitReportWriterTest.LINK_FIXTURES, "--format", "github",
        "--offline", "--path-prefix", "site/"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));

    List<String> lines = out.toString().lines().toList();
    assertThat(lines).isNotEmpty().allMatch(l -> l.matches("::(error|warning|notice) file=site/[^,]+\\.md,line=\\d+,"
        + "col=\\d+,title=[a-z-]+/[a-z0-9-]+::.*"));
  }
}
