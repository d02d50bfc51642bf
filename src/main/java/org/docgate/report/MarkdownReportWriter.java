package org.docgate.report;

import java.util.Locale;
import org.docgate.finding.Severity;

/**
 * {@code docgate scan --format markdown}: a heading, one counts line and a table of every finding (escaped like the
 * PR comment, truncated below GitHub's comment limit), for job summaries and comments. Pure.
 */
public final class MarkdownReportWriter {
  public String write(ScanReport report) {
    StringBuilder out = new StringBuilder("### docgate scan\n\n");
    out.append(String.format(Locale.ROOT, "%d findings (%d errors, %d warnings, %d info) in %d documents\n\n",
        report.findings().size(), report.count(Severity.ERROR), report.count(Severity.WARNING),
        report.count(Severity.INFO), report.documents()));
    if (!report.findings().isEmpty()) {
      out.append(FindingTable.header(true));
      new FindingTable(null, null).appendRows(out, report.findings(), true, "findings",
          FindingTable.COMMENT_LIMIT);
    }
    return out.toString();
  }
}
