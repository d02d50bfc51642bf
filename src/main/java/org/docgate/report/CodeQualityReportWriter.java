package org.docgate.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.docgate.finding.Finding;

/**
 * {@code scan --format codequality}: GitLab's Code Quality report (a JSON array of issues with description,
 * check_name, fingerprint, severity and location.path/lines.begin), shown in merge-request widgets and diffs. The
 * fingerprint is docgate's own, so GitLab's new/fixed comparison between pipelines matches {@code pr}'s. Pure.
 */
public final class CodeQualityReportWriter {
  private final String pathPrefix;

  /** {@code pathPrefix}: prepended to each corpus-relative path, so it is relative to the repository root. */
  public CodeQualityReportWriter(String pathPrefix) {
    this.pathPrefix = pathPrefix == null ? "" : pathPrefix;
  }

  public String write(ScanReport report) {
    List<Map<String, Object>> issues = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      Map<String, Object> issue = new LinkedHashMap<>();
      issue.put("description", f.message());
      issue.put("check_name", f.rule());
      issue.put("fingerprint", f.fingerprint());
      issue.put("severity", severity(f));
      issue.put("location", Map.of("path", pathPrefix + f.path(), "lines", Map.of("begin", f.line())));
      issues.add(issue);
    }
    return JsonText.indented(issues);
  }

  /** GitLab's scale is info, minor, major, critical, blocker; docgate's error fails a build, which is major. */
  private static String severity(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "major";
      case WARNING -> "minor";
      case INFO -> "info";
    };
  }
}
