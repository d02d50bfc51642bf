package org.docgate.pr;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.docgate.finding.Finding;
import org.docgate.report.FindingTable;
import org.docgate.report.MarkdownText;
import org.docgate.report.readiness.Readiness;

/**
 * The pull-request comment ({@code --format markdown}): a summary line, a table of new findings, fixed and
 * pre-existing findings collapsed in {@code <details>}, and a hidden marker by which the next run finds the comment
 * to update. Everything from documents goes through {@link MarkdownText#escape}. Pure.
 */
public final class PrCommentRenderer {
  public static final String MARKER = "<!-- docgate:pr-comment -->";
  static final int DEFAULT_LIMIT = FindingTable.COMMENT_LIMIT;
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
      out.append(FindingTable.header(true));
      new FindingTable(repo, headSha).appendRows(out, f.added(), true, "new findings", limit);
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
    out.append(FindingTable.header(false));
    new FindingTable(repo, headSha).appendRows(out, findings, false, "findings", limit);
    out.append("\n</details>\n");
  }
}
