package org.docgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportWriterTest {
  static final String EVIL_PATH = "<img src=x onerror=alert(1)>.md";
  static final String EVIL_MESSAGE = "ends </script><!-- <script>alert(2)</script> \u2028line\u2029para & \"q\" 'a'";

  static ScanReport report(List<Finding> findings, Map<String, Double> metrics) {
    return new ScanReport(ScanReport.SCHEMA, "corpus/<b>bold</b>", Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:05Z"), 3, metrics, Map.of(), findings);
  }

  static Finding finding(String rule, Severity severity, String path, int line, String message) {
    return new Finding(rule, severity, path, line, 1, message, null, null, null);
  }

  static HtmlReportData data(ScanReport report, List<TrendPoint> trend, String title, String linkBase) {
    return new HtmlReportData(report, ReadinessScorer.score(ReadinessRules.fromRules(RuleFiles.packaged()),
        report.metrics(), report.findings()), trend, title, linkBase);
  }

  static Map<String, Double> metrics(Double linkValidity) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("linkValidity", linkValidity);
    m.put("completeness", null);
    return m;
  }

  @Test
  void findingsAreErrorsFirstAndLinksToOneMissingFileCarryTheirGroup() throws Exception {
    ScanReport mixed = report(List.of(
        finding("terms/x", Severity.INFO, "a.md", 1, "info"),
        new Finding("links/missing-file", Severity.ERROR, "z.md", 2, 1, "gone", "setup.md", null, null),
        finding("terms/y", Severity.WARNING, "a.md", 2, "warning"),
        new Finding("links/missing-file", Severity.ERROR, "sub/b.md", 9, 1, "gone", "../setup.md", null, null),
        finding("terms/z", Severity.ERROR, "m.md", 1, "lone error")), metrics(1.0));

    JsonNode rows = new ObjectMapper().readTree(jsonBlock(new HtmlReportWriter().write(data(mixed, List.of(), null,
        null))));

    assertThat(rows).extracting(r -> r.get("path").asText() + " " + r.path("group").asText("-"))
        .containsExactly("m.md -", "sub/b.md 2 links to 'setup.md' (missing)",
            "z.md 2 links to 'setup.md' (missing)", "a.md -", "a.md -");
    assertThat(rows).extracting(r -> r.get("severity").asText())
        .containsExactly("error", "error", "error", "warning", "info");
  }

  static final ScanReport EVIL = report(List.of(
      new Finding("links/missing-file", Severity.ERROR, EVIL_PATH, 3, 5, EVIL_MESSAGE, "</script>x.md",
          "<svg onload=alert(3)>", "fp1"),
      finding("terms/x", Severity.WARNING, "docs/a.md", 1, "fine")), metrics(0.5));

  static int occurrences(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }

  static String jsonBlock(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"findings-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("the findings JSON block").isTrue();
    return m.group(1);
  }

  @Test
  void documentTextCannotOpenElementsOrCloseTheScriptBlock() {
    String html = new HtmlReportWriter().write(data(EVIL, List.of(), "<script>alert(4)</script>", null));

    assertThat(html).doesNotContain("<img", "<svg onload", "<b>bold", "<script>alert", "<!--", "\u2028", "\u2029");
    assertThat(occurrences(html, "<script")).as("only the JSON block and the page's own script").isEqualTo(2);
    assertThat(occurrences(html, "</script>")).isEqualTo(2);
    assertThat(html).contains("<title>&lt;script&gt;alert(4)&lt;/script&gt;</title>")
        .contains("&lt;img src=x onerror=alert(1)&gt;.md")
        .contains("corpus/&lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void theEmbeddedJsonReadsBackExactly() throws Exception {
    String html = new HtmlReportWriter().write(data(EVIL, List.of(), null, "https://github.com/o/r/blob/abc/"));

    JsonNode rows = new ObjectMapper().readTree(jsonBlock(html));
    assertThat(rows).hasSize(2);
    JsonNode first = rows.get(0);
    assertThat(first.get("path").asText()).isEqualTo(EVIL_PATH);
    assertThat(first.get("message").asText()).isEqualTo(EVIL_MESSAGE);
    assertThat(first.get("target").asText()).isEqualTo("</script>x.md");
    assertThat(first.get("suggestion").asText()).isEqualTo("<svg onload=alert(3)>");
    assertThat(first.get("line").asInt()).isEqualTo(3);
    assertThat(first.get("href").asText())
        .isEqualTo("https://github.com/o/r/blob/abc/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.md#L3");
    assertThat(rows.get(1).has("suggestion")).as("nulls are left out").isFalse();
  }

  @Test
  void nothingIsLoadedFromOutsideThePage() {
    String html = new HtmlReportWriter().write(data(EVIL, List.of(), "t", null));

    assertThat(html).doesNotContainPattern("(?i)<[a-z][^<>]*\\ssrc\\s*=")
        .doesNotContainPattern("(?i)url\\(")
        .doesNotContainPattern("(?i)@import")
        .doesNotContain("http://", "https://", "//cdn");
    assertThat(html).contains("default-src 'none'").containsPattern("script-src 'sha256-[A-Za-z0-9+/=]{44}'");
  }

  @Test
  void theOnlyWebLinksAreTheCallersFindingLinks() {
    String base = "https://github.com/o/r/blob/abc/";
    String html = new HtmlReportWriter().write(data(EVIL, List.of(), "t", base));

    Matcher m = Pattern.compile("https?://[^\"'\\s<>]*").matcher(html);
    List<String> urls = new ArrayList<>();
    while (m.find()) {
      urls.add(m.group());
    }
    assertThat(urls).isNotEmpty().allMatch(u -> u.startsWith(base));
    assertThat(html).contains("href=\"https://github.com/o/r/blob/abc/docs/a.md#L1\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)//", "JavaScript:alert(1)", " javascript:alert(1)",
      "data:text/html,<b>", "vbscript:x", "//evil.example/", "https://x/\"onmouseover=\"alert(1)", "a b"})
  void aLinkBaseThatCouldRunScriptIsRefused(String base) {
    assertThatThrownBy(() -> data(EVIL, List.of(), "t", base))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("link base");
  }

  @Test
  void aReportWrittenToAFileLinksToTheCorpusRelativelyNotByFileUrl(@TempDir Path dir) {
    Path corpus = dir.resolve("docs corpus");
    ScanReport one = report(List.of(finding("terms/x", Severity.ERROR, "a/b.md", 4, "m")), metrics(1.0));
    Readiness readiness = data(one, List.of(), null, null).readiness();

    assertThat(HtmlReportData.forCli(one, readiness, corpus, null, dir.resolve("out/report.html")).linkBase())
        .isEqualTo("../docs%20corpus/");
    assertThat(HtmlReportData.forCli(one, readiness, corpus, null, corpus.resolve("report.html")).linkBase())
        .isEqualTo("./");
    assertThat(HtmlReportData.forCli(one, readiness, corpus, null, dir.resolve("report.html")).linkBase())
        .isEqualTo("./docs%20corpus/");
    assertThat(HtmlReportData.forCli(one, readiness, corpus, null, null).linkBase()).startsWith("file:/");
    assertThat(HtmlReportData.forCli(one, readiness, corpus, "none", dir.resolve("r.html")).linkBase()).isNull();
    assertThat(new HtmlReportWriter().write(HtmlReportData.forCli(one, readiness, corpus, null,
        dir.resolve("out/report.html")))).contains("\"href\":\"../docs%20corpus/a/b.md#L4\"");
  }

  @Test
  void aFileNamedLikeAScriptUrlStaysARelativePath() {
    assertThat(FileLinks.href("./", "javascript:alert(1).md", 2)).isEqualTo("./javascript%3Aalert%281%29.md#L2");
    assertThat(FileLinks.href("/api/documents", "安装/指南.md", 7))
        .isEqualTo("/api/documents/%E5%AE%89%E8%A3%85/%E6%8C%87%E5%8D%97.md#L7");
    assertThat(FileLinks.href(null, "a.md", 1)).isNull();
  }

  @Test
  void theSummaryShowsReadinessGatesAndRatiosWithoutScript() {
    String html = new HtmlReportWriter().write(data(EVIL, List.of(), "t", null));

    assertThat(html).contains("id=\"readiness-score\"").contains("Not ready")
        .contains("<b>linkValidity</b>").contains("50.00%").contains("&ge; 99.00%")
        .contains("<span class=\"badge st-fail\">fail</span>")
        .contains("<span class=\"badge st-not-measured\">not-measured</span>")
        .contains("<span class=\"badge kind-blocking\">blocking</span>")
        .contains("Completeness</span><b>not measured</b>")
        .contains("<strong id=\"shown-count\">&hellip;</strong>")
        .contains("<noscript>");
  }

  @Test
  void ratiosAreRoundedHalfUpLikeEveryOtherReport() {
    assertThat(SummarySections.percent(0.98845)).isEqualTo("98.85%");
    assertThat(SummarySections.percent(0.99)).isEqualTo("99.00%");
    assertThat(SummarySections.percent(1.0)).isEqualTo("100.00%");
  }

  @Test
  void worstDocumentsAreOrderedByErrorsThenWarningsAndCappedAtTen() {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      findings.add(finding("links/missing-file", Severity.WARNING, "w" + i + ".md", 1, "m"));
    }
    findings.add(finding("links/missing-file", Severity.ERROR, "e.md", 1, "m"));
    findings.add(finding("links/missing-file", Severity.WARNING, "w5.md", 2, "m"));
    findings.add(finding("links/missing-file", Severity.INFO, "i.md", 1, "m"));

    List<SummarySections.DocumentCounts> worst = SummarySections.worst(findings);

    assertThat(worst).hasSize(10);
    assertThat(worst).extracting(SummarySections.DocumentCounts::path)
        .startsWith("e.md", "w5.md", "w0.md", "w1.md", "w10.md").doesNotContain("i.md");
  }

  @Test
  void filterOptionsCountEachRuleSeverityAndValidator() {
    String html = new HtmlReportWriter().write(data(EVIL, List.of(), "t", null));

    assertThat(html).contains("<option value=\"links/missing-file\">links/missing-file (1)</option>")
        .contains("<option value=\"error\">error (1)</option>")
        .contains("<option value=\"terms\">terms (1)</option>")
        .doesNotContain("<option value=\"info\">");
  }

  @Test
  void aWebLinkFindingIsFilteredUnderTheWeblinksValidatorNotItsRuleFamily() throws Exception {
    ScanReport web = report(List.of(finding("links/external-broken", Severity.ERROR, "a.md", 1, "404"),
        finding("links/missing-file", Severity.ERROR, "a.md", 2, "gone")), metrics(1.0));
    String html = new HtmlReportWriter().write(data(web, List.of(), "t", null));

    assertThat(html).contains("<option value=\"weblinks\">weblinks (1)</option>")
        .contains("<option value=\"links\">links (1)</option>");
    assertThat(HtmlReportWriter.findingsJson(web.findings(), null)).contains("\"validator\":\"weblinks\"")
        .contains("\"validator\":\"links\"");
  }
}
