package org.docgate.pr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.docgate.finding.Finding;
import org.docgate.finding.PlainText;
import org.docgate.finding.Severity;
import org.docgate.report.readiness.Readiness;
import org.docgate.report.readiness.ReadinessMarkdownWriter;
import org.docgate.report.FindingTable;
import org.docgate.report.MarkdownText;
import org.docgate.report.ScanReport;

/**
 * The body of the issue report of one corpus (scheduled runs): a hidden marker naming the corpus, counts and
 * readiness, the findings new since the previous report, the readiness gates, the worst files, and the hidden
 * {@link IssueBaseline} the next report compares with. Document text goes through {@link MarkdownText}. Pure.
 */
public final class IssueReportRenderer {
  /** GitHub refuses issue bodies over 65,536 characters; the rest is headroom. */
  static final int LIMIT = 65_000;
  /** At most this much of the body holds fingerprints: about 1,400 findings at 17 characters each. */
  static final int BASELINE_BUDGET = 24_000;
  static final int WORST_FILES = 10;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /** What one report says: title and body, the findings it calls new, and whether the corpus is clean. */
  public record Rendered(String title, String body, List<Finding> added, boolean clean) {}

  private final String corpus;
  private final Severity threshold;

  /**
   * @param corpus the corpus's name (in the title; the marker holds a hash of it, so any name is safe there)
   * @param threshold findings this severe or worse make the corpus not clean (and a new one is worth a comment)
   */
  public IssueReportRenderer(String corpus, Severity threshold) {
    if (corpus == null || corpus.isBlank()) {
      throw new IllegalArgumentException("the issue report needs a corpus name");
    }
    this.corpus = corpus.strip();
    this.threshold = threshold;
  }

  /** {@code <!-- docgate:issue-report:<hash of the corpus name> -->}: one issue per corpus in one repository. */
  public String marker() {
    return marker(corpus);
  }

  static String marker(String corpus) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(corpus.getBytes(StandardCharsets.UTF_8));
      return "<!-- docgate:issue-report:" + HexFormat.of().formatHex(digest, 0, 6) + " -->";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** The title: plain text on GitHub, kept to one short line. */
  public String title() {
    return "docgate report: " + MarkdownText.shorten(PlainText.escape(corpus), 120);
  }

  /** @param previous the baseline of the previous report's body; empty for the first report */
  public Rendered render(ScanReport report, Readiness readiness, Optional<IssueBaseline> previous, Instant at) {
    List<Finding> findings = report.findings().stream()
        .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::path).thenComparingInt(Finding::line))
        .toList();
    List<Finding> added = previous.map(p -> p.newIn(findings)).orElse(findings);
    boolean clean = findings.stream().noneMatch(f -> f.severity().isAtLeast(threshold));
    String baseline = IssueBaseline.block(findings, BASELINE_BUDGET);
    int limit = LIMIT - baseline.length();

    StringBuilder out = new StringBuilder(marker()).append('\n');
    out.append("### docgate: ").append(MarkdownText.escape(MarkdownText.shorten(corpus, 120))).append("\n\n");
    out.append(String.format(Locale.ROOT, "%s · **%d errors**, %d warnings, %d info in %d documents · readiness "
            + "**%.1f** / 100%s · scanned %s\n\n",
        clean ? "**Clean**" : "**Not clean**", report.count(Severity.ERROR), report.count(Severity.WARNING),
        report.count(Severity.INFO), report.documents(), readiness.score(), readiness.blocked() ? " (blocked)" : "",
        WHEN.format(at)));
    if (clean) {
      out.append("No finding at ").append(threshold.label()).append(" severity or worse: this issue closes itself, "
          + "and reopens when one appears.\n\n");
    }
    sectionOfNew(out, added, previous, limit);
    out.append("\n#### Readiness gates\n\n");
    if (readiness.gates().isEmpty()) {
      out.append("No gates in readiness.yaml.\n");
    } else {
      String gates = new ReadinessMarkdownWriter().write(readiness, 0);
      out.append(gates.substring(gates.indexOf('\n') + 1).stripLeading()); // its heading repeats our summary line
    }
    worstFiles(out, findings);
    out.append('\n').append(baseline);
    return new Rendered(title(), out.toString(), added, clean);
  }

  /** The comment posted when a report finds something new at the threshold severity or worse. */
  public String comment(List<Finding> added) {
    List<Finding> breaking = breaking(added);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "**%d new %s** at %s severity or worse since the previous report:\n\n",
        breaking.size(), breaking.size() == 1 ? "finding" : "findings", threshold.label()));
    out.append(FindingTable.header(true));
    new FindingTable(null, null).appendRows(out, breaking, true, "new findings", LIMIT);
    return out.toString();
  }

  /** The new findings worth a comment: at the threshold severity or worse. */
  public List<Finding> breaking(List<Finding> added) {
    return added.stream().filter(f -> f.severity().isAtLeast(threshold)).toList();
  }

  private static void sectionOfNew(StringBuilder out, List<Finding> added, Optional<IssueBaseline> previous,
      int limit) {
    if (previous.isEmpty()) {
      out.append("#### Findings (first report: ").append(added.size()).append(")\n\n");
    } else {
      out.append("#### New since the previous report (").append(added.size()).append(")\n\n");
    }
    if (added.isEmpty()) {
      out.append(previous.isEmpty() ? "None.\n" : "Nothing new.\n");
      return;
    }
    out.append(FindingTable.header(true));
    // the gates and worst files follow: keep room for them
    new FindingTable(null, null).appendRows(out, added, true, "findings", limit - 4_000);
  }

  private static void worstFiles(StringBuilder out, List<Finding> findings) {
    Map<String, long[]> byPath = new LinkedHashMap<>();
    for (Finding f : findings) {
      byPath.computeIfAbsent(f.path(), p -> new long[3])[f.severity().ordinal()]++;
    }
    if (byPath.isEmpty()) {
      return;
    }
    List<Map.Entry<String, long[]>> worst = new ArrayList<>(byPath.entrySet());
    worst.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparingLong(e -> -e.getValue()[1]).thenComparingLong(e -> -e.getValue()[2])
        .thenComparing(Map.Entry::getKey));
    out.append("\n#### Worst files\n\n| File | Errors | Warnings | Info |\n|---|---|---|---|\n");
    worst.stream().limit(WORST_FILES).forEach(e -> out.append("| ").append(FindingTable.cell(e.getKey()))
        .append(" | ").append(e.getValue()[0]).append(" | ").append(e.getValue()[1]).append(" | ")
        .append(e.getValue()[2]).append(" |\n"));
  }
}
