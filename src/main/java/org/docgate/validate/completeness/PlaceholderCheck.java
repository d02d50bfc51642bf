package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.docgate.finding.Finding;
import org.docgate.markdown.InlineCode;
import org.docgate.markdown.Position;
import org.docgate.markdown.ProseRun;

/**
 * {@code completeness/placeholder}: markers such as TODO, 待补充, 规划中 in prose, tables and headings. Link and alt
 * text are left out (a table of contents repeats the headings it links to); code never reaches the prose runs. A
 * marker in a heading flags the whole section once, so markers inside that section are not reported again.
 *
 * <p>In code, only a fill-in value counts: a code span that is a marker in angle brackets ({@code `<TBD date>`},
 * {@code `<TODO>`}), the blank a template asks for that nobody filled in; {@code TODO} in other code is code. A
 * record (a finished proposal, a dated report) gets no placeholder findings: its open items are history; each is
 * counted in {@code stats.completeness.exempt.record}. One exception: a section of a carried-out proposal (a KEP
 * marked implemented) whose whole text is a lone marker ("## Implementation History" then "TBD") was never written.
 */
final class PlaceholderCheck {
  private final PlaceholderMarkers markers;

  PlaceholderCheck(PlaceholderMarkers markers) {
    this.markers = markers;
  }

  List<Finding> check(DocumentContext ctx) {
    List<Finding> findings = new ArrayList<>();
    if (markers.isEmpty()) {
      return findings;
    }
    boolean record = ctx.isRecord();
    boolean draft = ctx.config.duties().isDraft(ctx);
    // a record's or a draft's gaps are not judged (counted as exempt); one reason for the headings and code spans
    String notJudged = record ? "record" : draft ? "draft" : null;
    List<Outline.Section> flagged = new ArrayList<>();
    for (ProseRun run : ctx.doc.prose()) {
      if (run.scope() != ProseRun.Scope.HEADING) {
        continue;
      }
      Outline.Section section = ctx.outline.sectionAt(run.position().line());
      if (section == null || section.firstLine() != run.position().line() || flagged.contains(section)) {
        continue;
      }
      if (notJudged != null) {
        // a report's "## 待补充内容 (25%)" or a changelog's "## Coming Soon" lists other work at its date; a
        // provisional proposal's gaps are what its status says
        markers.find(run.text()).stream().findFirst().ifPresent(m -> ctx.exempt(notJudged));
        continue;
      }
      // a status word in a heading ("## 性能调优（规划中）") does mark the section; a noun-like marker only alone
      List<PlaceholderMarkers.Match> found = markers.find(run.text()).stream()
          .filter(m -> !isStandaloneOnly(ctx, m) || standsAlone(run.text(), m)).toList();
      if (!found.isEmpty()) {
        flagged.add(section);
        PlaceholderMarkers.Match m = found.get(0);
        findings.add(ctx.finding(CompletenessRules.PLACEHOLDER, DocumentContext.positionIn(run, m.offset()),
            "section '" + section.heading().text() + "' is marked unfinished ('" + m.marker()
                + "'): the whole section counts as incomplete"));
      }
    }
    Set<Integer> reportedLines = new HashSet<>();
    for (ProseRun run : ctx.doc.prose()) {
      if (run.scope() != ProseRun.Scope.PARAGRAPH && run.scope() != ProseRun.Scope.TABLE) {
        continue;
      }
      for (PlaceholderMarkers.Match m : markers.find(run.text())) {
        Position at = DocumentContext.positionIn(run, m.offset());
        if (covered(flagged, reportedLines, at.line())) {
          continue;
        }
        if (Words.containsAny(m.marker(), ctx.config.statusWords())) {
          ctx.exempt("status"); // "| 03_K3s | ⬜ | 规划中 |", "**状态**: 规划中": where a plan stands (see StatusCheck)
          continue;
        }
        boolean alone = standsAlone(run.text(), m);
        if (isStandaloneOnly(ctx, m) && !alone) {
          ctx.exempt("topicNoun"); // "证据生成脚本占位", "vRA 占位：x.md": the word names a thing
          continue;
        }
        if (run.scope() == ProseRun.Scope.TABLE && !alone && isAssessment(run.text(), m)) {
          ctx.exempt("assessment"); // "| Gateway API | … | 生态较新，待完善 |": a drawback the row states, not a gap
          continue;
        }
        // asked first: most markers of a corpus of proposals sit in records, and their stage does not matter
        String unfilled = record ? unfilledInCarriedOut(ctx, at.line()) : null;
        if (record && unfilled == null) {
          // a dated report's "剩余30%待补充" reports the state of other work at its date; a finished proposal's
          // "(TODO)" is a work item of its time
          ctx.exempt("record");
          continue;
        }
        String notNow = draft ? "draft" : notDueYet(ctx, at.line());
        if (notNow != null) {
          ctx.exempt(notNow); // "TBD after alpha" in an alpha proposal, "TBD" in a section required from beta
          continue;
        }
        reportedLines.add(at.line());
        findings.add(ctx.finding(CompletenessRules.PLACEHOLDER, at, unfilled != null
            ? "'" + m.marker() + "' is all the section '" + unfilled + "' holds, yet the document's status is '"
                + ctx.currency().statedStatus() + "': what it waited for has happened; fill it in"
            : "'" + m.marker() + "' marks unfinished content"));
      }
    }
    for (InlineCode code : ctx.doc.inlineCode()) {
      PlaceholderMarkers.Match m = fillIn(code.text());
      Position at = code.position();
      if (m == null || covered(flagged, reportedLines, at.line())) {
        continue;
      }
      if (notJudged != null) {
        ctx.exempt(notJudged);
        continue;
      }
      reportedLines.add(at.line());
      findings.add(ctx.finding(CompletenessRules.PLACEHOLDER, at,
          "'" + code.text().strip() + "' is a value left to fill in ('" + m.marker() + "')"));
    }
    return findings;
  }

  /** One finding a line: a line inside a section flagged by its heading, or with a finding already, gets none. */
  private static boolean covered(List<Outline.Section> flagged, Set<Integer> reportedLines, int line) {
    return flagged.stream().anyMatch(s -> s.contains(line)) || reportedLines.contains(line);
  }

  /**
   * The heading of the section whose whole text is the lone marker on {@code line} ("## Implementation History" then
   * "TBD"), in a record whose stated status says its work was carried out ({@code placeholders.carriedOut}: a KEP
   * marked implemented), or null. Such a section was never written: what it waited for has happened since, so the
   * marker is no longer a work item of its time (those stay exempt, as in a withdrawn or deferred proposal, where
   * the gap is still true, and in a dated report).
   */
  private String unfilledInCarriedOut(DocumentContext ctx, int line) {
    if (ctx.currency() == null || !ctx.config.isCarriedOut(ctx.currency().statedStatus())) {
      return null;
    }
    Outline.Section section = ctx.outline.sectionAt(line);
    if (section == null || line == section.firstLine() || !markers.isLoneMarker(lineOrEmpty(ctx, line))
        || ctx.cueOf(section.heading().text()) == org.docgate.corpus.Exemption.Reason.PLAN) {
      return null; // "### GA -> Future" then "TODO": what comes after is still open, implemented or not
    }
    boolean inComment = false;
    for (int l = section.firstLine() + 1; l <= section.bodyEnd(); l++) {
      String text = lineOrEmpty(ctx, l).strip();
      if (inComment) {
        inComment = !text.contains("-->");
        continue;
      }
      if (text.startsWith("<!--")) {
        inComment = !text.contains("-->"); // the template's guidance: invisible, not an answer
        continue;
      }
      if (!text.isEmpty() && !markers.isLoneMarker(text)) {
        return null;
      }
    }
    return section.heading().text();
  }

  private static String lineOrEmpty(DocumentContext ctx, int line) {
    String text = ctx.line(line);
    return text == null ? "" : text;
  }

  /**
   * Why the marker on {@code line} is not due yet, or null: its line puts it off to a stage the document has not
   * reached ("TBD after alpha", "TBD / Completed before beta graduation"), or its section need not be answered now
   * (optional, conditional, or required from a later stage: {@link SectionDuties}).
   */
  private static String notDueYet(DocumentContext ctx, int line) {
    SectionDuties duties = ctx.config.duties();
    if (duties.deferredBeyond(ctx, ctx.line(line))) {
      return "laterStage";
    }
    Outline.Section section = ctx.outline.sectionAt(line);
    SectionDuties.NotDue notDue = section == null ? null : duties.notDue(ctx, section);
    return notDue == null ? null : notDue.reason();
  }

  /** The marker of a fill-in code span ({@code <TBD date>}, {@code <TODO>}), or null. */
  PlaceholderMarkers.Match fillIn(String code) {
    String c = code.strip();
    if (c.length() < 3 || c.charAt(0) != '<' || c.charAt(c.length() - 1) != '>') {
      return null;
    }
    String inner = c.substring(1, c.length() - 1).strip();
    if (inner.indexOf('<') >= 0 || inner.indexOf('>') >= 0) {
      return null;
    }
    List<PlaceholderMarkers.Match> found = markers.find(inner);
    return !found.isEmpty() && found.get(0).offset() == 0 ? found.get(0) : null;
  }

  /**
   * Whether a Chinese marker in a table cell is the predicate of what the cell says about its row ("生态较新，待完善":
   * the ecosystem is young and still maturing), not a gap in the page: the cell says something else before it. A
   * cell that is only the marker, or starts with it ("待补充：示例"), stays a placeholder; so do Latin markers ("TBD").
   */
  static boolean isAssessment(String cell, PlaceholderMarkers.Match m) {
    if (!m.marker().codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
      return false;
    }
    return !PlaceholderMarkers.core(cell.substring(0, m.offset())).isEmpty();
  }

  private static boolean isStandaloneOnly(DocumentContext ctx, PlaceholderMarkers.Match m) {
    return ctx.config.standaloneMarkers().stream().anyMatch(w -> w.equalsIgnoreCase(m.marker()));
  }

  /**
   * Whether a marker stands alone: the whole text (a line, a table cell) without bullets and punctuation, the whole
   * of a bracket ("认证对接（占位）：", "(TBD)"), the value after a label ("Status: TBD"), or the label of a note
   * ("（待补充：参考部署清单）", "TODO: add the steps").
   */
  static boolean standsAlone(String text, PlaceholderMarkers.Match m) {
    String core = PlaceholderMarkers.core(text);
    if (core.equalsIgnoreCase(m.marker())) {
      return true;
    }
    int before = m.offset() - 1;
    while (before >= 0 && text.charAt(before) == ' ') {
      before--;
    }
    int after = m.offset() + m.length();
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    char b = before >= 0 ? text.charAt(before) : '\n';
    char a = after < text.length() ? text.charAt(after) : '\n';
    boolean bracketed = "（(【[「".indexOf(b) >= 0 && "）)】]」".indexOf(a) >= 0;
    boolean afterLabel = (b == ':' || b == '：') && (a == '\n' || "。.!！;；".indexOf(a) >= 0);
    // a marker heading a note: "（待补充：参考部署清单）", "TODO: add the steps"
    boolean label = ("（(【[「".indexOf(b) >= 0 || b == '\n' || text.substring(0, m.offset()).isBlank()
        || PlaceholderMarkers.core(text.substring(0, m.offset())).isEmpty()) && (a == ':' || a == '：');
    return bracketed || afterLabel || label;
  }
}
