package org.docgate.validate.versions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.docgate.markdown.MarkdownDocument;
import org.docgate.markdown.ProseRun;

/**
 * The prose of a document rebuilt line by line, each run at its own column, so an offset in a line's text is its
 * column minus one. Markup between runs becomes spaces when short (emphasis: {@code **Kubernetes** 1.30} still
 * reads "Kubernetes 1.30") and a NUL stop character when longer (inline code, a link's URL), so a mention never
 * spans code or a URL. Link text is left out. Table cells are kept apart, one list per line. Pure.
 */
final class ProseLines {
  /** A run of one table row: its text and 1-based column. */
  record Cell(String text, int column) {}

  /** Link text is left out: it names documents ("[Docker 25.0更新报告](...)") or repeats headings (a ToC). */
  private static final Set<ProseRun.Scope> TEXT = EnumSet.of(ProseRun.Scope.PARAGRAPH, ProseRun.Scope.HEADING);
  static final char STOP = '\u0000';

  final Map<Integer, String> text = new TreeMap<>();
  final Map<Integer, List<Cell>> cells = new TreeMap<>();

  ProseLines(MarkdownDocument doc) {
    Map<Integer, StringBuilder> lines = new TreeMap<>();
    for (ProseRun run : doc.prose()) {
      for (ProseRun.LinePart part : run.lines()) {
        if (run.scope() == ProseRun.Scope.TABLE) {
          cells.computeIfAbsent(part.line(), l -> new ArrayList<>()).add(new Cell(part.text(), part.column()));
        } else if (TEXT.contains(run.scope())) {
          place(lines.computeIfAbsent(part.line(), l -> new StringBuilder()), part.text(), part.column());
        }
      }
    }
    lines.forEach((line, sb) -> text.put(line, sb.toString()));
  }

  /**
   * The header row of the table holding row {@code line}: the row above its delimiter row ({@code |---|:--|}),
   * found by walking up consecutive table lines. Returns {@code line} itself for a header row or when unknown.
   */
  int headerOf(int line) {
    for (int h = line; cells.containsKey(h); h--) {
      if (isDelimiter(cells.get(h))) {
        return cells.containsKey(h - 1) ? h - 1 : line;
      }
    }
    return line;
  }

  static boolean isDelimiter(List<Cell> row) {
    return row.stream().allMatch(c -> c.text().strip().matches(":?-+:?"));
  }

  private static void place(StringBuilder sb, String part, int column) {
    int at = column - 1;
    int gap = at - sb.length();
    if (gap > 0) {
      char[] fill = new char[gap];
      Arrays.fill(fill, gap <= 2 ? ' ' : STOP);
      sb.append(fill);
    }
    if (at < sb.length()) {
      sb.setLength(Math.max(at, 0)); // overlapping runs (should not happen): the later one wins
    }
    sb.append(part);
  }
}
