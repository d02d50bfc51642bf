package org.docgate.report.html;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.ScanReport;
import org.docgate.report.UriPath;

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
   * when it is null to the files themselves: relative to {@code reportFile} when the report is written to one (the
   * links keep working when the report and the corpus travel together, e.g. as a CI artifact), else as {@code file:}
   * URLs of the corpus (stdout: where the page lands is unknown). {@code none} gives no links.
   */
  public static HtmlReportData forCli(ScanReport report, Readiness readiness, Path corpus, String linkBase,
      Path reportFile) {
    Path dir = corpus.toAbsolutePath().normalize();
    String base = linkBase != null ? ("none".equals(linkBase) ? null : linkBase)
        : reportFile != null ? relativeBase(reportFile, dir) : dir.toUri().toASCIIString();
    Path name = dir.getFileName();
    return new HtmlReportData(report, readiness, List.of(), "docgate report: " + (name == null ? dir : name), base);
  }

  /** The corpus folder as seen from the report's folder: {@code ./}, {@code ../docs/}, {@code out/../corpus/}. */
  static String relativeBase(Path reportFile, Path corpusDir) {
    Path from = reportFile.toAbsolutePath().normalize().getParent();
    Path rel = from.relativize(corpusDir);
    StringBuilder out = new StringBuilder();
    for (Path segment : rel) {
      if (!segment.toString().isEmpty()) {
        out.append(segment.toString().equals("..") ? ".." : UriPath.segment(segment.toString())).append('/');
      }
    }
    return out.isEmpty() || !out.toString().startsWith("../") ? "./" + out : out.toString();
  }
}
