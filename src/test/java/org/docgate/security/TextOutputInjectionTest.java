package org.docgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.finding.PlainText;
import org.docgate.finding.Severity;
import org.docgate.pr.PrFindings;
import org.docgate.pr.PrResult;
import org.docgate.pr.PrTextWriter;
import org.docgate.report.TextReportWriter;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.readiness.ReadinessTextWriter;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Untrusted corpus text in text outputs: a decoded link target, a message or a file name must never start a line of
 * its own (a forged GitHub Actions annotation {@code ::error ...}, a forged finding) nor reach the terminal as an escape
 * sequence. Every text output (scan text report, PR text, readiness text, the CLI's error line) escapes them visibly.
 */
class TextOutputInjectionTest {
  static final String FORGED_ANNOTATION = "%0A%3A%3Aerror%20file%3DREADME.md%3A%3Aforged";

  @TempDir Path corpus;

  @Test
  void aDecodedTargetPrintsOnOneLineInTheTextReport() throws Exception {
    Files.writeString(corpus.resolve("README.md"), "# Readme\n\n[x](" + FORGED_ANNOTATION + ")\n\n"
        + "[clear](%1B[2Jgone.md)\n");
    ScanReport report = Scans.run(corpus);
    String text = new TextReportWriter().write(report, true, true);
    assertThat(report.findings()).anyMatch(f -> f.message().contains("\n::error")); // the attack reached the message
    assertThat(text.lines()).noneMatch(l -> l.startsWith("::"));
    assertThat(text.lines()).filteredOn(l -> l.startsWith("README.md:3:"))
        .singleElement().asString().contains("\\n::error file=README.md::forged");
    assertThat(text).doesNotContain("\u001b").contains("\\x1b[2Jgone.md");
  }

  @Test
  void thePrTextWriterKeepsEachFindingOnOneLine() {
    Finding forged = new Finding("links/missing-file", Severity.ERROR, "docs/a\r\n::warning::x.md", 3, 1,
        "file '\n::error file=README.md::forged' not found", null, null, "fp");
    Readiness readiness = ReadinessScorer.score(ReadinessRules.fromRules(RuleFiles.packaged()), Map.of(),
        List.of(forged));
    String text = new PrTextWriter().write(new PrResult("a", "b", List.of(), Set.of(forged.path()),
        new PrFindings(List.of(forged), List.of(), List.of()), readiness, readiness, null, false));
    assertThat(text.lines()).noneMatch(l -> l.startsWith("::"));
    assertThat(text).contains("docs/a\\r\\n::warning::x.md:3:1: error links/missing-file: file '\\n::error");
  }

  @Test
  void aFileNameWithALineBreakStaysOnItsLineInTheReadinessText() throws Exception {
    Files.writeString(corpus.resolve("a\n::error::forged.md"), "# A\n\n[x](missing.md)\n");
    ScanReport report = Scans.run(corpus);
    Readiness readiness = ReadinessScorer.score(ReadinessRules.fromRules(RuleFiles.packaged()), report.metrics(),
        report.findings());
    String readinessText = new ReadinessTextWriter().write(readiness, 80);
    String scanText = new TextReportWriter().write(report, true, true);
    assertThat(readinessText).contains("a\\n::error::forged.md");
    assertThat(scanText).contains("a\\n::error::forged.md");
    assertThat((readinessText + scanText).lines()).noneMatch(l -> l.startsWith("::"));
  }

  @Test
  void theCliErrorLineEscapesWhatItQuotes() throws Exception {
    StringWriter err = new StringWriter();
    int exit = org.docgate.cli.DocgateCommand.execute(new String[] {"scan", "--offline",
        corpus.resolve("gone\n::error::forged\u001b[2J").toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertThat(exit).isNotZero();
    assertThat(err.toString().lines()).noneMatch(l -> l.startsWith("::"));
    assertThat(err.toString()).doesNotContain("\u001b").contains("gone\\n::error::forged\\x1b[2J");
  }

  @ParameterizedTest(name = "U+{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "000a|\\n", "000d|\\r", "0009|\\t", "001b|\\x1b", "0000|\\x00", "007f|\\x7f", "0085|\\x85", "009b|\\x9b",
      "2028|\\u2028", "2029|\\u2029", "202e|\\u202e", "202a|\\u202a", "2066|\\u2066", "2069|\\u2069",
      "200f|\\u200f", "061c|\\u061c"})
  void everyControlCharacterIsEscapedVisibly(String hex, String escaped) {
    String c = Character.toString(Integer.parseInt(hex, 16));
    assertThat(PlainText.escape("a" + c + "b")).isEqualTo("a" + escaped + "b");
  }

  @Test
  void ordinaryTextIsLeftAsItIs() {
    String text = "docs/使用 Kubernetes.md: C:\\path ü ‘quotes’ \u200d emoji 🚀";
    assertThat(PlainText.escape(text)).isSameAs(text);
  }
}
