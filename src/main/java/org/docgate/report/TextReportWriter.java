package org.docgate.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.docgate.finding.Finding;
import org.docgate.finding.PlainText;
import org.docgate.finding.Severity;

/**
 * The human report: one {@code path:line:col: severity rule: message} line per finding (editors jump to it), errors
 * first, links with one root cause under one header line ({@code 12 links to 'docs/install' (missing):}), then a
 * summary with counts per rule, the worst files and link validity. Document text (paths, messages, suggestions) has its
 * control characters escaped ({@link PlainText}): every finding is exactly one line.
 */
public final class TextReportWriter {
  private static final int WORST_FILES = 10;

  /**
   * @param findingLines print the finding lines
   * @param summary print the group header lines and the summary ({@code --quiet} prints only finding lines)
   */
  public String write(ScanReport report, boolean findingLines, boolean summary) {
    StringBuilder out = new StringBuilder();
    if (findingLines) {
      for (FindingGroup group : FindingGroups.group(report.findings())) {
        if (summary && group.cause() != null) {
          out.append(PlainText.escape(group.cause())).append(":\n");
        }
        for (Finding f : group.findings()) {
          out.append(f);
          if (f.suggestion() != null && !f.message().contains("did you mean")) {
            out.append(" (suggestion: ").append(PlainText.escape(f.suggestion())).append(')');
          }
          out.append('\n');
        }
      }
    }
    if (summary) {
      if (findingLines && !report.findings().isEmpty()) {
        out.append('\n');
      }
      appendSummary(report, out);
    }
    return out.toString();
  }

  private static void appendSummary(ScanReport report, StringBuilder out) {
    Duration took = Duration.between(report.startedAt(), report.finishedAt());
    out.append(String.format(Locale.ROOT, "docgate: %d documents in %s, %.1f s%n",
        report.documents(), PlainText.escape(String.valueOf(report.corpus())), took.toMillis() / 1000.0));
    out.append(String.format(Locale.ROOT, "findings: %d errors, %d warnings, %d info%n",
        report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.INFO)));
    Map<String, Long> byRule = new TreeMap<>(report.findings().stream()
        .collect(Collectors.groupingBy(Finding::rule, Collectors.counting())));
    if (!byRule.isEmpty()) {
      out.append("by rule:\n");
      int width = byRule.keySet().stream().mapToInt(String::length).max().orElse(10);
      byRule.forEach((rule, n) -> out.append(String.format(Locale.ROOT, "  %-" + width + "s %6d%n",
          PlainText.escape(rule), n)));
      out.append("worst files:\n");
      report.findings().stream()
          .collect(Collectors.groupingBy(Finding::path, Collectors.counting()))
          .entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(WORST_FILES)
          .forEach(e -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(),
              PlainText.escape(e.getKey()))));
    }
    Double validity = report.metrics().get("linkValidity");
    Object checked = dig(report.stats(), "links", "internal", "checked");
    // a counter that never counted is absent from the stats: no link was ok, not "null" of them
    Object ok = Objects.requireNonNullElse(dig(report.stats(), "links", "internal", "ok"), 0);
    out.append(validity == null
        ? "link validity: not measured (no internal links checked)\n"
        : String.format(Locale.ROOT, "link validity: %s (%s of %s internal links ok)%n", Percent.of(validity),
            ok, checked));
    Object renderer = dig(report.stats(), "links", "renderer", "name");
    if (renderer != null) {
      out.append("renderer: ").append(renderer).append(" (")
          .append(dig(report.stats(), "links", "renderer", "reason")).append(")\n");
    }
    Object siteRoot = dig(report.stats(), "links", "siteRoutes", "root");
    if (siteRoot != null) {
      out.append("site routes: ").append(PlainText.escape(String.valueOf(siteRoot))).append(" (")
          .append(dig(report.stats(), "links", "siteRoutes", "reason")).append(")\n");
      Object other = dig(report.stats(), "links", "siteRoutes", "otherSections");
      if (other != null) {
        out.append("site sections the corpus does not hold (their links not checked): ")
            .append(PlainText.escape(String.valueOf(other))).append('\n');
      }
    }
    Object own = dig(report.stats(), "links", "ownRepository", "name");
    if (own != null) {
      Object checkedOwn = dig(report.stats(), "links", "ownRepository", "checked");
      Object pinned = dig(report.stats(), "links", "ownRepository", "pinned");
      out.append("own repository: ").append(own).append(" (from ")
          .append(dig(report.stats(), "links", "ownRepository", "source")).append("): ")
          .append(checkedOwn == null ? 0 : checkedOwn).append(" links checked against the local tree, ")
          .append(pinned == null ? 0 : pinned).append(" pinned to a commit left to the web check\n");
    }
    StringBuilder others = new StringBuilder();
    report.metrics().forEach((name, value) -> {
      if (!name.equals("linkValidity")) {
        others.append(others.isEmpty() ? "" : ", ").append(name).append(' ')
            .append(value == null ? "not measured" : Percent.of(value));
      }
    });
    if (!others.isEmpty()) {
      out.append("metrics: ").append(others).append('\n');
    }
  }

  @SuppressWarnings("unchecked")
  static Object dig(Map<String, Object> map, String... keys) {
    Object node = map;
    for (String k : keys) {
      if (!(node instanceof Map)) {
        return null;
      }
      node = ((Map<String, Object>) node).get(k);
    }
    return node;
  }
}
