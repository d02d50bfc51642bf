package org.docgate.validate.completeness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.docgate.finding.Finding;
import org.docgate.markdown.Position;
import org.docgate.markdown.ProseRun;

/**
 * {@code completeness/placeholder}: markers such as TODO, 待补充, 规划中 in prose, tables and headings. Link and alt
 * text are left out (a table of contents repeats the headings it links to); code never reaches the prose runs. A
 * marker in a heading flags the whole section once, so markers inside that section are not reported again.
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
    List<Outline.Section> flagged = new ArrayList<>();
    for (ProseRun run : ctx.doc.prose()) {
      if (run.scope() != ProseRun.Scope.HEADING) {
        continue;
      }
      Outline.Section section = ctx.outline.sectionAt(run.position().line());
      if (section == null || section.firstLine() != run.position().line() || flagged.contains(section)) {
        continue;
      }
      List<PlaceholderMarkers.Match> found = markers.find(run.text());
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
        if (flagged.stream().anyMatch(s -> s.contains(at.line())) || !reportedLines.add(at.line())) {
          continue;
        }
        findings.add(ctx.finding(CompletenessRules.PLACEHOLDER, at,
            "'" + m.marker() + "' marks unfinished content"));
      }
    }
    return findings;
  }
}
