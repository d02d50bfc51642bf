package org.docgate.report;

import java.util.Optional;
import org.docgate.finding.Finding;

/**
 * The edit a finding's suggestion makes when it is certain: a link finding whose suggestion replaces the target as
 * written on the finding's line. SARIF's {@code fixes} and {@code docgate fix} both come from here, so what the
 * report offers and what the command applies agree by construction. Pure apart from reading the line.
 *
 * @param path the corpus-relative file
 * @param line the 1-based line
 * @param startColumn the 1-based column (UTF-16 units) where the replaced text starts
 * @param endColumn the 1-based column just after it
 * @param replaced the text replaced (the target as written)
 * @param replacement the text put in its place
 */
public record CertainFix(String path, int line, int startColumn, int endColumn, String replaced,
    String replacement) {

  /**
   * The fix for {@code f}, or empty: only link findings with a target and a different suggestion, and only when the
   * target is found unambiguously on the finding's line at or after the link. Reference links (target on the
   * definition's line), targets not found and suggestions spanning lines get none.
   */
  public static Optional<CertainFix> of(Finding f, SourceLines sources) {
    if (!f.rule().startsWith("links/") || f.target() == null || f.target().isEmpty() || f.suggestion() == null
        || f.suggestion().equals(f.target()) || f.suggestion().indexOf('\n') >= 0
        || f.suggestion().indexOf('\r') >= 0) {
      return Optional.empty();
    }
    return sources.line(f.path(), f.line()).flatMap(text -> {
      int at = targetColumn(text, f.target(), f.column() - 1);
      return at < 0 ? Optional.empty() : Optional.of(new CertainFix(f.path(), f.line(), at + 1,
          at + 1 + f.target().length(), f.target(), f.suggestion()));
    });
  }

  /** Whether this and {@code other} change overlapping text of the same line of the same file. */
  public boolean overlaps(CertainFix other) {
    return path.equals(other.path) && line == other.line && startColumn < other.endColumn
        && other.startColumn < endColumn;
  }

  /** What the fix does, in words. */
  public String description() {
    return "Replace '" + replaced + "' with '" + replacement + "'";
  }

  /**
   * Where the target starts on its line, at or after the link: the first occurrence that opens a destination
   * ({@code (}, {@code <}, a quote, {@code =}), so link text that repeats the target is not replaced; else the only
   * occurrence (a bare URL); else -1 (ambiguous: no fix rather than a wrong one).
   */
  static int targetColumn(String line, String target, int from) {
    int only = -1;
    int count = 0;
    for (int at = line.indexOf(target, Math.max(0, from)); at >= 0; at = line.indexOf(target, at + 1)) {
      if (at > 0 && "(<\"'=".indexOf(line.charAt(at - 1)) >= 0) {
        return at;
      }
      only = at;
      count++;
    }
    return count == 1 ? only : -1;
  }
}
