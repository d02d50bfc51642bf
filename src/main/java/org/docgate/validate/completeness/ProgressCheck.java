package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docgate.corpus.CorpusIndex;
import org.docgate.corpus.LinkTarget;
import org.docgate.finding.Finding;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;

/**
 * {@code completeness/stale-count} for progress claims: "完成度: 20% (2/10章节完成)", "已完成 3/8 章", "4/9 chapters
 * done" say how many chapters of a folder are written; when the folder holds more chapters with content than the
 * claim counts as done, the claim is stale (a missed probe of the sixth blind round: 2 of 10 claimed, chapters 00-08
 * present). A chapter is a document right in the folder (not its README or index) of {@link StatusCheck#MIN_LINES}
 * lines or more, or a subfolder holding one: a stub may still be unwritten. Only more chapters than claimed is
 * reported: fewer may be chapters kept elsewhere or in one file. The subject is the folder the line names, or, when
 * it names none, the folder of the landing page (README.md, index.md, _index.md) it stands in. Records and lines
 * describing a change (新增, 本周) are not judged.
 */
final class ProgressCheck {
  /** "2/10章节", "3 / 8 章", "4/9 chapters": done over planned, with a unit of chapters. */
  private static final Pattern FRACTION = Pattern.compile(
      "(?<![\\d.,/])(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*(?:个)?(章节|章|篇|节|(?i:chapters?))");
  /** The line says the fraction is what is done ("完成", not "未完成"; "done", "complete"), or labels it progress. */
  private static final Pattern DONE = Pattern.compile(
      "(?<![未待])完成|已编写|完成度|进度|\\b(done|complete|completed|finished|progress)\\b", Pattern.CASE_INSENSITIVE);

  List<Finding> check(DocumentContext ctx, java.util.Map<String, Long> counters) {
    List<Finding> findings = new ArrayList<>();
    if (ctx.isRecord()) {
      return findings;
    }
    Set<Integer> seen = new TreeSet<>();
    for (ProseRun run : ctx.doc.prose()) {
      if (run.scope() == ProseRun.Scope.LINK_TEXT || run.scope() == ProseRun.Scope.ALT_TEXT) {
        continue;
      }
      Matcher m = FRACTION.matcher(run.text());
      if (!m.find() || !seen.add(run.position().line())) {
        continue;
      }
      int line = run.position().line();
      List<String> texts = StaleCountCheck.textsOnLine(ctx, line);
      String whole = String.join(" ", texts);
      if (!DONE.matcher(whole).find() || Words.containsAny(whole, ctx.config.deltaWords())) {
        continue;
      }
      long done = Long.parseLong(m.group(1));
      long planned = Long.parseLong(m.group(2));
      if (done >= planned) {
        continue; // "8/8章节": all done; more chapters than planned is no stale progress
      }
      // "1/10" reads as a path to the subject finder: the fractions are blanked out first
      String folder = subject(ctx, line, texts.stream().map(t -> FRACTION.matcher(t).replaceAll(" ")).toList());
      if (folder == null) {
        continue;
      }
      List<String> chapters = chapters(ctx.index, folder);
      counters.merge("completeness.counts.claims", 1L, Long::sum);
      counters.merge("completeness.counts.checked", 1L, Long::sum);
      if (chapters.size() > done) {
        counters.merge("completeness.counts.stale", 1L, Long::sum);
        findings.add(ctx.finding("completeness/stale-count", run.positionAt(m.start()),
            "says " + done + " of " + planned + " chapters are done, but '" + (folder.isEmpty() ? "." : folder)
                + "/' holds " + chapters.size() + " chapters with content (" + range(chapters)
                + "): update the progress"));
      }
    }
    return findings;
  }

  /** The one folder the line names, else the folder of the landing page the line stands in, else null. */
  private static String subject(DocumentContext ctx, int line, List<String> texts) {
    Set<StaleCountCheck.Subject> named = StaleCountCheck.subjects(ctx, line, texts);
    if (named.size() == 1) {
      StaleCountCheck.Subject s = named.iterator().next();
      return s.document() || !ctx.index.isDirectory(s.path()) ? null : s.path();
    }
    if (!named.isEmpty()) {
      return null;
    }
    String name = CorpusIndex.baseName(ctx.doc.path());
    return CorpusCounts.isLandingPage(name) || name.equals("_index.md")
        ? LinkTarget.directoryOf(ctx.doc.path()) : null;
  }

  /** The folder's chapters with content, sorted: its own documents (not landing pages) and subfolders holding one. */
  static List<String> chapters(CorpusIndex index, String folder) {
    String prefix = folder.isEmpty() ? "" : folder + "/";
    Set<String> out = new TreeSet<>();
    for (MarkdownDocument doc : index.documents().values()) {
      String path = doc.path();
      if (!path.startsWith(prefix) || doc.lineCount() < StatusCheck.MIN_LINES) {
        continue;
      }
      String rest = path.substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash >= 0) {
        out.add(rest.substring(0, slash) + "/");
      } else if (!CorpusCounts.isLandingPage(rest) && !rest.equals("_index.md")) {
        out.add(rest);
      }
    }
    return List.copyOf(out);
  }

  private static String range(List<String> chapters) {
    return chapters.size() == 1 ? chapters.get(0) : chapters.get(0) + " … " + chapters.get(chapters.size() - 1);
  }
}
