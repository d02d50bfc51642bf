package org.docgate.report;

import java.util.List;
import java.util.Locale;
import org.docgate.finding.Finding;

/**
 * A GFM table of findings, every cell escaped ({@link MarkdownText}), rows added until a character budget is spent
 * and then one line saying how many were left out. Shared by the PR comment and {@code scan --format markdown}.
 *
 * @param repo the GitHub repository ({@code owner/name}) each location links to; null gives plain {@code file:line}
 * @param commit the commit those links name; null gives plain {@code file:line}
 */
public record FindingTable(String repo, String commit) {
  /** GitHub refuses comment bodies over 65,536 characters; the rest is headroom for the closing lines. */
  public static final int COMMENT_LIMIT = 65_000;
  /** Headroom for the closing lines after a table (its note, a {@code </details>}, the next section's header). */
  public static final int RESERVE = 600;
  private static final int MAX_CELL = 400;

  public static String header(boolean suggestion) {
    return suggestion
        ? "| File | Severity | Rule | Message | Suggested fix |\n|---|---|---|---|---|\n"
        : "| File | Severity | Rule | Message |\n|---|---|---|---|\n";
  }

  public void appendRows(StringBuilder out, List<Finding> findings, boolean suggestion, String what, int limit) {
    for (int i = 0; i < findings.size(); i++) {
      String row = row(findings.get(i), suggestion);
      if (out.length() + row.length() + RESERVE > limit) {
        out.append(String.format(Locale.ROOT, "\n… and %d more %s not shown (comment size limit): see the JSON or"
            + " SARIF report.\n", findings.size() - i, what));
        return;
      }
      out.append(row);
    }
  }

  private String row(Finding f, boolean withSuggestion) {
    StringBuilder row = new StringBuilder("| ").append(location(f)).append(" | ")
        .append(cell(f.severity().label())).append(" | ").append(cell(f.rule())).append(" | ")
        .append(cell(f.message()));
    if (withSuggestion) {
      row.append(" | ").append(f.suggestion() == null ? "" : cell(f.suggestion()));
    }
    return row.append(" |\n").toString();
  }

  private String location(Finding f) {
    String text = cell(f.path() + ":" + f.line());
    if (repo == null || commit == null) {
      return text;
    }
    return "[" + text + "](https://github.com/" + repo + "/blob/" + commit + "/" + MarkdownText.urlPath(f.path())
        + "#L" + f.line() + ")";
  }

  public static String cell(String text) {
    return MarkdownText.escape(MarkdownText.shorten(text, MAX_CELL));
  }
}
