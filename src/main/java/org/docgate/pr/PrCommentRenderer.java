package org.docgate.pr;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.docgate.finding.Finding;
import org.docgate.report.readiness.Readiness;

/**
 * The pull-request comment ({@code --format markdown}): a summary line, a table of new findings, fixed and
 * pre-existing findings collapsed in {@code <details>}, and a hidden marker by which the next run finds the comment
 * to update. Everything from documents goes through {@link MarkdownText#escape}. Pure.
 */
public final class PrCommentRenderer {
  public static final String MARKER = "<!-- docgate:pr-comment -->";
  /** GitHub refuses comment bodies over 65,536 characters; the rest is headroom for the closing lines. */
  static final int DEFAULT_LIMIT = 65_000;
  private static final int MAX_CELL = 400;
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

  private final String repo;
  private final int limit;

  /** @param repo {@code owner/name} for links to the head commit, or null for plain {@code file:line} */
  public PrCommentRenderer(String repo) {
    this(repo, DEFAULT_LIMIT);
  }

  PrCommentRenderer(String repo, int limit) {
    if (repo != null && !REPO.matcher(repo).matches()) {
      throw new IllegalArgumentException("not a GitHub repository name (owner/name): " + repo);
    }
    this.repo = repo;
    this.limit = limit;
  }

  public String render(PrResult result) {
    PrFindings f = result.findings();
    StringBuilder out = new StringBuilder();
    out.append(MARKER).append("\n### docgate\n\n");
    out.append(summary(result)).append("\n\n");
    String headSha = SHA.matcher(result.headCommit()).matches() ? result.headCommit() : null;
    if (f.added().isEmpty()) {
      out.append("No new findings in the touched files.\n");
    } else {
      out.append("| File | Severity | Rule | Message | Suggested fix |\n|---|---|---|---|---|\n");
      appendRows(out, f.added(), headSha, true, "new findings");
    }
    appendDetails(out, f.fixed().size() + " fixed", f.fixed(), null);
    appendDetails(out, f.preExisting().size() + " pre-existing in touched files", f.preExisting(), headSha);
    return out.toString();
  }

  static String summary(PrResult result) {
    PrFindings f = result.findings();
    return String.format(Locale.ROOT, "%s **%s** · **%d new** · **%d fixed** · %d pre-existing in %d touched %s"
            + " (`%s` → `%s`)",
        result.touchedOnly() ? "Readiness of the touched files" : "Readiness",
        readiness(result.before(), result.after()), f.added().size(), f.fixed().size(), f.preExisting().size(),
        result.touched().size(), result.touched().size() == 1 ? "file" : "files",
        shortSha(result.baseCommit()), shortSha(result.headCommit()));
  }

  private static String readiness(Readiness before, Readiness after) {
    String b = String.format(Locale.ROOT, "%.1f", before.score());
    String a = String.format(Locale.ROOT, "%.1f", after.score());
    String blocked = after.blocked() ? ", blocked" : "";
    return b.equals(a) ? a + " (unchanged" + blocked + ")" : b + " → " + a + (blocked.isEmpty() ? "" : " (blocked)");
  }

  private static String shortSha(String sha) {
    String s = sha.length() > 7 ? sha.substring(0, 7) : sha;
    return SHA.matcher(s).matches() ? s : "?";
  }

  private void appendDetails(StringBuilder out, String summary, List<Finding> findings, String headSha) {
    if (findings.isEmpty()) {
      return;
    }
    out.append("\n<details><summary>").append(summary).append("</summary>\n\n");
    out.append("| File | Severity | Rule | Message |\n|---|---|---|---|\n");
    appendRows(out, findings, headSha, false, "findings");
    out.append("\n</details>\n");
  }

  /** Rows until the budget is spent; then one line saying how many were left out. */
  private void appendRows(StringBuilder out, List<Finding> findings, String headSha, boolean suggestion,
      String what) {
    // headroom for this section's closing, the truncation note and the sections after it
    int reserve = 600;
    for (int i = 0; i < findings.size(); i++) {
      String row = row(findings.get(i), headSha, suggestion);
      if (out.length() + row.length() + reserve > limit) {
        out.append(String.format(Locale.ROOT, "\n… and %d more %s not shown (comment size limit): see the JSON or"
            + " SARIF report.\n", findings.size() - i, what));
        return;
      }
      out.append(row);
    }
  }

  private String row(Finding f, String headSha, boolean withSuggestion) {
    StringBuilder row = new StringBuilder("| ").append(location(f, headSha)).append(" | ")
        .append(cell(f.severity().label())).append(" | ").append(cell(f.rule())).append(" | ")
        .append(cell(f.message()));
    if (withSuggestion) {
      row.append(" | ").append(f.suggestion() == null ? "" : cell(f.suggestion()));
    }
    return row.append(" |\n").toString();
  }

  private String location(Finding f, String headSha) {
    String text = cell(f.path() + ":" + f.line());
    if (repo == null || headSha == null) {
      return text;
    }
    return "[" + text + "](https://github.com/" + repo + "/blob/" + headSha + "/" + MarkdownText.urlPath(f.path())
        + "#L" + f.line() + ")";
  }

  private static String cell(String text) {
    return MarkdownText.escape(MarkdownText.shorten(text, MAX_CELL));
  }
}
