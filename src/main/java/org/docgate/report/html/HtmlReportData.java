package org.docgate.report.html;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.docgate.report.readiness.Readiness;
import org.docgate.scan.ScanReport;

/**
 * Everything the HTML report shows: the latest run, its readiness, the trend of stored runs (empty for the CLI).
 *
 * @param title the page title, e.g. {@code docgate: vshpere-1019}
 * @param linkBase where each finding links to, its corpus-relative path appended (e.g.
 *     {@code https://github.com/o/r/blob/SHA/}, a {@code file:///} corpus folder, or {@code /api/documents/}); null for
 *     no links. Checked by {@link FileLinks}: a script URL is refused.
 */
public record HtmlReportData(ScanReport report, Readiness readiness, List<TrendPoint> trend, String title,
    String linkBase) {

  public HtmlReportData {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(readiness, "readiness");
    trend = trend == null ? List.of() : List.copyOf(trend);
    title = title == null || title.isBlank() ? "docgate report" : title;
    FileLinks.check(linkBase);
  }

  /**
   * A report of one CLI run: no stored runs, titled after the corpus folder. Findings link to {@code linkBase}, or
   * when it is null to the files themselves ({@code file:} URLs of the corpus); {@code none} gives no links.
   */
  public static HtmlReportData forCli(ScanReport report, Readiness readiness, Path corpus, String linkBase) {
    Path dir = corpus.toAbsolutePath().normalize();
    String base = linkBase == null ? dir.toUri().toASCIIString() : "none".equals(linkBase) ? null : linkBase;
    Path name = dir.getFileName();
    return new HtmlReportData(report, readiness, List.of(), "docgate report: " + (name == null ? dir : name), base);
  }
}
