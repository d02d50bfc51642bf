package org.docgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.config.RuleFiles;
import org.docgate.finding.Finding;
import org.docgate.finding.Severity;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessRules;
import org.docgate.report.readiness.ReadinessScorer;
import org.docgate.report.ScanReport;
import org.docgate.scan.Scans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: the demo corpus's report is opened in headless chromium, its DOM read back after the
 * script ran, and screenshots are kept under the build directory ({@code html-report.png}, {@code html-dashboard.png}).
 */
public class HtmlReportBrowserTest {
  static final Path DEMO = Path.of("examples/demo");
  static final Pattern SHOWN = Pattern.compile("id=\"shown-count\">(\\d+)<");
  static final Pattern ROW = Pattern.compile("<tr class=\"finding sev-");

  static HeadlessChromium chromium;
  static ScanReport demo;
  static Path reportPage;

  @BeforeAll
  static void writeTheDemoReport() throws IOException {
    chromium = HeadlessChromium.orSkip();
    // the demo's rules: its run-timeout snippet waits 2 s, not the packaged 10 s
    demo = Scans.run(DEMO, org.docgate.config.DocgateConfig.defaults(),
        RuleFiles.overlay(Path.of("examples/demo-rules")));
    reportPage = buildDirectory().resolve("html-report.html");
    Files.writeString(reportPage, new HtmlReportWriter()
        .write(HtmlReportData.forCli(demo, readiness(demo), DEMO, null, null)), StandardCharsets.UTF_8);
  }

  static Readiness readiness(ScanReport report) {
    return ReadinessScorer.score(ReadinessRules.fromRules(RuleFiles.packaged()), report.metrics(),
        report.findings());
  }

  /** The Maven build directory (target/, or the one -Ddocgate.buildDirectory chose): test-classes' parent. */
  public static Path buildDirectory() {
    try {
      return Path.of(HtmlReportBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static int shown(String dom) {
    Matcher m = SHOWN.matcher(dom);
    assertThat(m.find()).as("the script filled the shown-count element").isTrue();
    return Integer.parseInt(m.group(1));
  }

  static long rows(String dom) {
    return ROW.matcher(dom).results().count();
  }

  static long count(ScanReport report, Predicate<Finding> filter) {
    return report.findings().stream().filter(filter).count();
  }

  @Test
  void theScriptRendersEveryFindingOfTheDemoIntoTheTable() {
    String dom = chromium.dumpDom(reportPage, "");

    assertThat(demo.findings()).hasSizeGreaterThan(20);
    assertThat(shown(dom)).isEqualTo(demo.findings().size());
    assertThat(rows(dom)).isEqualTo(Math.min(100, demo.findings().size()));
    assertThat(dom).contains("class=\" js\"").contains("Page 1 of 1");
  }

  @Test
  void aRuleInTheUrlHashFiltersTheTable() {
    String dom = chromium.dumpDom(reportPage, "#rule=links/missing-file");

    long expected = count(demo, f -> f.rule().equals("links/missing-file"));
    assertThat(expected).isBetween(1L, (long) demo.findings().size() - 1);
    assertThat(shown(dom)).isEqualTo(expected);
    assertThat(rows(dom)).isEqualTo(expected);
  }

  @Test
  void severityAndPathFiltersCombine() {
    String dom = chromium.dumpDom(reportPage, "#severity=warning&path=readme");

    long expected = count(demo, f -> f.severity() == Severity.WARNING
        && f.path().toLowerCase(java.util.Locale.ROOT).contains("readme"));
    assertThat(expected).isPositive();
    assertThat(shown(dom)).isEqualTo(expected);
  }

  @Test
  void theScreenshotsAreKeptAsBuildArtifacts() throws IOException {
    Path png = buildDirectory().resolve("html-report.png");
    Files.deleteIfExists(png);
    chromium.screenshot(reportPage, "", png, 1280, 2000);

    Path dashboard = buildDirectory().resolve("html-dashboard.html");
    Files.writeString(dashboard, new HtmlReportWriter().write(new HtmlReportData(demo, readiness(demo),
        trendEndingAt(demo), "docgate dashboard: demo", "/api/documents/")), StandardCharsets.UTF_8);
    Path dashboardPng = buildDirectory().resolve("html-dashboard.png");
    Files.deleteIfExists(dashboardPng);
    chromium.screenshot(dashboard, "", dashboardPng, 1280, 2000);

    for (Path p : List.of(png, dashboardPng)) {
      byte[] bytes = Files.readAllBytes(p);
      assertThat(bytes.length).as(p + " size").isGreaterThan(20_000);
      assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).as(p + " is a PNG").isEqualTo("PNG");
    }
  }

  /** Eight past runs climbing to the demo's ratios, one of them without a link check (a gap). */
  static List<TrendPoint> trendEndingAt(ScanReport report) {
    Readiness now = readiness(report);
    List<TrendPoint> trend = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      double back = (7 - i) * 0.03;
      Map<String, Double> m = new LinkedHashMap<>();
      for (Map.Entry<String, Double> e : report.metrics().entrySet()) {
        boolean gap = i == 3 && e.getKey().equals("linkValidity");
        m.put(e.getKey(), e.getValue() == null || gap ? null : Math.max(0, e.getValue() - back));
      }
      trend.add(new TrendPoint(100 + i, report.finishedAt().minus(Duration.ofHours(6L * (7 - i))),
          Math.max(0, now.score() - (7 - i) * 2.5), m));
    }
    return trend;
  }

  @Test
  void aFileNamedLikeMarkupStaysInertInTheBrowser(@TempDir Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("<img src=x onerror=document.title='pwned'>.md"),
        "# T\n\n[a](missing.md) [b](javascript:alert(1)) </script><!--\n", StandardCharsets.UTF_8);
    ScanReport report = Scans.run(corpus);
    Path page = dir.resolve("evil.html");
    Files.writeString(page, new HtmlReportWriter().write(HtmlReportData.forCli(report, readiness(report), corpus, null,
        null)), StandardCharsets.UTF_8);

    String dom = chromium.dumpDom(page, "");

    assertThat(report.findings()).isNotEmpty();
    assertThat(shown(dom)).isEqualTo(report.findings().size());
    assertThat(dom).doesNotContain("<img").doesNotContain("pwned</title>").doesNotContain("href=\"javascript:")
        .contains("&lt;img src=x onerror=document.title='pwned'&gt;.md");
  }

  @Test
  void theTableOpensErrorsFirstWithLinksToOneMissingFileUnderOneHeaderRow(@TempDir Path dir) throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(corpus.resolve("a.md"), "# A\n\nsee [setup](setup.md)\n", StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("b.md"), "# B\n\n[a](a.md) and [setup](./setup.md#install)\n",
        StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("c.md"), "# C\n\n[a](a.md) [b](b.md) [FAQ](#C)\n", StandardCharsets.UTF_8);
    ScanReport report = Scans.run(corpus);
    Path page = dir.resolve("out/report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, new HtmlReportWriter().write(HtmlReportData.forCli(report, readiness(report), corpus, null,
        page)), StandardCharsets.UTF_8);

    String dom = chromium.dumpDom(page, "");
    String table = dom.substring(dom.indexOf("<tbody id=\"findings-body\">"));

    assertThat(table).startsWith("<tbody id=\"findings-body\"><tr class=\"group\"><td colspan=\"4\">2 links to "
        + "'setup.md' (missing)</td></tr><tr class=\"finding sev-error\">");
    assertThat(table.indexOf("sev-error")).isLessThan(table.indexOf("class=\"finding sev-info"));
    assertThat(table).contains("href=\"../docs/a.md#L3\"");
  }

  @Test
  void fiveThousandFindingsArePagedAndRenderQuickly(@TempDir Path dir) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      findings.add(new Finding(i % 3 == 0 ? "links/missing-file" : "terms/docgate.Case",
          i % 2 == 0 ? Severity.ERROR : Severity.WARNING, "folder" + (i % 40) + "/doc" + i + ".md", i % 90 + 1, 1,
          "message number " + i + " with some words to make the row realistic", null, null, null));
    }
    ScanReport big = new ScanReport(ScanReport.SCHEMA, "big", demo.startedAt(), demo.finishedAt(), 5000,
        demo.metrics(), Map.of(), findings);
    Path page = dir.resolve("big.html");
    Files.writeString(page, new HtmlReportWriter().write(new HtmlReportData(big, readiness(big), List.of(), "big",
        "https://github.com/o/r/blob/abc/")), StandardCharsets.UTF_8);

    String dom = chromium.dumpDom(page, "#page=3");

    assertThat(Files.size(page)).isLessThan(3_000_000);
    assertThat(shown(dom)).isEqualTo(5000);
    assertThat(rows(dom)).isEqualTo(100);
    String table = dom.substring(dom.indexOf("<tbody id=\"findings-body\">"), dom.indexOf("</tbody>",
        dom.indexOf("<tbody id=\"findings-body\">")));
    assertThat(dom).contains("Page 3 of 50");
    // the table opens in triage order (errors first, then path and line): page 3 holds rows 201 to 300 of it
    List<Finding> triaged = org.docgate.report.FindingGroups.triageOrder(findings);
    assertThat(table).contains(">" + triaged.get(200).path() + ":").contains(">" + triaged.get(299).path() + ":")
        .doesNotContain(">" + triaged.get(199).path() + ":").doesNotContain(">" + triaged.get(300).path() + ":");
    Matcher ms = Pattern.compile("data-render-ms=\"(\\d+)\"").matcher(dom);
    assertThat(ms.find()).isTrue();
    assertThat(Integer.parseInt(ms.group(1))).as("first render, ms").isLessThan(2000);
  }
}
